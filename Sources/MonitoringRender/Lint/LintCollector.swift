import MonitoringDSL

/// Collects lint findings while a pass walks the spec, applying the `.lintIgnore`s of the items it is
/// inside. Each item with ignores is a scope (`enter` … `leave`); on leaving, an ignore that silenced
/// nothing is reported, as is one without a reason.
struct LintCollector {
  private(set) var findings: [LintFinding] = []
  /// The spec the findings belong to (`dashboard/<slug>`, `rules/<file>`).
  var spec = ""
  private var scopes: [Scope] = []

  private struct Scope {
    let path: [PathElement]
    let ignores: [LintIgnore]
    var used: [Bool]
  }

  mutating func enter(_ path: [PathElement], ignoring ignores: [LintIgnore]) {
    for ignore in ignores where ignore.reason.isBlank {
      append(.lintIgnore, path, "the ignore of \(ignore.rule.id) gives no reason; say why the rule does not apply here")
    }
    scopes.append(Scope(path: path, ignores: ignores, used: ignores.map { _ in false }))
  }

  mutating func leave() {
    guard let scope = scopes.popLast() else { return }
    for (ignore, used) in zip(scope.ignores, scope.used) where !used {
      append(.lintIgnore, scope.path, "ignores \(ignore.rule.id), which finds nothing here; remove the ignore")
    }
  }

  /// Records a finding unless an ignore of `rule` on the item or one around it silences it.
  mutating func report(_ rule: LintRule, _ path: [PathElement], _ message: String) {
    for scopeIndex in scopes.indices.reversed() {
      if let index = scopes[scopeIndex].ignores.firstIndex(where: { $0.rule == rule }) {
        scopes[scopeIndex].used[index] = true
        return
      }
    }
    append(rule, path, message)
  }

  private mutating func append(_ rule: LintRule, _ path: [PathElement], _ message: String) {
    findings.append(LintFinding(rule: rule, diagnostic: Diagnostic(path: path, message: message), spec: spec))
  }
}
