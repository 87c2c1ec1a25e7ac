/// A PromQL expression as a tree, built from the metric catalogue and rendered as canonical text.
/// Typed entry points keep the common mistakes from compiling (no `rate` on a gauge); the validator
/// catches the rest (short rate ranges, `rate(sum(…))`, raw counters in alerts, thresholds that are
/// not bucket bounds). ``PromQL/raw(_:)`` is the escape hatch; promtool still parses it.
/// ```swift
/// let errorsPerMinute = App.errors.rate("5m", [.equal("job", "websocket-app")]).sum(by: ["job"]).times(60)
/// let alert = errorsPerMinute.greaterThan(10)
/// // sum by (job) (rate(app_errors_total{job="websocket-app"}[5m])) * 60 > 10
/// ```
public indirect enum PromQL: Hashable, Sendable, CustomStringConvertible {
  /// `name{matchers}`; `metric` is the catalogue entry when the selector came from one.
  case selector(name: String, matchers: [LabelMatcher], metric: Metric.Definition?)
  /// `expr[window]`: a range selector over a selector, or a subquery `expr[range:step]`.
  case range(PromQL, window: PromWindow, step: PromDuration?)
  case call(String, [PromQL])
  case aggregation(AggregationOperator, PromQL, grouping: Grouping?, parameter: PromQL?)
  case binary(PromQL, BinaryOperator, PromQL, returnBool: Bool, matching: VectorMatching?)
  case number(Double)
  case string(String)
  case offset(PromQL, PromDuration)
  /// Text used as it is.
  case raw(String)

  public var description: String { PromQLPrinter.text(self) }
}

/// The range of a range selector: a duration, or Grafana's `$__rate_interval` (dashboards only).
public enum PromWindow: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  case duration(PromDuration)
  case rateInterval

  public init(stringLiteral value: String) { self = .duration(PromDuration(value)) }

  public var description: String {
    switch self {
    case .duration(let duration): duration.text
    case .rateInterval: "$__rate_interval"
    }
  }
}

public enum AggregationOperator: String, Sendable {
  case sum, avg, min, max, count, stddev, stdvar, group, topk, bottomk, quantile, count_values
}

/// `by (…)` or `without (…)` of an aggregation.
public enum Grouping: Hashable, Sendable {
  case by([String])
  case without([String])
}

public enum BinaryOperator: String, Sendable {
  case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^", atan2
  case equal = "==", notEqual = "!=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
  case and, or, unless

  /// Binding strength, as the PromQL parser has it (higher binds tighter).
  public var precedence: Int {
    switch self {
    case .power: 6
    case .multiply, .divide, .modulo, .atan2: 5
    case .add, .subtract: 4
    case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: 3
    case .and, .unless: 2
    case .or: 1
    }
  }

}

/// `on (…)` / `ignoring (…)` with an optional `group_left (…)` / `group_right (…)`.
public struct VectorMatching: Hashable, Sendable {
  public enum Labels: Hashable, Sendable { case on([String]), ignoring([String]) }
  public enum Group: Hashable, Sendable { case left([String]), right([String]) }
  public var labels: Labels
  public var group: Group?
  public init(_ labels: Labels, group: Group? = nil) {
    self.labels = labels
    self.group = group
  }
}
