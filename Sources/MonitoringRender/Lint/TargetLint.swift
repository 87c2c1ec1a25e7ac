import MonitoringDSL

/// The query rules of grafana/dashboard-linter: `job` and `instance` matched on their variables,
/// `$__rate_interval` in rate() and irate(), and counters under rate(). The structural rules read the
/// typed expression; a query written as text is checked for the variable matchers only.
enum TargetLint {
  static func lint(_ query: Query, at path: [PathElement], into collector: inout LintCollector) {
    for (label, rule) in [("job", LintRule.targetJob), ("instance", .targetInstance)] {
      let missing = query.promQL.map { selectorsLacking(label, in: $0) } ?? (matchesVariable(label, text: query.expr) ? [] : [query.expr])
      if let first = missing.first {
        collector.report(rule, path, "\(first) has no \(label)=~\"$\(label)\" matcher")
      }
    }
    guard let expr = query.promQL else { return }
    var seen: Set<String> = []
    for range in fixedRateRanges(in: expr) where seen.insert(range).inserted {
      collector.report(.targetRateInterval, path, "\(range) has a fixed range; use $__rate_interval")
    }
    for counter in PromQLValidator.rawCounters(in: expr) where seen.insert(counter).inserted {
      collector.report(.targetCounterAgg, path, "shows the counter \(counter) as it is; show rate(), irate() or increase() of it")
    }
  }

  /// Selectors (by name) without a `label=~"$label"` matcher; text inside the expression is searched.
  static func selectorsLacking(_ label: String, in expr: PromQL) -> [String] {
    switch expr {
    case .selector(let name, let matchers, _):
      let variables = ["$\(label)", "${\(label)}"]
      return matchers.contains { $0.label == label && $0.op == .regex && variables.contains($0.value) } ? [] : [name]
    case .raw(let text): return matchesVariable(label, text: text) ? [] : [text]
    case .call(_, let arguments): return arguments.flatMap { selectorsLacking(label, in: $0) }
    case .range(let inner, _, _), .offset(let inner, _): return selectorsLacking(label, in: inner)
    case .aggregation(_, let inner, _, let parameter):
      return selectorsLacking(label, in: inner) + (parameter.map { selectorsLacking(label, in: $0) } ?? [])
    case .binary(let left, _, let right, _, _): return selectorsLacking(label, in: left) + selectorsLacking(label, in: right)
    case .number, .string: return []
    }
  }

  private static func matchesVariable(_ label: String, text: String) -> Bool {
    text.contains("\(label)=~\"$\(label)\"") || text.contains("\(label)=~\"${\(label)}\"")
  }

  /// `rate(x[5m])` and `irate(x[5m])`: range selectors of a fixed duration, as printed.
  static func fixedRateRanges(in expr: PromQL) -> [String] {
    switch expr {
    case .call(let function, let arguments):
      let own: [String] =
        if ["rate", "irate"].contains(function), case .range(.selector, .duration, nil)? = arguments.first { [expr.description] } else { [] }
      return own + arguments.flatMap(fixedRateRanges)
    case .range(let inner, _, _), .offset(let inner, _): return fixedRateRanges(in: inner)
    case .aggregation(_, let inner, _, let parameter): return fixedRateRanges(in: inner) + (parameter.map(fixedRateRanges) ?? [])
    case .binary(let left, _, let right, _, _): return fixedRateRanges(in: left) + fixedRateRanges(in: right)
    case .selector, .number, .string, .raw: return []
    }
  }
}
