import MonitoringDSL
import MonitoringRender

/// Imported PromQL text as the DSL's typed ``PromQL``, on a metric catalogue inferred from how the
/// dashboard's queries use each name: one that is rated (`rate`, `irate`, `increase`, `resets`) or
/// ends in `_total` is a counter, a family with `_bucket` series is a histogram (its `_count` and
/// `_sum` series with it), any other name a gauge. The DSL writes its tree in one canonical form
/// (`sum by (job) (…)`, `a{x="1",y="2"}`, `1000` for `1e3`); a query whose text is written otherwise
/// is typed when its canonical text parses to the same syntax tree (parentheses aside), and its text
/// then changes to that form: the ``Reformatted`` map says from what to what, for the model the spec
/// must render. With `reformatting` off, only queries already in canonical form are typed. The rest
/// (an `@` modifier, a unary minus the DSL has no case for) stay text, which ``PromQLParser`` still
/// checks when the spec renders.
/// ```swift
/// let result = PromQLTyping.typeQueries(in: &dashboard, reformatting: true)
/// // Query("sum(rate(x_total[5m])) by (job)") now carries x_total.rate("5m").sum(by: ["job"]),
/// // result.reformatted["sum(rate(x_total[5m])) by (job)"] == "sum by (job) (rate(x_total[5m]))"
/// ```
enum PromQLTyping {
  /// Names Prometheus gives its own series: selected through the DSL's free functions, not a catalogue entry.
  private static let builtInSeries: Set = ["up"]
  private static let rateFunctions: Set = ["rate", "irate", "increase", "resets"]

  struct Result {
    var typed = 0
    /// How many of the typed queries now have the DSL's text, not their own.
    var rewritten = 0
    var prometheus = 0
    /// Query text → the canonical text it now renders, for texts that changed (every query with the text typed).
    var reformatted: [String: String] = [:]
  }

  /// Types the Prometheus queries of every panel that map onto the DSL.
  static func typeQueries(in dashboard: inout Dashboard, reformatting: Bool) -> Result {
    var parsed: [String: PromQLExpression] = [:]
    var untyped: Set<String> = []
    DashboardImporter.editItems(of: &dashboard, panel: { panel in
      for query in panel.queries {
        guard isTypable(query, in: panel) else {
          untyped.insert(query.expr)
          continue
        }
        if parsed[query.expr] == nil, let tree = try? PromQLParser.parse(query.expr, dialect: .grafana) { parsed[query.expr] = tree }
      }
    }, row: { _ in })
    let metrics = catalogue(inferredFrom: parsed.values)
    var result = Result()
    var typedTrees: [String: PromQL] = [:]
    for (text, tree) in parsed {
      let typed = tree.typed(metrics: metrics)
      let canonical = typed.description
      if canonical == text || (reformatting && sameTree(tree, text, canonical)) { typedTrees[text] = typed }
    }
    DashboardImporter.editItems(of: &dashboard, panel: { panel in
      for index in panel.queries.indices where isTypable(panel.queries[index], in: panel) {
        result.prometheus += 1
        let text = panel.queries[index].expr
        guard let typed = typedTrees[text], !untyped.contains(text) else { continue }
        panel.queries[index].promQL = typed
        panel.queries[index].expr = typed.description
        result.typed += 1
        if typed.description != text {
          result.reformatted[text] = typed.description
          result.rewritten += 1
        }
      }
    }, row: { _ in })
    return result
  }

