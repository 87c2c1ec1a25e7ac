public import MonitoringDSL

/// A PromQL expression as ``PromQLParser`` reads it from text: the syntax tree Prometheus' parser
/// builds, with the operators and modifiers of the DSL's `PromQL` where they mean the same.
/// ```swift
/// let tree = try PromQLParser.parse(#"sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))"#)
/// // .aggregation(.sum, .call("rate", [.matrix(selector, range: 5m)]), parameter: nil, grouping: .by(["job"]))
/// ```
public indirect enum PromQLExpression: Hashable, Sendable {
  case number(Double)
  case string(String)
  /// An instant vector selector, `name{matchers} offset 5m @ end()`.
  case selector(PromQLSelector)
  /// A range vector selector, `name{matchers}[5m]`; its modifiers are the selector's.
  case matrix(PromQLSelector, range: PromQLDuration)
  /// `expr[range:step]`, the step `nil` for the evaluation interval.
  case subquery(PromQLExpression, range: PromQLDuration, step: PromQLDuration?, modifiers: PromQLModifiers)
  case call(String, [PromQLExpression])
  case aggregation(AggregationOperator, PromQLExpression, parameter: PromQLExpression?, grouping: Grouping?)
  case binary(PromQLExpression, BinaryOperator, PromQLExpression, returnBool: Bool, matching: VectorMatching?)
  /// Unary minus (a unary plus is dropped, and a negated number literal folded).
  case negation(PromQLExpression)
  case parenthesized(PromQLExpression)
}

/// `name{matchers}` with its modifiers. The name is `nil` when only matchers select (`{__name__=~"up|x"}`).
public struct PromQLSelector: Hashable, Sendable {
  public var name: String?
  public var matchers: [LabelMatcher]
  public var modifiers = PromQLModifiers()
  /// The name came from a Grafana variable (`$metric`): it names no catalogue metric.
  public var nameIsTemplated = false

  public init(name: String?, matchers: [LabelMatcher], nameIsTemplated: Bool = false) {
    self.name = name
    self.matchers = matchers
    self.nameIsTemplated = nameIsTemplated
  }
}

/// `offset` and `@` of a selector or subquery.
public struct PromQLModifiers: Hashable, Sendable {
  public enum Timestamp: Hashable, Sendable {
    case seconds(Double)
    case start
    case end
  }

  /// The offset, negative for `offset -5m`.
  public var offset: PromQLDuration?
  public var offsetIsNegative = false
  public var at: Timestamp?

  public init() {}
}

/// A duration literal as written (`5m`, `$__rate_interval`), with its length: for one Grafana substitutes
/// (`isTemplated`), the length of the value it is given when checked.
public struct PromQLDuration: Hashable, Sendable {
  public var text: String
  public var milliseconds: Int
  public var isTemplated: Bool

  public init(text: String, milliseconds: Int, isTemplated: Bool = false) {
    self.text = text
    self.milliseconds = milliseconds
    self.isTemplated = isTemplated
  }
}
