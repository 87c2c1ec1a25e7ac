import Dispatch

/// The parts of some work that no thread has taken yet, taken by several threads at once: one from
/// the front (in order), the others from the back.
final class PartClaims: @unchecked Sendable {
  /// Guarded by `lock`.
  private var remaining: Range<Int>
  private let lock = DispatchQueue(label: "PartClaims")

  init(count: Int) { remaining = 0..<count }

  func takeFirst() -> Int? {
    lock.sync {
      guard let first = remaining.first else { return nil }
      remaining = (first + 1)..<remaining.upperBound
      return first
    }
  }

  func takeLast() -> Int? {
    lock.sync {
      guard let last = remaining.last else { return nil }
      remaining = remaining.lowerBound..<last
      return last
    }
  }
}
