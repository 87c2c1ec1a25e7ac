import Dispatch

extension Array where Element: Sendable {
  /// `map(transform)` with the elements transformed on all cores; the results are in element order.
  func concurrentMap<Result>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
      nonisolated(unsafe) let slots = buffer
      // Each iteration initializes only its own slot.
      DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.initializeElement(at: index, to: transform(self[index]))
      }
      initialized = count
    }
  }
}
