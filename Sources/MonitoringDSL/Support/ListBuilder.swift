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

extension ListBuilder {
  public static func buildExpression(_ element: Element) -> [Element] { [element] }
  public static func buildExpression(_ elements: [Element]) -> [Element] { elements }
  public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }
  public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
  public static func buildEither(first part: [Element]) -> [Element] { part }
  public static func buildEither(second part: [Element]) -> [Element] { part }
  public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }
  public static func buildLimitedAvailability(_ part: [Element]) -> [Element] { part }
}
