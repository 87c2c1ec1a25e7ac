/// An inhibit rule: while an alert matching the source matchers fires, alerts matching the target
/// matchers are muted, when they have the same values for the `equal` labels.
/// ```swift
/// InhibitRule(source: [.equal("severity", "critical")], target: [.equal("severity", "warning")],
///             equal: ["alertname", "job"])
/// InhibitRule.warningMutedWhileCritical()
/// ```
public struct InhibitRule: Hashable, Sendable {
  public var sourceMatchers: [LabelMatcher]
  public var targetMatchers: [LabelMatcher]
  /// Labels whose values must be the same in the source and the target alert.
  public var equal: [String]

  public init(source: [LabelMatcher], target: [LabelMatcher], equal: [String] = []) {
    self.sourceMatchers = source
    self.targetMatchers = target
    self.equal = equal
  }

  /// The conventional rule: a `severity="warning"` alert is muted while a `severity="critical"` one
  /// fires for the same `alertname` and `job` (or the labels given).
  /// ```swift
  /// InhibitRule.warningMutedWhileCritical(equal: ["alertname", "job", "instance"])
  /// ```
  public static func warningMutedWhileCritical(equal: [String] = ["alertname", "job"]) -> InhibitRule {
    InhibitRule(source: [.equal("severity", "critical")], target: [.equal("severity", "warning")], equal: equal)
  }
}
