/// The shared shape of every result builder in the DSL: one component type, `[Element]`.
///
/// Each level of the DSL declares its own three-line builder on top of this protocol, so the
/// type checker only ever sees arrays of one concrete type (fast, and `Equatable` for tests):
/// ```swift
/// @resultBuilder public enum PanelBuilder: ListBuilder { public typealias Element = Panel }
/// ```
public protocol ListBuilder {
  associatedtype Element
}

// NB: `@inlinable` lets the specs' module specialise these for its element types; without it every
// call goes through unspecialised generic code (metadata look-ups, witness calls).
extension ListBuilder {
  @inlinable public static func buildExpression(_ element: Element) -> [Element] { [element] }
  @inlinable public static func buildExpression(_ elements: [Element]) -> [Element] { elements }
  @inlinable public static func buildBlock(_ parts: [Element]...) -> [Element] { joined(parts) }
  @inlinable public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
  @inlinable public static func buildEither(first part: [Element]) -> [Element] { part }
  @inlinable public static func buildEither(second part: [Element]) -> [Element] { part }
  @inlinable public static func buildArray(_ parts: consuming [[Element]]) -> [Element] { joined(moving: parts) }
  @inlinable public static func buildLimitedAvailability(_ part: [Element]) -> [Element] { part }

  /// The parts in one array, allocated once (`flatMap` grows it step by step).
  @inlinable static func joined(_ parts: [[Element]]) -> [Element] {
    if parts.count == 1 { return parts[0] }
    var result: [Element] = []
    result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts { result.append(contentsOf: part) }
    return result
  }

  /// The same, each element moved rather than copied: for parts no one else holds (a loop's).
  @inlinable static func joined(moving parts: consuming [[Element]]) -> [Element] {
    if parts.count == 1 { return parts.removeLast() }
    let total = parts.reduce(0) { $0 + $1.count }
    return [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
      // Back to front: `popLast` moves the element out of an array no one else holds.
      var end = total
      while var part = parts.popLast() {
        while let element = part.popLast() {
          end -= 1
          buffer.initializeElement(at: end, to: element)
        }
      }
      initialized = total
    }
  }
}
