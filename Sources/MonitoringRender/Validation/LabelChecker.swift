import MonitoringDSL

/// Label names checked against the metric catalogue: a metric that declares its labels makes every
/// matcher on it, every `by`/`without`/`on`/`ignoring` over it and every legend `{{label}}` of a
/// query on it checkable. Series also carry the labels of their target (`job`, `instance`, the
/// scrape jobs' static and relabelled labels), `le` on histogram buckets and `quantile` on summaries.
/// Only what rests on declared labels is checked: an expression over metrics the catalogue does
/// not describe (unparsed text, imported dashboards' own metrics) has unknown labels, even after a
/// `by`, so a real dashboard's harmless legend never fails a render.
struct LabelChecker {
  /// Labels every scraped series may carry besides its own.
  var targetLabels: Set<String> = ["job", "instance"]

  init(prometheusConfigs: [PrometheusConfig]) {
    for job in prometheusConfigs.flatMap(\.jobs) {
      targetLabels.formUnion(job.labels.keys)
      targetLabels.formUnion(job.relabelRules.compactMap(\.targetLabel).filter { !$0.hasPrefix("__") })
    }
  }

  /// Problems with label names in `expr`.
  func problems(in expr: PromQL) -> [String] {
    var found: [String] = []
    _ = labels(of: expr, problems: &found)
    return found
  }

  /// Problems with the `{{label}}` references of a legend on the series `expr` returns.
  func legendProblems(_ legend: String, of expr: PromQL) -> [String] {
    let references = LegendLabels.references(in: legend)
    var ignored: [String] = []
    guard !references.isEmpty, let available = labels(of: expr, problems: &ignored) else { return [] }
    return references.filter { !available.contains($0) && $0 != "__name__" }.map {
      "legend {{\($0)}} names no label of the query's series (\(Self.list(available)))\(NearestName.suggestion(for: $0, in: available))"
    }
  }

  /// The labels of the series `expr` returns, or nil when they cannot be known.
  private func labels(of expr: PromQL, problems: inout [String]) -> Set<String>? {
    switch expr {
    case .selector(let name, let matchers, let metric):
      guard let metric, !metric.labels.isEmpty else { return nil }
      let own = ownLabels(of: metric, series: name)
      for matcher in matchers where !own.contains(matcher.label) && matcher.label != "__name__" {
        problems.append(
          "\(matcher.label) is not a label of \(name) (\(Self.list(own)))\(NearestName.suggestion(for: matcher.label, in: own))")
      }
      return own
    case .range(let inner, _, _), .offset(let inner, _):
      return labels(of: inner, problems: &problems)
    case .call(let function, let arguments):
      // NB: only the first, the last and the first non-scalar argument's labels are used (no array
      // of them all), and none when no argument's labels are known (the usual case for text).
      var first: Set<String>?, last: Set<String>?, firstNonScalar: Set<String>?
      var seenNonScalar = false, anyKnown = false
      for (index, argument) in arguments.enumerated() {
        let vector = labels(of: argument, problems: &problems)
        anyKnown = anyKnown || vector != nil
        if index == 0 { first = vector }
        last = vector
        if !seenNonScalar, !Self.isScalar(argument) {
          seenNonScalar = true
          firstNonScalar = vector
        }
      }
      guard anyKnown else { return nil }
      switch function {
      case "absent", "absent_over_time", "scalar", "vector", "time": return nil
      case "histogram_quantile": return last.map { $0.subtracting(["le"]) }
      case "label_replace", "label_join":
        guard case .string(let target)? = arguments.dropFirst().first else { return nil }
        return first.map { $0.union([target]) }
      default:
        return firstNonScalar
      }
    case .aggregation(let operation, let inner, let grouping, let parameter):
      if let parameter { _ = labels(of: parameter, problems: &problems) }
      let available = labels(of: inner, problems: &problems)
      let named: [String]
      switch grouping {
      case .by(let names)?, .without(let names)?: named = names
      case nil: named = []
      }
      guard let available else { return nil }
      for name in named where !available.contains(name) {
        problems.append(
          "\(operation.rawValue) groups by \(name), which is no label of the aggregated series (\(Self.list(available)))\(NearestName.suggestion(for: name, in: available))")
      }
      var result: Set<String>?
      switch grouping {
      case .by(let names)?: result = Set(names)
      case .without(let names)?: result = available.subtracting(names)
      case nil: result = []
      }
      if operation == .topk || operation == .bottomk { result = available }
      if operation == .count_values, case .string(let label)? = parameter { result?.insert(label) }
      return result
    case .binary(let left, let op, let right, _, let matching):
      let leftLabels = labels(of: left, problems: &problems)
      let rightLabels = labels(of: right, problems: &problems)
      if Self.isScalar(left) { return rightLabels }
      if Self.isScalar(right) { return leftLabels }
      if let matching {
        // `ignoring` a label a side lacks is harmless; matching `on` one it lacks matches nothing.
        let names: [String]
        switch matching.labels {
        case .on(let on): names = on
        case .ignoring: names = []
        }
        for (side, available) in [("left", leftLabels), ("right", rightLabels)] {
          guard let available else { continue }
          for name in names where !available.contains(name) {
            problems.append("vector matching names \(name), which is no label of the \(side) side (\(Self.list(available)))")
          }
        }
        switch matching.group {
        case .left(let extra)?: return leftLabels.map { $0.union(extra) }
        case .right(let extra)?: return rightLabels.map { $0.union(extra) }
        case nil: break
        }
      }
      if op == .or { return leftLabels.flatMap { left in rightLabels.map { left.union($0) } } }
      return leftLabels
    case .number, .string, .raw:
      return nil
    }
  }

  /// A metric's labels on one of its series: declared, target, and `le`/`quantile` where they belong.
  private func ownLabels(of metric: Metric.Definition, series: String) -> Set<String> {
    var own = Set(metric.labels).union(targetLabels)
    switch metric.kind {
    case .histogram where series == metric.name + "_bucket": own.insert("le")
    case .summary where series == metric.name: own.insert("quantile")
    default: break
    }
    return own
  }

  private static func isScalar(_ expr: PromQL) -> Bool {
    switch expr {
    case .number: true
    case .call(let function, _): function == "scalar" || function == "time"
    default: false
    }
  }

  private static func list(_ labels: Set<String>) -> String {
    labels.sorted().joined(separator: ", ")
  }
}
