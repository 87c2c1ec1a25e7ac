/// An item of the spec that `gen lint` findings attach to, and that can silence them.
/// ```swift
/// Stat("Uptime") { Query(up()) }
///   .lintIgnore(.targetJob, because: "every target's uptime")
/// ```
public protocol LintIgnorable: CopyModifying {
  var lintIgnores: [LintIgnore] { get set }
}

extension LintIgnorable {
  /// Silences `rule` on this item and what it contains; `reason` says why the rule does not apply.
  /// ```swift
  /// .lintIgnore(.panelUnits, because: "the values are state names")
  /// ```
  public func lintIgnore(_ rule: LintRule, because reason: String) -> Self {
    with { $0.lintIgnores.append(LintIgnore(rule, because: reason)) }
  }
}

extension Dashboard: LintIgnorable {}
extension Row: LintIgnorable {}
extension Panel: LintIgnorable {}
extension RuleGroup: LintIgnorable {}
extension AlertRule: LintIgnorable {}
extension RecordingRule: LintIgnorable {}
extension SLO: LintIgnorable {}
