import MonitoringDSL

/// The pint- and mixin-style checks on a typed expression: `rate` over a non-counter, `rate(sum(…))`,
/// a range shorter than 4× the scrape interval, Grafana's `$__rate_interval` outside Grafana, a raw
/// counter in an alert, and a histogram quantile compared with a value that is not a bucket bound.
/// Text (``PromQL/raw(_:)``, a query written as a string) is parsed first (``PromQLParser``); a parse
/// error is the problem, otherwise the same checks run on the parsed tree, its metric names resolved
/// against the catalogue.
struct PromQLValidator {
  let scrapeIntervals: ScrapeIntervals
  /// The scrape interval of selectors without a `job` matcher.
  var defaultInterval: Int? { scrapeIntervals.fallback }
  /// The catalogue by series name: a histogram under its `_bucket`, `_count` and `_sum` series too.
  var metrics: [String: Metric.Definition] = [:]
  /// Label names against the catalogue's declared labels.
  let labels: LabelChecker

  enum Context { case dashboard, recordingRule, alert }

  /// `rate`, `irate` and `increase`. NB: a switch, not a set: hashing the name cost more (this runs for
  /// every call of every query).
  static func isRateFunction(_ function: String) -> Bool {
    switch function {
    case "rate", "irate", "increase": true
    default: false
    }
  }
  /// Functions that may take a counter as it is.
  static let counterSafeFunctions: Set<String> = ["rate", "irate", "increase", "resets", "changes", "absent", "absent_over_time"]

  init(prometheusConfigs: [PrometheusConfig], metrics: [Metric.Definition] = []) {
    labels = LabelChecker(prometheusConfigs: prometheusConfigs)
    scrapeIntervals = ScrapeIntervals(prometheusConfigs)
    for metric in metrics {
      let series: [String] =
        switch metric.kind {
        case .counter, .gauge: [metric.name]
        case .histogram: [metric.name + "_bucket", metric.name + "_count", metric.name + "_sum"]
        case .summary: [metric.name, metric.name + "_count", metric.name + "_sum"]
        }
      for name in series where self.metrics[name] == nil { self.metrics[name] = metric }
    }
  }

  /// An expression as it is written, with its typed tree when there is one: a typed tree without raw
  /// parts is checked as it is; otherwise `text` is parsed (as Grafana substitutes it in dashboards)
  /// and its tree checked. `tree` is what was checked, `nil` when `text` does not parse; with `needsTree`
  /// false also for text that names no catalogue metric (nothing is checkable on such a tree's labels).
  /// ```swift
  /// validator.check("sum(rate(app_messages_total[5m]) <", typed: nil, context: .alert).problems
  /// // ["PromQL parse error at column 35: unexpected end of input, expected an expression"]
  /// ```
  func check(_ text: String, typed: PromQL?, context: Context, needsTree: Bool = true) -> (tree: PromQL?, problems: [String]) {
    if let typed, !typed.containsRaw { return (typed, problems(in: typed, context: context)) }
    do {
      let parsed = try PromQLParser.parse(text, dialect: context == .dashboard ? .grafana : .prometheus)
      // NB: the label, counter and histogram checks rest on the catalogue, so text that names none of
      // its metrics (most text in dashboards) can only fail the others: they run on the parsed tree, and
      // the typed one (an allocation per node, and as many to free) is built only when it is needed.
      if !needsTree, !parsed.namesMetric(in: metrics) {
        var found: [String] = []
        walkUncatalogued(parsed, context: context, into: &found)
        return (nil, found)
      }
      let tree = parsed.typed(metrics: metrics)
      return (tree, problems(in: tree, context: context, rangesOfCataloguedMetricsOnly: true))
    } catch {
      return (nil, [error.description])
    }
  }

  /// `rangesOfCataloguedMetricsOnly`: check the rate range only on selectors of catalogue metrics (text
  /// brought in by `gen import` names metrics the catalogue does not know).
  func problems(in expr: PromQL, context: Context, rangesOfCataloguedMetricsOnly: Bool = false) -> [String] {
    var found = labels.problems(in: expr)
    walk(expr, context: context, cataloguedOnly: rangesOfCataloguedMetricsOnly, into: &found)
    if context == .alert {
      found += Self.rawCounters(in: expr).map { "compares the raw counter \($0); alert on rate() or increase() of it" }
      found += histogramThresholdProblems(expr)
    }
    return found
  }

  /// The counter series `expr` reads as they are, outside rate(), increase() and the other functions
  /// that take a counter: an error in an alert, a lint finding in recording rules and dashboards.
  static func rawCounters(in expr: PromQL, underCounterSafeFunction: Bool = false) -> [String] {
    switch expr {
    case .selector(let name, _, let metric):
      guard !underCounterSafeFunction, let metric, isCounterSeries(name, metric) else { return [] }
      return [name]
    case .call(let function, let arguments):
      let safe = counterSafeFunctions.contains(function)
      return arguments.flatMap { rawCounters(in: $0, underCounterSafeFunction: safe) }
    case .range(let inner, _, _), .offset(let inner, _):
      return rawCounters(in: inner, underCounterSafeFunction: underCounterSafeFunction)
    case .aggregation(_, let inner, _, let parameter):
      return rawCounters(in: inner) + (parameter.map { rawCounters(in: $0) } ?? [])
    case .binary(let left, _, let right, _, _):
      return rawCounters(in: left) + rawCounters(in: right)
    case .number, .string, .raw:
      return []
    }
  }