  /// The model a spec must render, its queries' text changed as ``Result/reformatted`` says: the
  /// `expr` of each panel's targets, rows' panels included.
  static func reformat(_ model: inout JSONValue, _ reformatted: [String: String]) {
    guard !reformatted.isEmpty, case .object(var dashboard) = model, case .array(var panels)? = dashboard["panels"] else { return }
    func reformatPanel(_ panel: inout JSONValue) {
      guard case .object(var members) = panel else { return }
      if case .array(var targets)? = members["targets"] {
        for index in targets.indices {
          guard case .object(var target) = targets[index], case .string(let text)? = target["expr"],
            let canonical = reformatted[text]
          else { continue }
          target["expr"] = .string(canonical)
          targets[index] = .object(target)
        }
        members["targets"] = .array(targets)
      }
      if case .array(var inner)? = members["panels"] {
        for index in inner.indices { reformatPanel(&inner[index]) }
        members["panels"] = .array(inner)
      }
      panel = .object(members)
    }
    for index in panels.indices { reformatPanel(&panels[index]) }
    dashboard["panels"] = .array(panels)
    model = .object(dashboard)
  }

  /// Whether `canonical` parses to `tree`, parentheses aside, with the Grafana variables of `text`: the
  /// tree holds a variable's text only where Grafana puts a string or a duration, so a variable
  /// elsewhere (`by ($label)`) would be lost.
  private static func sameTree(_ tree: PromQLExpression, _ text: String, _ canonical: String) -> Bool {
    guard let reparsed = try? PromQLParser.parse(canonical, dialect: .grafana), reparsed.withoutParentheses == tree.withoutParentheses
    else { return false }
    return PromQLParser.grafanaVariables(in: canonical).sorted() == PromQLParser.grafanaVariables(in: text).sorted()
  }

  /// A PromQL target whose text the raw JSON does not replace.
  private static func isTypable(_ query: Query, in panel: Panel) -> Bool {
    guard case .prometheus = query.language, query.promQL == nil else { return false }
    if let type = (query.datasource ?? panel.datasource)?.type, type != .prometheus, type != .builtIn { return false }
    if query.removedJSON.contains(["expr"]) { return false }
    if case .object(let members)? = query.extraJSON, members["expr"] != nil { return false }
    return true
  }

  /// Series name → catalogue entry, a histogram under its `_bucket`, `_count` and `_sum` series.
  static func catalogue(inferredFrom trees: some Sequence<PromQLExpression>) -> [String: Metric.Definition] {
    var names: Set<String> = []
    var rated: Set<String> = []
    for tree in trees { collect(tree, names: &names, rated: &rated) }
    names.subtract(builtInSeries)
    var metrics: [String: Metric.Definition] = [:]
    let suffixes = ["_bucket", "_count", "_sum"]
    for bucket in names where bucket.hasSuffix("_bucket") {
      let family = String(bucket.dropLast("_bucket".count))
      guard !family.isEmpty, !names.contains(family) else { continue }
      let histogram = Metric.Histogram(family, help: "", buckets: []).definition
      for suffix in suffixes { metrics[family + suffix] = histogram }
    }
    for name in names where metrics[name] == nil {
      metrics[name] =
        rated.contains(name) || name.hasSuffix("_total")
        ? Metric.Counter(name, help: "").definition : Metric.Gauge(name, help: "").definition
    }
    return metrics
  }

  private static func collect(_ expr: PromQLExpression, names: inout Set<String>, rated: inout Set<String>) {
    switch expr {
    case .number, .string: break
    case .selector(let selector), .matrix(let selector, _):
      if let name = selector.name, !selector.nameIsTemplated { names.insert(name) }
    case .subquery(let inner, _, _, _), .negation(let inner), .parenthesized(let inner):
      collect(inner, names: &names, rated: &rated)
    case .call(let function, let arguments):
      if rateFunctions.contains(function), case .matrix(let selector, _)? = arguments.first, let name = selector.name {
        rated.insert(name)
      }
      for argument in arguments { collect(argument, names: &names, rated: &rated) }
    case .aggregation(_, let inner, let parameter, _):
      collect(inner, names: &names, rated: &rated)
      if let parameter { collect(parameter, names: &names, rated: &rated) }
    case .binary(let left, _, let right, _, _):
      collect(left, names: &names, rated: &rated)
      collect(right, names: &names, rated: &rated)
    }
  }
}
