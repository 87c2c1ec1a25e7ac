import Foundation
import MonitoringDSL
import MonitoringRender

/// The values `gen verify` gives a dashboard's variables and Grafana's macros before it sends a
/// query, as Grafana would with the dashboard open: a query variable's values as the server lists
/// them now (its regex applied), a custom or interval variable's options; "All" where a variable
/// offers it (its `allValue`, or every value as `(a|b)`), else the first value. `$__interval` is the
/// scrape interval and `$__rate_interval` four times it, `$__range` the checked window.
/// ```swift
/// let variables = await DashboardVariables.resolve(dashboard, on: prometheus, window: 3600, scrapeInterval: 15)
/// PromQLParser.substituting(expr, variables.values)
/// ```
struct DashboardVariables: Sendable {
  /// Name → the text substituted for it.
  var values: [String: String] = [:]
  /// Name → why the variable has no value (none listed, or the server's error).
  var problems: [String: String] = [:]
  /// Name → how many values a query variable lists.
  var counts: [String: Int] = [:]

  static func resolve(_ dashboard: Dashboard, on prometheus: LiveEndpoint, window: Int, scrapeInterval: Int, now: Double) async
    -> DashboardVariables
  {
    var resolved = DashboardVariables()
    resolved.values = macros(window: window, scrapeInterval: scrapeInterval, now: now)
    for variable in dashboard.variables {
      let options: [String]
      switch variable.kind {
      case .query(let query, _, _, _):
        do {
          options = filtered(try await listed(query, resolved: resolved, on: prometheus, window: window, now: now), by: variable.regex)
        } catch {
          resolved.problems[variable.name] = error.description
          resolved.values[variable.name] = noValue(variable.name)
          continue
        }
      case .custom(let custom): options = custom.map(Variable.optionText)
      case .interval(let durations): options = durations.map(\.text)
      case .constant(let value): options = [value]
      case .textbox(let text): options = [text]
      case .datasource, .adhoc:
        resolved.values[variable.name] = ""
        continue
      }
      if case .query = variable.kind { resolved.counts[variable.name] = options.count }
      guard let first = options.first else {
        resolved.problems[variable.name] = "variable $\(variable.name) lists no values"
        resolved.values[variable.name] = noValue(variable.name)
        continue
      }
      let escapes = variable.allowsMultiple || variable.includesAll
      if variable.includesAll {
        resolved.values[variable.name] =
          variable.allValue ?? (options.count == 1 ? regexEscaped(first) : "(" + options.map(regexEscaped).joined(separator: "|") + ")")
      } else {
        resolved.values[variable.name] = escapes ? regexEscaped(first) : first
      }
    }
    return resolved
  }

  /// A value no label has: a query over a variable without values matches nothing, as in Grafana.
  private static func noValue(_ name: String) -> String { "no-value-of-\(name)" }

  private static func macros(window: Int, scrapeInterval: Int, now: Double) -> [String: String] {
    let interval = scrapeInterval * 1000
    return [
      "__interval": PromDuration(milliseconds: interval).text, "__interval_ms": String(interval),
      "__rate_interval": PromDuration(milliseconds: 4 * interval).text, "__rate_interval_ms": String(4 * interval),
      "__range": PromDuration(milliseconds: window * 1000).text, "__range_s": String(window), "__range_ms": String(window * 1000),
      "__auto": PromDuration(milliseconds: interval).text, "__from": String(Int((now - Double(window)) * 1000)),
      "__to": String(Int(now * 1000)),
    ]
  }

  /// What the variable's query lists on the server, as Grafana's Prometheus variable support asks.
  private static func listed(
    _ query: String, resolved: DashboardVariables, on prometheus: LiveEndpoint, window: Int, now: Double
  ) async throws(LiveError) -> [String] {
    let range = [("start", String(Int(now) - window)), ("end", String(Int(now)))]
    func substituted(_ text: String) -> String { PromQLParser.substituting(text, resolved.values) }
    switch GrafanaVariableQuery.form(query) {
    case .labelNames(let match):
      let parameters = match.map { [("match[]", substituted($0))] } ?? []
      return try await prometheus.data("/api/v1/labels", parameters + range).elements.compactMap(\.text)
    case .labelValues(let label, let match):
      let parameters = match.map { [("match[]", substituted($0))] } ?? []
      return try await prometheus.data("/api/v1/label/\(substituted(label))/values", parameters + range).elements.compactMap(\.text)
    case .metrics(let regex):
      let names = try await prometheus.data("/api/v1/label/__name__/values", range).elements.compactMap(\.text)
      return filtered(names, by: regex.isEmpty ? nil : regex)
    case .queryResult(let expr):
      let data = try await prometheus.data("/api/v1/query", [("query", substituted(expr)), ("time", String(now))])
      return data["result"]?.elements.map { series in
        let value = series["value"]?.elements.last?.text ?? ""
        return seriesText(series["metric"]) + " \(value) \(Int(now * 1000))"
      } ?? []
    case .series(let selector):
      return try await prometheus.data("/api/v1/series", [("match[]", substituted(selector))] + range).elements.map(seriesText)
    }
  }

  /// `name{label="value", …}` as Grafana shows a series.
  private static func seriesText(_ labels: JSONValue?) -> String {
    guard case .object(let members)? = labels else { return "" }
    let name = members["__name__"]?.text ?? ""
    let rest = members.keys.filter { $0 != "__name__" }.sorted().map { "\($0)=\"\(members[$0]?.text ?? "")\"" }
    return name + "{" + rest.joined(separator: ", ") + "}"
  }

  /// The values a variable's regex keeps, each its first capture group when it has one (Grafana's
  /// `/pattern/flags` form, JavaScript syntax as far as Swift's regular expressions share it).
  static func filtered(_ values: [String], by pattern: String?) -> [String] {
    guard var pattern, !pattern.isEmpty else { return values }
    if pattern.hasPrefix("/"), let close = pattern.lastIndex(of: "/"), close != pattern.startIndex {
      pattern = String(pattern[pattern.index(after: pattern.startIndex)..<close])
    }
    guard let regex = try? Regex(pattern) else { return values }
    var kept: [String] = []
    for value in values {
      guard let match = try? regex.firstMatch(in: value) else { continue }
      let text = match.count > 1 ? match.output[1].substring.map(String.init) : String(match.output[0].substring ?? "")
      if let text, !kept.contains(text) { kept.append(text) }
    }
    return kept
  }

  /// A value as Grafana escapes it for a regex matcher of a multi-value variable.
  static func regexEscaped(_ value: String) -> String {
    var escaped = ""
    for character in value {
      if "\\^$*+?.()|{}[]".contains(character) { escaped += "\\\\" }
      escaped.append(character)
    }
    return escaped
  }
}
