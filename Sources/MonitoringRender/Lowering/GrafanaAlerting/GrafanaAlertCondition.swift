public import MonitoringDSL

/// How a Prometheus alert expression becomes Grafana's query and condition.
///
/// Prometheus fires an alert for every series the expression returns, and the alert's value
/// (`$value`) is that series' value. A comparison with a number filters: `x > 5` returns the series
/// of `x` whose value is above 5, *with `x`'s value* (not 1). So Grafana's faithful form is:
///
/// - **A comparison with a number at the top** (`x > 5`, `x == 0`, `0.05 < x`, typed in the DSL):
///   query A is `x` alone (instant), B reduces it with `last` (strict: a NaN stays NaN and, as in
///   PromQL, compares false), and C is a `threshold` on B with the comparison's evaluator: `gt`, `lt`,
///   `gte`, `lte`, `eq`, `ne` (Grafana 12 has all six; a number on the left is flipped, `0.05 < x` is
///   `x gt 0.05`). Each series of A is an alert instance; those C holds for fire, with A's value.
/// - **Anything else** (`or`, `and`, `unless`, `absent(…)`, a comparison between two vectors or with
///   `bool`, text written as `PromQL.raw`): query A is the whole expression, B reduces it with `last`,
///   and C is the `math` expression `$B == $B || $B != $B`, which is 1 for every number NaN included:
///   every series A returns fires, whatever its value (`up == 0 or absent(up)` returns 0 for a down
///   target, so a threshold `> 0` would miss it).
///
/// In both, `$value` in annotations becomes `$values.A.Value`, the value Prometheus gives `$value`
/// (Grafana's own `$value` is a text listing every expression).
/// ```swift
/// GrafanaAlertCondition(App.errors.rate("5m").sum().greaterThan(10))
/// // .threshold(query: sum(rate(app_errors_total[5m])), evaluator: "gt", value: 10)
/// ```
public enum GrafanaAlertCondition: Hashable, Sendable {
  case threshold(query: PromQL, evaluator: String, value: Double)
  case everySeries(query: PromQL)

  public init(_ expr: PromQL) {
    guard case .binary(let left, let op, let right, false, nil) = expr,
      let evaluator = Self.evaluators[op]
    else {
      self = .everySeries(query: expr)
      return
    }
    switch (left, right) {
    case (_, .number(let value)) where value.isFinite && !Self.isNumber(left):
      self = .threshold(query: left, evaluator: evaluator.normal, value: value)
    case (.number(let value), _) where value.isFinite && !Self.isNumber(right):
      self = .threshold(query: right, evaluator: evaluator.flipped, value: value)
    default:
      self = .everySeries(query: expr)
    }
  }

  /// The PromQL of query A.
  public var query: PromQL {
    switch self {
    case .threshold(let query, _, _), .everySeries(let query): query
    }
  }

  /// Grafana's threshold evaluator for each comparison, and for it with its operands swapped.
  private static let evaluators: [BinaryOperator: (normal: String, flipped: String)] = [
    .greater: ("gt", "lt"), .less: ("lt", "gt"), .greaterOrEqual: ("gte", "lte"), .lessOrEqual: ("lte", "gte"),
    .equal: ("eq", "eq"), .notEqual: ("ne", "ne"),
  ]

  private static func isNumber(_ expr: PromQL) -> Bool {
    if case .number = expr { return true }
    return false
  }
}
