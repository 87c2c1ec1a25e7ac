import MonitoringDSL

/// Checks a rule file: group settings and the target version, alert conventions (CamelCase names,
/// severity, a static summary sentence, a templated description), recording-rule names, `for` on
/// `absent()` alerts, every expression through ``PromQLValidator`` (raw text parsed as Prometheus
/// parses it), and the unit-test scenarios.
struct RuleValidator {
  let promQL: PromQLValidator
  var collector = DiagnosticCollector()
  /// False for imported files: their names and annotations stay as their authors wrote them.
  private(set) var enforcesConventions = true

  mutating func validate(_ file: RuleFile) {
    let root: [PathElement] = [.rules(file.fileName)]
    enforcesConventions = file.importedFrom == nil
    if !(file.fileName.hasSuffix(".yml") || file.fileName.hasSuffix(".yaml")) || file.fileName.contains("/") {
      collector.report(root, "file name must be a plain name ending in .yml")
    }
    var groupNames: Set<String> = []
    for group in file.groups {
      let path = root + [.group(group.name)]
      if group.name.isBlank { collector.report(path, "group name is empty") }
      if !groupNames.insert(group.name).inserted { collector.report(path, "group name is used more than once") }
      check(group, target: file.target, at: path)
    }
  }

  private mutating func check(_ group: RuleGroup, target: PrometheusVersion, at path: [PathElement]) {
    let interval = group.interval.flatMap { collector.milliseconds(of: $0, "interval", at: path) }
    if let interval, interval > 300_000 {
      collector.report(path, "interval \(group.interval?.text ?? "") is longer than 5m, the query lookback: series go stale between evaluations")
    }
    if let offset = group.queryOffset {
      collector.milliseconds(of: offset, "query_offset", at: path)
      requires(.v2_53, "query_offset", target: target, at: path)
    }
    if !group.labels.isEmpty { requires(.v3_0, "group labels", target: target, at: path) }
    if let limit = group.limit, limit < 1 { collector.report(path, "limit must be positive") }
    if group.rules.isEmpty { collector.report(path, "has no rules") }
    if let slo = group.slo { check(slo, at: path) }
    for rule in group.rules {
      switch rule {
      case .alert(let alert): check(alert, groupInterval: interval, hasInterval: group.interval != nil, target: target, at: path + [.alert(alert.name)])
      case .record(let record): check(record, at: path + [.record(record.name)])
      }
    }
  }

  private mutating func check(
    _ alert: AlertRule, groupInterval: Int?, hasInterval: Bool, target: PrometheusVersion, at path: [PathElement]
  ) {
    if enforcesConventions { for problem in RuleConventions.problems(of: alert) { collector.report(path, problem.message) } }
    let hold = alert.duration.flatMap { collector.milliseconds(of: $0, "for", at: path) } ?? 0
    if let keep = alert.keepFiringFor {
      collector.milliseconds(of: keep, "keep_firing_for", at: path)
      requires(.v2_42, "keep_firing_for", target: target, at: path)
    }
    for (name, value) in alert.labels.sorted(by: { $0.key < $1.key }) {
      if !DashboardValidator.isIdentifier(name) { collector.report(path, "label name \"\(name)\" is not a valid label name") }
      if name == "severity" { collector.report(path, "set severity with the severity parameter, not as a label") }
      if value.contains("$value") { collector.report(path, "label \(name) holds $value: every new value makes a new alert and resets `for`") }
    }
    let (tree, problems) = promQL.check(alert.expr.description, typed: alert.expr, context: .alert)
    if let tree, containsAbsent(tree), let scrape = promQL.defaultInterval, hold < 2 * scrape {
      collector.report(path, "absent() needs a `for` of at least 2× the scrape interval (\(PromDuration(milliseconds: 2 * scrape).text)) to ride out restarts")
    }
    for problem in problems { collector.report(path, problem) }
    if let test = alert.test { check(test, of: alert, groupInterval: groupInterval, hasInterval: hasInterval, at: path) }
    for (index, quiet) in alert.quietTests.enumerated() {
      let quietPath = path + [.field("quietTests[\(index)]")]
      collector.milliseconds(of: quiet.interval, "interval", at: quietPath)
      if quiet.times.isEmpty { collector.report(quietPath, "has no evaluation times") }
      for time in quiet.times { collector.milliseconds(of: time, "eval time", at: quietPath) }
      checkSeries(quiet.series, at: quietPath)
    }
  }

