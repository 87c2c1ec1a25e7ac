/// A rule group: rules evaluated together at one interval (≤ 5m, the query lookback).
/// ```swift
/// RuleGroup("websocket.alerts", interval: "15s") {
///   highErrorRate
///   lowMessageRate
/// }
/// ```
public struct RuleGroup: Hashable, Sendable, CopyModifying {
  public var name: String
  public var interval: PromDuration?
  /// At most this many alerts or series per evaluation (Prometheus ≥ 2.31).
  public var limit: Int?
  /// Evaluate this long in the past, for late data (Prometheus ≥ 2.53).
  public var queryOffset: PromDuration?
  /// Labels added to every rule of the group (Prometheus ≥ 3.0).
  public var labels: [String: String] = [:]
  public var rules: [Rule]
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []
  /// The SLO the group was generated from (``SLO/ruleGroup``), for the checks on the SLO itself.
  public var slo: SLO?

  public init(_ name: String, interval: PromDuration? = nil, @RuleBuilder rules: () -> [Rule]) {
    self.name = name
    self.interval = interval
    self.rules = rules()
  }

  public func limit(_ limit: Int) -> RuleGroup { with { $0.limit = limit } }
  public func queryOffset(_ offset: PromDuration) -> RuleGroup { with { $0.queryOffset = offset } }
  public func labels(_ labels: [String: String]) -> RuleGroup { with { $0.labels = labels } }
}

/// One rule of a group.
public enum Rule: Hashable, Sendable {
  case alert(AlertRule)
  case record(RecordingRule)
}

@resultBuilder public enum RuleBuilder: ListBuilder {
  public typealias Element = Rule
  public static func buildExpression(_ rule: AlertRule) -> ListPart<Rule> { .one(.alert(rule)) }
  public static func buildExpression(_ rule: RecordingRule) -> ListPart<Rule> { .one(.record(rule)) }
}

@resultBuilder public enum RuleGroupBuilder: ListBuilder {
  public typealias Element = RuleGroup
  /// An SLO's rule group.
  public static func buildExpression(_ slo: SLO) -> ListPart<RuleGroup> { .one(slo.ruleGroup) }
}
