public import MonitoringDSL

/// One place where a spec departs from a `LintRule`: the rule, the path to the item, what is wrong,
/// and the spec it belongs to (as `gen list` names it, for `--only`).
/// ```swift
/// for finding in try Linter.lint(Specs.environments) { print("warning: \(finding)") }
/// // warning: environment "dev" › dashboard "Ops" › row "Load" › panel "CPU": has no unit … [panel-units-rule]
/// ```
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
  public var rule: LintRule
  public var diagnostic: Diagnostic
  public var spec: String

  public init(rule: LintRule, diagnostic: Diagnostic, spec: String) {
    self.rule = rule
    self.diagnostic = diagnostic
    self.spec = spec
  }

  public var description: String { "\(diagnostic) [\(rule.id)]" }
}
