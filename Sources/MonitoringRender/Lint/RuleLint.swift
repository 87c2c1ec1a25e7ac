import MonitoringDSL

/// The rule-file conventions of mixtool lint and pint's offline checks that `gen` does not already
/// refuse (CamelCase names, the summary and description, `for` on absent(), rate ranges and raw
/// counters in alerts are validation errors): name lengths, group size, a runbook, a condition in
/// every alert, and no raw counter in recording rules. On imported rule files, which validation
/// lets keep their names and annotations, the naming and annotation conventions are findings.
enum RuleLint {
  /// mixtool's limits for alert and group names, and for rules per group.
  static let maxNameLength = 40
  static let maxRulesPerGroup = 20

  static func lint(_ file: RuleFile, scrapeIntervals: ScrapeIntervals, into collector: inout LintCollector) {
    for group in file.groups {
      let path: [PathElement] = [.rules(file.fileName), .group(group.name)]
      collector.enter(path, ignoring: group.lintIgnores)
      if group.name.count > maxNameLength {
        collector.report(.alertGroupNameLength, path, "name is \(group.name.count) characters long; keep it to \(maxNameLength)")
      }
      if group.rules.count > maxRulesPerGroup {
        collector.report(.alertGroupRuleCount, path, "holds \(group.rules.count) rules; split it into groups of at most \(maxRulesPerGroup)")
      }
      if let slo = group.slo { lint(slo, scrapeIntervals: scrapeIntervals, at: path, into: &collector) }
      for rule in group.rules {
        switch rule {
        case .alert(let alert):
          lint(alert, imported: file.importedFrom != nil, at: path + [.alert(alert.name)], into: &collector)
        case .record(let record):
          lint(record, imported: file.importedFrom != nil, at: path + [.record(record.name)], into: &collector)
        }
      }
      collector.leave()
    }
  }

  private static func lint(_ slo: SLO, scrapeIntervals: ScrapeIntervals, at path: [PathElement], into collector: inout LintCollector) {
    collector.enter(path + [.field("slo")], ignoring: slo.lintIgnores)
    let job = slo.indicator.matchers.first { $0.label == "job" && $0.op == .equal }?.value
    if let interval = scrapeIntervals.milliseconds(job: job), interval > 0 {
      let failuresPerDay = slo.errorBudget * 86_400_000 / Double(interval)
      if failuresPerDay < 1 {
        collector.report(
          .sloBudgetBelowScrape, path + [.field("slo")],
          "objective \(NumberText.format(slo.objective)) % leaves \(NumberText.format((failuresPerDay * 100).rounded() / 100)) failed scrapes a day at one scrape every \(PromDuration(milliseconds: interval).text): one restart spends more than a day's budget")
      }
    }
    let longest = slo.windows.compactMap(\.long.milliseconds).max() ?? 0
    if let period = slo.period.milliseconds, period < longest {
      collector.report(
        .sloPeriodShorterThanWindow, path + [.field("slo")],
        "period \(slo.period.text) is shorter than the longest alert window \(PromDuration(milliseconds: longest).text)")
    }
    collector.leave()
  }

  /// `imported`: the file came from `gen import rules`, so validation let its conventions pass; lint reports them.
  private static func lint(_ alert: AlertRule, imported: Bool, at path: [PathElement], into collector: inout LintCollector) {
    collector.enter(path, ignoring: alert.lintIgnores)
    if imported { for problem in RuleConventions.problems(of: alert) { collector.report(problem.rule, path, problem.message) } }
    if alert.name.count > maxNameLength {
      collector.report(.alertNameLength, path, "name is \(alert.name.count) characters long; keep it to \(maxNameLength)")
    }
    if (alert.runbookURL ?? alert.annotations["runbook_url"])?.isBlank ?? true {
      collector.report(.alertRunbook, path, "has no runbook_url annotation; link what to do with .runbook(…)")
    }
    if !isCondition(alert.expr) {
      collector.report(.alertComparison, path, "\(alert.expr) has no comparison or absent(), so it fires for every series it returns")
    }
    collector.leave()
  }

  private static func lint(_ record: RecordingRule, imported: Bool, at path: [PathElement], into collector: inout LintCollector) {
    collector.enter(path, ignoring: record.lintIgnores)
    if imported { for problem in RuleConventions.problems(of: record) { collector.report(problem.rule, path, problem.message) } }
    for counter in PromQLValidator.rawCounters(in: record.expr) {
      collector.report(.recordingCounter, path, "records the counter \(counter) as it is; record rate() or increase() of it")
    }
    collector.leave()
  }

  /// Whether the expression returns only the series that meet a condition, as pint's alerts/comparison
  /// reads it: a comparison (without `bool`) or absent() somewhere that filters the result; both sides
  /// of an `or`. Text cannot be read, so it passes.
  static func isCondition(_ expr: PromQL) -> Bool {
    switch expr {
    case .binary(let left, let op, let right, let returnBool, _):
      if op.isComparisonOperator { return !returnBool }
      return op == .or ? isCondition(left) && isCondition(right) : isCondition(left) || isCondition(right)
    case .call(let function, let arguments):
      return ["absent", "absent_over_time"].contains(function) || arguments.contains(where: isCondition)
    case .aggregation(_, let inner, _, _), .range(let inner, _, _), .offset(let inner, _): return isCondition(inner)
    case .raw: return true
    case .selector, .number, .string: return false
    }
  }
}