  /// What makes an SLO's rules meaningless or its generated tests impossible; its conventions are lint's.
  private mutating func check(_ slo: SLO, at path: [PathElement]) {
    let sloPath = path + [.field("slo")]
    if !(slo.objective > 0 && slo.objective < 100) {
      collector.report(sloPath, "objective \(NumberText.format(slo.objective)) % must lie between 0 and 100 (exclusive): it is a percentage of good events")
      return
    }
    if !Self.isSLOName(slo.name) { collector.report(sloPath, "name \"\(slo.name)\" must be lowercase words joined by - (like message-processing)") }
    guard let interval = collector.milliseconds(of: slo.interval, "interval", at: sloPath),
      collector.milliseconds(of: slo.period, "period", at: sloPath) != nil
    else { return }
    for matcher in slo.indicator.matchers where matcher.op != .equal && slo.testLabels[matcher.label] == nil {
      collector.report(sloPath, "the generated tests need a value for \(matcher.label) (matched by \(matcher.text)): give it with .testLabels([\"\(matcher.label)\": …])")
    }
    if case .latency(let histogram, let bound, _) = slo.indicator.kind, case .histogram(let buckets) = histogram.kind, !buckets.contains(bound) {
      let bounds = buckets.map(NumberText.format).joined(separator: ", ")
      collector.report(sloPath, "latency bound \(NumberText.format(bound)) is not a bucket bound of \(histogram.name) (\(bounds)): no series counts the requests faster than it")
    }
    for window in slo.windows {
      let windowPath = sloPath + [.field("windows[\(window.long.text)/\(window.short.text)]")]
      guard let long = collector.milliseconds(of: window.long, "long window", at: windowPath),
        let short = collector.milliseconds(of: window.short, "short window", at: windowPath),
        collector.milliseconds(of: window.hold, "for", at: windowPath) != nil
      else { continue }
      if short >= long { collector.report(windowPath, "the short window must be shorter than the long one") }
      if long % interval != 0 || short % interval != 0 || short < 2 * interval {
        collector.report(windowPath, "the windows must be multiples of the interval \(slo.interval.text), the short one at least two of them")
      }
      let threshold = slo.threshold(for: window)
      if threshold >= 1 {
        collector.report(windowPath, "\(NumberText.format(window.factor(period: slo.period)))× the error budget of \(NumberText.format(slo.objective)) % is an error ratio of \(NumberText.format(threshold)): the alert could never fire")
      } else if let problem = BurnScenario(slo: slo).margins(for: window).problem {
        collector.report(windowPath, problem)
      }
    }
  }

  private mutating func check(_ test: AlertTest, of alert: AlertRule, groupInterval: Int?, hasInterval: Bool, at path: [PathElement]) {
    let testPath = path + [.field("test")]
    guard hasInterval, let groupInterval else {
      return collector.report(testPath, "the group needs an explicit interval so the test's for boundary is exact")
    }
    collector.milliseconds(of: test.interval, "interval", at: testPath)
    guard let start = collector.milliseconds(of: test.conditionFrom, "conditionFrom", at: testPath) else { return }
    if start % groupInterval != 0 {
      collector.report(testPath, "conditionFrom \(test.conditionFrom.text) is not an evaluation time (a multiple of \(PromDuration(milliseconds: groupInterval).text))")
    }
    let (before, _) = RuleTestLowering.boundary(alert, test, groupInterval: groupInterval)
    if before < 0 { collector.report(testPath, "the case before the boundary would be at a negative time; start the condition later") }
    checkSeries(test.series, at: testPath)
    let labels = RuleTestLowering.expectedLabels(alert, test)
    for (name, template) in RuleLowering.annotations(of: alert) {
      do {
        let rendered = try AlertTemplate.render(template, labels: labels, value: test.value)
        // promtool renders the value PromQL computes, which may differ from the scenario's in the
        // last bit: an expectation on a rounding edge would pass or fail by chance. Whole numbers
        // (counts, zero) come out of PromQL exactly.
        for neighbour in [test.value.nextDown, test.value.nextUp] where test.value != test.value.rounded() {
          let other = try AlertTemplate.render(template, labels: labels, value: neighbour)
          if other != rendered {
            collector.report(
              testPath,
              "the \(name) annotation is on a rounding edge at \(NumberText.format(test.value)) (\"\(rendered)\", but \"\(other)\" a bit away): promtool may see either; pick a value off the edge or a format with fewer digits")
            break
          }
        }
      } catch {
        collector.report(testPath, "cannot predict the annotation: unsupported template \(error)")
      }
    }
  }

