import Foundation
import MonitoringDSL
import MonitoringRender

/// The checks of one ``VerifyItem`` against the server: selectors, labels, metadata, the result.
struct Check: Sendable {
  let item: VerifyItem
  let variables: DashboardVariables?
  let server: ServerState
  /// The catalogue by metric name.
  let catalogue: [String: Metric.Definition]
  /// The finest step of a range evaluation, in seconds.
  let scrapeInterval: Int

  func run() async -> VerifyResult {
    do {
      return try await checked()
    } catch {
      return VerifyResult(item: item, status: .error, detail: "\(error)")
    }
  }

  private func checked() async throws -> VerifyResult {
    if item.kind == .delivery { return try await deliveryResult() }
    var text = item.expr
    if let variables {
      let used = PromQLParser.grafanaVariableNames(in: text)
      if item.kind == .variable, case .variable(let name)? = item.path.last, let problem = variables.problems[name] {
        return VerifyResult(item: item, status: .empty, detail: problem)
      }
      if let problem = used.lazy.compactMap({ variables.problems[$0] }).first {
        return VerifyResult(item: item, status: .empty, detail: problem)
      }
      text = PromQLParser.substituting(text, variables.values)
    }
    if item.kind == .variable { return try await variableResult(text) }
    let tree: PromQLExpression
    do {
      tree = try PromQLParser.parse(text)
    } catch {
      return VerifyResult(item: item, status: .error, detail: "\(error) in \(text)")
    }
    let selectors = Self.selectors(in: tree)
    var found: [[String: String]] = []
    for selector in selectors {
      let series = try await server.series(selector.text)
      if series.isEmpty {
        let why = try await whyEmpty(selector)
        if let reason = item.expectedEmpty { return VerifyResult(item: item, status: .expectedEmpty, detail: "\(why): \(reason)") }
        return VerifyResult(item: item, status: .empty, detail: why)
      }
      found += series
    }
    if let problem = try await typeProblem(selectors) {
      return VerifyResult(item: item, status: .wrong, detail: problem, series: found.count)
    }
    let available = Set(found.flatMap(\.keys)).union(Self.labelsMade(by: tree))
    if let missing = Self.labelsUsed(by: tree).first(where: { !available.contains($0) }) {
      return VerifyResult(
        item: item, status: .wrong, detail: "label \(missing) is on none of the \(found.count) series it groups or matches (\(Self.list(available)))",
        series: found.count)
    }
    let result = try await server.evaluate(text, instant: item.isInstant, step: scrapeInterval)
    let resultLabels = Set(result.flatMap(\.keys))
    if !result.isEmpty, let legend = item.legend,
      let missing = LegendLabels.references(in: legend).first(where: { !resultLabels.contains($0) })
    {
      return VerifyResult(
        item: item, status: .wrong, detail: "legend {{\(missing)}} is on none of the \(result.count) result series (\(Self.list(resultLabels)))",
        series: found.count, resultSeries: result.count)
    }
    let seriesText = "\(found.count) series"
    if result.isEmpty {
      if item.kind == .alert { return VerifyResult(item: item, status: .data, detail: seriesText + ", not firing", series: found.count, resultSeries: 0) }
      if !item.mustHaveResult { return VerifyResult(item: item, status: .data, detail: seriesText + ", no events now", series: found.count, resultSeries: 0) }
      if let reason = item.expectedEmpty {
        return VerifyResult(item: item, status: .expectedEmpty, detail: seriesText + ", no result: \(reason)", series: found.count, resultSeries: 0)
      }
      return VerifyResult(item: item, status: .empty, detail: seriesText + " match, but the result is empty", series: found.count, resultSeries: 0)
    }
    if let name = item.alertName { return try await alertResult(name, series: found.count, result: result.count) }
    return VerifyResult(item: item, status: .data, detail: "\(seriesText), result \(result.count)", series: found.count, resultSeries: result.count)
  }

