/// Value types whose modifiers return a changed copy (SwiftUI style), sharing one helper.
public protocol CopyModifying {}

extension CopyModifying {
  /// `self` with `change` applied. NB: consuming, so that a chain of modifiers declared `consuming`
  /// (those of `Panel`, a large value) moves one value along instead of copying it at every step.
  consuming func with(_ change: (inout Self) -> Void) -> Self {
    var copy = self
    change(&copy)
    return copy
  }
}
