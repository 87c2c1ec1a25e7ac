/// A JSON document as a value: what dashboards lower to, and the type of the raw-JSON escape hatch.
///
/// Objects are unordered here; the writer sorts keys, so the bytes never depend on insertion order.
/// ```swift
/// let extra: JSONValue = ["options": ["legend": ["showLegend": false]]]
/// ```
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// Deep-merges `other` into `self`: objects merge key by key, anything else is replaced by `other`.
  ///
  /// ```swift
  /// let merged = base.merging(["options": ["legend": ["showLegend": false]]])
  /// ```
  public func merging(_ other: JSONValue) -> JSONValue {
    guard case .object(var mine) = self, case .object(let theirs) = other else { return other }
    for (key, value) in theirs {
      mine[key] = mine[key].map { $0.merging(value) } ?? value
    }
    return .object(mine)
  }

  /// The member `key` of an object, or `nil`.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members[key]
  }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}