  private func walk(_ expr: PromQL, context: Context, cataloguedOnly: Bool, into found: inout [String]) {
    switch expr {
    case .call(let function, let arguments):
      if Self.isRateFunction(function), case .range(let inner, let window, let step)? = arguments.first {
        checkRate(function, inner: inner, window: window, step: step, cataloguedOnly: cataloguedOnly, into: &found)
      }
      for argument in arguments { walk(argument, context: context, cataloguedOnly: cataloguedOnly, into: &found) }
    case .range(let inner, let window, _):
      if window.description.hasPrefix("$"), context != .dashboard {
        found.append("\(window) exists only in Grafana; use a duration in rules")
      }
      walk(inner, context: context, cataloguedOnly: cataloguedOnly, into: &found)
    case .aggregation(_, let inner, _, let parameter):
      walk(inner, context: context, cataloguedOnly: cataloguedOnly, into: &found)
      if let parameter { walk(parameter, context: context, cataloguedOnly: cataloguedOnly, into: &found) }
    case .binary(let left, _, let right, _, _):
      walk(left, context: context, cataloguedOnly: cataloguedOnly, into: &found)
      walk(right, context: context, cataloguedOnly: cataloguedOnly, into: &found)
    case .offset(let inner, _):
      walk(inner, context: context, cataloguedOnly: cataloguedOnly, into: &found)
    case .selector, .number, .string, .raw:
      break
    }
  }

  private func checkRate(
    _ function: String, inner: PromQL, window: PromWindow, step: PromDuration?, cataloguedOnly: Bool, into found: inout [String]
  ) {
    guard case .selector(let name, let matchers, let metric) = inner else {
      if step != nil || containsAggregation(inner) {
        found.append("\(function)() over an aggregation or subquery: aggregate the rates instead, e.g. sum(\(function)(x[5m]))")
      }
      return
    }
    if let metric, !Self.isCounterSeries(name, metric) {
      found.append("\(function)() over \(name), a \(metric.kind.typeName): only counters have a rate")
    }
    guard !cataloguedOnly || metric != nil, case .duration(let duration) = window, let range = duration.milliseconds else { return }
    let job = matchers.first { $0.label == "job" && $0.op == .equal }?.value
    if let interval = scrapeIntervals.milliseconds(job: job), range < 4 * interval {
      found.append(
        "\(function)() range \(duration.text) is shorter than 4× the scrape interval (\(PromDuration(milliseconds: interval).text)) of \(name)"
      )
    }
  }

  /// `walk` over `typed(metrics:)` of `expr`, for an `expr` that names no catalogue metric: of its checks
  /// only a rate over an aggregation or a subquery, and a Grafana window outside Grafana, find anything
  /// there. The order of the problems is that of `walk` (the typed tree's nodes in the same order).
  private func walkUncatalogued(_ expr: PromQLExpression, context: Context, into found: inout [String]) {
    func window(_ range: PromQLDuration) {
      if context != .dashboard, range.window.description.hasPrefix("$") {
        found.append("\(range.window) exists only in Grafana; use a duration in rules")
      }
    }
    switch expr {
    case .number, .string, .selector:
      break
    case .matrix(_, let range):
      window(range)
    case .subquery(let inner, let range, _, _):
      window(range)
      walkUncatalogued(inner, context: context, into: &found)
    case .call(let function, let arguments):
      // `checkRate` of the typed tree: its range's inner expression is a selector (of no catalogue
      // metric: nothing to check) unless it is a subquery's other expression.
      if Self.isRateFunction(function), case .subquery(let inner, _, let step, let modifiers)? = arguments.first?.unparenthesized,
        modifiers.offset == nil, !inner.typesAsSelector, step != nil || inner.containsAggregation
      {
        found.append("\(function)() over an aggregation or subquery: aggregate the rates instead, e.g. sum(\(function)(x[5m]))")
      }
      for argument in arguments { walkUncatalogued(argument, context: context, into: &found) }
    case .aggregation(_, let inner, let parameter, _):
      walkUncatalogued(inner, context: context, into: &found)
      if let parameter { walkUncatalogued(parameter, context: context, into: &found) }
    case .binary(let left, _, let right, _, _):
      walkUncatalogued(left, context: context, into: &found)
      walkUncatalogued(right, context: context, into: &found)
    case .negation(let inner), .parenthesized(let inner):
      walkUncatalogued(inner, context: context, into: &found)
    }
  }

  /// A counter, or a histogram's/summary's `_bucket`, `_count` and `_sum` series.
  static func isCounterSeries(_ name: String, _ metric: Metric.Definition) -> Bool {
    switch metric.kind {
    case .counter: true
    case .histogram, .summary: name != metric.name
    case .gauge: false
    }
  }

