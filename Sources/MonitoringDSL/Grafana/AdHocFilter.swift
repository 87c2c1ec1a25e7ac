/// One filter of an ad-hoc filters variable (``Variable/adhoc(_:datasource:filters:baseFilters:defaultKeys:allowsCustomValues:)``):
/// a label, an operator and a value, as Grafana saves `{"key", "operator", "value"}`.
/// ```swift
/// AdHocFilter("namespace", .matchesRegex, "prod-.*")
/// ```
public struct AdHocFilter: Hashable, Sendable {
  /// Grafana's ad-hoc filter operators.
  public enum Operator: String, Sendable {
    case equal = "="
    case notEqual = "!="
    case matchesRegex = "=~"
    case notMatchesRegex = "!~"
    case lessThan = "<"
    case greaterThan = ">"
  }

  public var key: String
  public var `operator`: Operator
  public var value: String

  public init(_ key: String, _ operator: Operator, _ value: String) {
    self.key = key
    self.operator = `operator`
    self.value = value
  }
}
