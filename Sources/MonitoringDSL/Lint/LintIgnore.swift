/// One silenced ``LintRule`` on an item of the spec, with the reason it does not apply there.
/// It silences the rule on that item and everything inside it; silencing a rule that finds
/// nothing there is itself a finding (`lint-ignore`), as pint reports an unused disable comment.
/// ```swift
/// Row("Operational Insights") { targetHealth }
///   .lintIgnore(.targetInstance, because: "shows every target of the stack, not one instance")
/// ```
public struct LintIgnore: Hashable, Sendable {
  public var rule: LintRule
  public var reason: String

  public init(_ rule: LintRule, because reason: String) {
    self.rule = rule
    self.reason = reason
  }
}