  private mutating func check(_ record: RecordingRule, at path: [PathElement]) {
    if enforcesConventions { for problem in RuleConventions.problems(of: record) { collector.report(path, problem.message) } }
    for problem in promQL.check(record.expr.description, typed: record.expr, context: .recordingRule).problems {
      collector.report(path, problem)
    }
    if let test = record.test {
      let testPath = path + [.field("test")]
      collector.milliseconds(of: test.interval, "interval", at: testPath)
      collector.milliseconds(of: test.evaluationTime, "eval time", at: testPath)
      checkSeries(test.series, at: testPath)
      if test.samples.isEmpty { collector.report(testPath, "expects no samples; state what the rule records") }
      if let tolerance = test.tolerance, !(tolerance > 0) { collector.report(testPath, "tolerance must be positive") }
    }
  }

  private mutating func checkSeries(_ series: [InputSeries], at path: [PathElement]) {
    if series.isEmpty { collector.report(path, "has no input series") }
    for input in series {
      guard case .selector(_, let matchers, _) = input.series, matchers.allSatisfy({ $0.op == .equal }) else {
        collector.report(path, "input series \(input.series) must be a selector with = matchers only")
        continue
      }
      if input.values.isBlank { collector.report(path, "input series \(input.series) has no values") }
    }
  }

  private mutating func requires(_ version: PrometheusVersion, _ key: String, target: PrometheusVersion, at path: [PathElement]) {
    if target < version {
      collector.report(path, "\(key) needs Prometheus \(version) or later; the target is \(target) (set .target(…) on the rule file)")
    }
  }

  private func containsAbsent(_ expr: PromQL) -> Bool {
    switch expr {
    case .call("absent", _): true
    case .call(_, let arguments): arguments.contains(where: containsAbsent)
    case .binary(let left, _, let right, _, _): containsAbsent(left) || containsAbsent(right)
    case .aggregation(_, let inner, _, _), .range(let inner, _, _), .offset(let inner, _): containsAbsent(inner)
    case .selector, .number, .string, .raw: false
    }
  }

  /// `message-processing`: what Sloth and Pyrra accept as an SLO name, and what reads well in a label.
  static func isSLOName(_ name: String) -> Bool {
    let words = name.split(separator: "-", omittingEmptySubsequences: false)
    return words.allSatisfy { word in
      !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } && !(word.first?.isNumber ?? true)
    }
  }

  /// mixtool's `^([A-Z]+[a-z0-9]+)+$`.
  static func isCamelCase(_ name: String) -> Bool {
    var index = name.startIndex
    guard !name.isEmpty else { return false }
    while index < name.endIndex {
      let uppers = name[index...].prefix { $0.isASCII && $0.isUppercase }
      guard !uppers.isEmpty else { return false }
      index = name.index(index, offsetBy: uppers.count)
      let lowers = name[index...].prefix { $0.isASCII && ($0.isLowercase || $0.isNumber) }
      guard !lowers.isEmpty else { return false }
      index = name.index(index, offsetBy: lowers.count)
    }
    return true
  }

  static func isRecordingName(_ name: String) -> Bool {
    let parts = name.split(separator: ":", omittingEmptySubsequences: false)
    return parts.count == 3 && parts.allSatisfy { part in
      !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } && !(part.first?.isNumber ?? true)
    }
  }
}
