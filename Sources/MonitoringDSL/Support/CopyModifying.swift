/// Value types whose modifiers return a changed copy (SwiftUI style), sharing one helper.
public protocol CopyModifying {}

extension CopyModifying {
  /// A copy of `self` with `change` applied.
  func with(_ change: (inout Self) -> Void) -> Self {
    var copy = self
    change(&copy)
    return copy
  }
}