  /// An alert whose expression has a result: pending or firing on Prometheus, and when firing, in
  /// Alertmanager (when one is given) with the receivers it was routed to.
  private func alertResult(_ name: String, series: Int, result: Int) async throws -> VerifyResult {
    let states = try await server.alertStates(name)
    let state = states.contains("firing") ? "firing" : states.contains("pending") ? "pending" : "not yet evaluated as true"
    let detail = "\(series) series, result \(result), \(state)"
    guard state == "firing", let alertmanager = server.alertmanager else {
      return VerifyResult(item: item, status: .data, detail: detail, series: series, resultSeries: result)
    }
    let receivers = try await server.receivers(ofAlert: name, on: alertmanager)
    if receivers.isEmpty {
      return VerifyResult(
        item: item, status: .wrong, detail: detail + ", but not in Alertmanager at \(alertmanager.url.absoluteString)", series: series,
        resultSeries: result)
    }
    return VerifyResult(
      item: item, status: .data, detail: detail + ", in Alertmanager → \(receivers.joined(separator: ", "))", series: series,
      resultSeries: result)
  }

  /// Prometheus sends its alerts to an Alertmanager, and the one given answers.
  private func deliveryResult() async throws -> VerifyResult {
    let targets = try await server.activeAlertmanagers()
    guard let alertmanager = server.alertmanager else { return VerifyResult(item: item, status: .error, detail: "no Alertmanager given") }
    let cluster = try await alertmanager.data("/api/v2/status")["cluster"]?["status"]?.text ?? "unknown"
    if targets.isEmpty {
      return VerifyResult(item: item, status: .empty, detail: "Prometheus sends its alerts to no Alertmanager (its alertmanagers list is empty)")
    }
    return VerifyResult(
      item: item, status: .data,
      detail: "Prometheus sends alerts to \(targets.count == 1 ? "1 Alertmanager" : "\(targets.count) Alertmanagers"); cluster \(cluster)",
      resultSeries: targets.count)
  }

  /// A query variable: the values it lists, and when there are none, why its selector finds nothing.
  private func variableResult(_ substituted: String) async throws -> VerifyResult {
    guard case .variable(let name)? = item.path.last, let count = variables?.counts[name] else {
      return VerifyResult(item: item, status: .error, detail: "not a query variable")
    }
    if count > 0 { return VerifyResult(item: item, status: .data, detail: count == 1 ? "1 value" : "\(count) values", resultSeries: count) }
    let match: String? =
      switch GrafanaVariableQuery.form(substituted) {
      case .labelValues(_, let match), .labelNames(let match): match
      case .queryResult(let expr), .series(let expr): expr
      case .metrics: nil
      }
    if let match, let tree = try? PromQLParser.parse(match) {
      for selector in Self.selectors(in: tree) where try await server.series(selector.text).isEmpty {
        return VerifyResult(item: item, status: .empty, detail: try await whyEmpty(selector))
      }
    }
    return VerifyResult(item: item, status: .empty, detail: "lists no values")
  }

  // MARK: - Why a selector finds nothing

  private func whyEmpty(_ selector: Selector) async throws -> String {
    let window = PromDuration(milliseconds: server.window * 1000).text
    guard let name = selector.name else { return "no series match \(selector.text) in the last \(window)" }
    let named = try await server.series(name)
    if named.isEmpty {
      let suggestion = NearestName.suggestion(for: name, in: try await server.metricNames())
      return "no series named \(name) in the last \(window)\(suggestion)"
    }
    let labels = Set(named.flatMap(\.keys))
    for matcher in selector.matchers where matcher.label != "__name__" {
      if !labels.contains(matcher.label), matcher.op == .equal || matcher.op == .regex, !matcher.value.isEmpty {
        let suggestion = NearestName.suggestion(for: matcher.label, in: labels)
        return "label \(matcher.label) is not on \(name)'s \(named.count) series (\(Self.list(labels)))\(suggestion)"
      }
      let alone = PromQL.selector(name: name, matchers: [matcher], metric: nil).description
      if try await server.series(alone).isEmpty {
        let values = Set(named.compactMap { $0[matcher.label] }).sorted()
        let shown = values.prefix(5).joined(separator: ", ") + (values.count > 5 ? ", …" : "")
        return "no series of \(name) has \(matcher.text) (\(matcher.label): \(shown))"
      }
    }
    return "no series of \(name) has all of \(selector.text)'s matchers together"
  }

