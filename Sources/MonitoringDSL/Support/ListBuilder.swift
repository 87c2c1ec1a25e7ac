/// The shared shape of every result builder in the DSL: a body's statements become one `[Element]`.
///
/// Each level of the DSL declares its own three-line builder on top of this protocol, so the
/// type checker only ever sees one concrete component type per level (fast), and a body gives an
/// `[Element]` (`Equatable` for tests):
/// ```swift
/// @resultBuilder public enum PanelBuilder: ListBuilder { public typealias Element = Panel }
/// ```
/// A builder that takes other values maps each onto an element with an overload of `buildExpression`:
/// ```swift
/// public static func buildExpression(_ rule: AlertRule) -> ListPart<Rule> { .one(.alert(rule)) }
/// ```
public protocol ListBuilder {
  associatedtype Element
}

/// What a result builder's statements give before they are joined: one element, or a list of them.
/// NB: a statement's single element is not wrapped in an array of its own, so a block allocates one
/// array, the joined one (a panel's queries and threshold steps, a row's panels), not one per statement.
public enum ListPart<Element> {
  case one(Element)
  case many([Element])

  @inlinable var count: Int {
    switch self {
    case .one: 1
    case .many(let elements): elements.count
    }
  }

  /// The elements, moved out.
  @inlinable consuming func elements() -> [Element] {
    switch consume self {
    case .one(let element): [element]
    case .many(let elements): elements
    }
  }
}

// NB: `@inlinable` lets the specs' module specialise these for its element types; without it every
// call goes through unspecialised generic code (metadata look-ups, witness calls).
extension ListBuilder {
  @inlinable public static func buildExpression(_ element: Element) -> ListPart<Element> { .one(element) }
  @inlinable public static func buildExpression(_ elements: [Element]) -> ListPart<Element> { .many(elements) }
  /// (One statement's part is passed on as it is: through the variadic array it would be copied.)
  @inlinable public static func buildBlock(_ part: ListPart<Element>) -> ListPart<Element> { part }
  @inlinable public static func buildBlock(_ parts: ListPart<Element>...) -> ListPart<Element> { joined(parts) }
  @inlinable public static func buildOptional(_ part: ListPart<Element>?) -> ListPart<Element> { part ?? .many([]) }
  @inlinable public static func buildEither(first part: ListPart<Element>) -> ListPart<Element> { part }
  @inlinable public static func buildEither(second part: ListPart<Element>) -> ListPart<Element> { part }
  @inlinable public static func buildArray(_ parts: consuming [ListPart<Element>]) -> ListPart<Element> {
    joined(moving: parts)
  }
  @inlinable public static func buildLimitedAvailability(_ part: ListPart<Element>) -> ListPart<Element> { part }
  @inlinable public static func buildFinalResult(_ part: ListPart<Element>) -> [Element] { part.elements() }

  /// The parts in one array, allocated once (`flatMap` grows it step by step); one part as it is.
  @inlinable static func joined(_ parts: [ListPart<Element>]) -> ListPart<Element> {
    if parts.count == 1 { return parts[0] }
    var result: [Element] = []
    result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
    for part in parts {
      switch part {
      case .one(let element): result.append(element)
      case .many(let elements): result.append(contentsOf: elements)
      }
    }
    return .many(result)
  }

  /// The same, each element moved rather than copied: for parts no one else holds (a loop's).
  @inlinable static func joined(moving parts: consuming [ListPart<Element>]) -> ListPart<Element> {
    if parts.count == 1 { return parts.removeLast() }
    let total = parts.reduce(0) { $0 + $1.count }
    return .many(
      [Element](unsafeUninitializedCapacity: total) { buffer, initialized in
        // Back to front: `popLast` moves the element out of an array no one else holds.
        var end = total
        while let part = parts.popLast() {
          switch consume part {
          case .one(let element):
            end -= 1
            buffer.initializeElement(at: end, to: element)
          case .many(var elements):
            while let element = elements.popLast() {
              end -= 1
              buffer.initializeElement(at: end, to: element)
            }
          }
        }
        initialized = total
      })
  }
}