  private func containsAggregation(_ expr: PromQL) -> Bool {
    switch expr {
    case .aggregation: true
    case .call(_, let arguments): arguments.contains(where: containsAggregation)
    case .binary(let left, _, let right, _, _): containsAggregation(left) || containsAggregation(right)
    case .range(let inner, _, _), .offset(let inner, _): containsAggregation(inner)
    case .selector, .number, .string, .raw: false
    }
  }

  /// `histogram_quantile(…) > 5` where 5 is not a bucket bound cannot flip exactly at the threshold.
  private func histogramThresholdProblems(_ expr: PromQL) -> [String] {
    guard case .binary(let left, let op, let right, _, _) = expr else { return [] }
    if [.or, .and, .unless].contains(op) { return histogramThresholdProblems(left) + histogramThresholdProblems(right) }
    guard op.isComparisonOperator, case .number(let threshold) = right, let histogram = histogramDefinition(in: left),
      case .histogram(let buckets) = histogram.kind, !buckets.contains(threshold)
    else { return [] }
    let bounds = buckets.map(NumberText.format).joined(separator: ", ")
    return ["threshold \(NumberText.format(threshold)) is not a bucket bound of \(histogram.name) (\(bounds)): the quantile is interpolated there"]
  }

  private func histogramDefinition(in expr: PromQL) -> Metric.Definition? {
    switch expr {
    case .call("histogram_quantile", let arguments): arguments.lazy.compactMap(selectorDefinition).first
    case .call(_, let arguments): arguments.lazy.compactMap(histogramDefinition).first
    case .binary(let left, _, let right, _, _): histogramDefinition(in: left) ?? histogramDefinition(in: right)
    case .aggregation(_, let inner, _, _), .offset(let inner, _): histogramDefinition(in: inner)
    default: nil
    }
  }

  private func selectorDefinition(_ expr: PromQL) -> Metric.Definition? {
    switch expr {
    case .selector(_, _, let metric): metric
    case .call(_, let arguments): arguments.lazy.compactMap(selectorDefinition).first
    case .aggregation(_, let inner, _, _), .range(let inner, _, _), .offset(let inner, _): selectorDefinition(inner)
    case .binary(let left, _, let right, _, _): selectorDefinition(left) ?? selectorDefinition(right)
    case .number, .string, .raw: nil
    }
  }
}

extension PromQL {
  /// Whether any part of the tree is ``PromQL/raw(_:)`` text.
  var containsRaw: Bool {
    switch self {
    case .raw: true
    case .selector, .number, .string: false
    case .range(let inner, _, _), .offset(let inner, _): inner.containsRaw
    case .call(_, let arguments): arguments.contains(where: \.containsRaw)
    case .aggregation(_, let inner, _, let parameter): inner.containsRaw || (parameter?.containsRaw ?? false)
    case .binary(let left, _, let right, _, _): left.containsRaw || right.containsRaw
    }
  }
}

extension BinaryOperator {
  var isComparisonOperator: Bool {
    switch self {
    case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: true
    default: false
    }
  }
}

extension PromQLExpression {
  /// Whether a selector of the tree names a metric of `metrics`, as `typed(metrics:)` resolves it.
  fileprivate func namesMetric(in metrics: [String: Metric.Definition]) -> Bool {
    guard !metrics.isEmpty else { return false }
    switch self {
    case .number, .string: return false
    case .selector(let selector), .matrix(let selector, _): return selector.resolvedMetric(in: metrics) != nil
    case .subquery(let inner, _, _, _), .negation(let inner), .parenthesized(let inner): return inner.namesMetric(in: metrics)
    case .call(_, let arguments): return arguments.contains { $0.namesMetric(in: metrics) }
    case .aggregation(_, let inner, let parameter, _):
      return inner.namesMetric(in: metrics) || (parameter?.namesMetric(in: metrics) ?? false)
    case .binary(let left, _, let right, _, _): return left.namesMetric(in: metrics) || right.namesMetric(in: metrics)
    }
  }

  /// The expression inside any parentheses (the typed tree has none).
  fileprivate var unparenthesized: PromQLExpression {
    if case .parenthesized(let inner) = self { return inner.unparenthesized }
    return self
  }

  /// Whether `typed(metrics:)` makes a `.selector` of it (an offset makes an `.offset`).
  fileprivate var typesAsSelector: Bool {
    if case .selector(let selector) = unparenthesized { return selector.modifiers.offset == nil }
    return false
  }

  /// `containsAggregation` of the typed tree.
  fileprivate var containsAggregation: Bool {
    switch self {
    case .aggregation: true
    case .number, .string, .selector, .matrix: false
    case .subquery(let inner, _, _, _), .negation(let inner), .parenthesized(let inner): inner.containsAggregation
    case .call(_, let arguments): arguments.contains(where: \.containsAggregation)
    case .binary(let left, _, let right, _, _): left.containsAggregation || right.containsAggregation
    }
  }
}