  /// The catalogue's type against the server's metadata, for the catalogue's metrics.
  private func typeProblem(_ selectors: [Selector]) async throws -> String? {
    let cataloguedNames = selectors.compactMap(\.name).filter { catalogue[Self.family($0, in: catalogue)] != nil }
    guard !cataloguedNames.isEmpty else { return nil }
    let types = try await server.metricTypes()
    for name in cataloguedNames {
      let family = Self.family(name, in: catalogue)
      guard let metric = catalogue[family], let declared = types[family] ?? types[name] else { continue }
      if declared != metric.kind.typeName && !(declared == "unknown") {
        return "\(family) is a \(metric.kind.typeName) in the catalogue, a \(declared) on the server (metadata)"
      }
    }
    return nil
  }

  /// The catalogue name a series belongs to: a histogram's `_bucket`, `_count`, `_sum`, a summary's `_count`, `_sum`.
  private static func family(_ name: String, in catalogue: [String: Metric.Definition]) -> String {
    if catalogue[name] != nil { return name }
    for suffix in ["_bucket", "_count", "_sum"] where name.hasSuffix(suffix) {
      let family = String(name.dropLast(suffix.count))
      if catalogue[family] != nil { return family }
    }
    return name
  }

  // MARK: - The tree

  struct Selector: Hashable {
    var name: String?
    var matchers: [LabelMatcher]
    var text: String { PromQL.selector(name: name ?? "", matchers: matchers, metric: nil).description }
  }

  static func selectors(in tree: PromQLExpression) -> [Selector] {
    var found: [Selector] = []
    func walk(_ expr: PromQLExpression) {
      switch expr {
      case .number, .string: break
      case .selector(let selector), .matrix(let selector, _):
        let item = Selector(name: selector.name, matchers: selector.matchers)
        if !found.contains(item) { found.append(item) }
      case .subquery(let inner, _, _, _), .negation(let inner), .parenthesized(let inner): walk(inner)
      case .call(_, let arguments): arguments.forEach(walk)
      case .aggregation(_, let inner, let parameter, _):
        walk(inner)
        if let parameter { walk(parameter) }
      case .binary(let left, _, let right, _, _):
        walk(left)
        walk(right)
      }
    }
    walk(tree)
    return found
  }

  /// Labels the expression groups by or matches on (`by`, `on`, `group_left`/`group_right`): they must exist.
  static func labelsUsed(by tree: PromQLExpression) -> [String] {
    var used: [String] = []
    func walk(_ expr: PromQLExpression) {
      switch expr {
      case .number, .string, .selector, .matrix: break
      case .subquery(let inner, _, _, _), .negation(let inner), .parenthesized(let inner): walk(inner)
      case .call(_, let arguments): arguments.forEach(walk)
      case .aggregation(_, let inner, let parameter, let grouping):
        if case .by(let labels)? = grouping { used += labels }
        walk(inner)
        if let parameter { walk(parameter) }
      case .binary(let left, _, let right, _, let matching):
        if case .on(let labels)? = matching?.labels { used += labels }
        switch matching?.group {
        case .left(let labels)?, .right(let labels)?: used += labels
        case nil: break
        }
        walk(left)
        walk(right)
      }
    }
    walk(tree)
    return used
  }

  /// Labels the expression makes: `label_replace`'s and `label_join`'s destination, `count_values`' label.
  static func labelsMade(by tree: PromQLExpression) -> Set<String> {
    var made: Set<String> = []
    func walk(_ expr: PromQLExpression) {
      switch expr {
      case .number, .string, .selector, .matrix: break
      case .subquery(let inner, _, _, _), .negation(let inner), .parenthesized(let inner): walk(inner)
      case .call(let name, let arguments):
        if name == "label_replace" || name == "label_join", arguments.count > 1, case .string(let label) = arguments[1] {
          made.insert(label)
        }
        arguments.forEach(walk)
      case .aggregation(let op, let inner, let parameter, _):
        if op == .count_values, case .string(let label)? = parameter { made.insert(label) }
        walk(inner)
        if let parameter { walk(parameter) }
      case .binary(let left, _, let right, _, _):
        walk(left)
        walk(right)
      }
    }
    walk(tree)
    return made
  }

  static func list(_ labels: Set<String>) -> String {
    let names = labels.filter { $0 != "__name__" }.sorted()
    return names.isEmpty ? "no labels" : "labels: " + names.joined(separator: ", ")
  }
}
