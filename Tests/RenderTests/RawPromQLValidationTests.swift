import MonitoringDSL
import MonitoringRender
import Testing

/// Raw PromQL through validation: a parse error is a diagnostic at the item's path with the column in
/// the text as written, and the render returns diagnostics instead of files.
@Suite struct RawPromQLValidationTests {
  static let messages = Metric.Counter("app_messages_total", help: "Messages.")
  static let connections = Metric.Gauge("app_active_connections", help: "Connections.")

  /// The test datasource, a dashboard with one row, and `rules` with a 15s scrape interval.
  func catalog(@DashboardBuilder _ items: () -> [DashboardItem] = { [] }, variables: [Variable] = [], annotations: [Annotation] = [],
               rules: [Rule] = []) -> Catalog {
    let board = Dashboard("Ops", uid: "ops", items: items).datasource(.prometheus("prom")).variables { variables }
      .annotations { annotations }
    var catalog = Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
      PrometheusConfig("p.yml") { ScrapeJob("app", targets: ["app:80"]) }.global(scrapeInterval: "15s", evaluationInterval: "15s")
      [Self.messages.definition, Self.connections.definition]
      board
    }
    if !rules.isEmpty { catalog.ruleFiles = [RuleFile("r.yml") { RuleGroup("g", interval: "15s") { rules } }] }
    return catalog
  }

  func alert(_ expr: String, for duration: PromDuration = "5m") -> Rule {
    .alert(AlertRule("AppBroken", expr: .raw(expr), for: duration, severity: .warning).summary("App is broken.").description("{{ $labels.job }} is broken."))
  }

  /// The render throws every diagnostic and returns no file.
  func renderFails(_ catalog: Catalog) -> Bool {
    (try? Renderer.render(catalog)) == nil
  }

  @Test func brokenRuleExpression() {
    let broken = catalog(rules: [alert("sum(rate(app_messages_total[5m]) <")])
    #expect(diagnostics(broken) == [
      #"rules "r.yml" › group "g" › alert AppBroken: PromQL parse error at column 35: unexpected end of input, expected an expression"#
    ])
    #expect(renderFails(broken))
    let record = catalog(rules: [.record(RecordingRule("job:app_messages:rate5m", expr: .raw("sum by (job (rate(app_messages_total[5m]))")))])
    #expect(diagnostics(record) == [
      #"rules "r.yml" › group "g" › record job:app_messages:rate5m: PromQL parse error at column 13: unexpected "(", expected "," or ")""#
    ])
  }

  @Test func grafanaVariablesAreErrorsInRules() {
    #expect(diagnostics(catalog(rules: [alert("sum(rate(app_messages_total[$__rate_interval])) > 1")])) == [
      #"rules "r.yml" › group "g" › alert AppBroken: PromQL parse error at column 29: $__rate_interval exists only in Grafana; use a duration in rules"#
    ])
  }

  @Test func brokenPanelQuery() {
    let broken = catalog {
      Row("Traffic") {
        TimeSeries("Messages") {
          Query("sum(rate(app_messages_total[$__rate_interval]))")
          Query(#"sum by (job (rate(app_messages_total{job=~"$job"}[$__rate_interval]))"#)
        }
      }
    }
    #expect(diagnostics(broken) == [
      #"dashboard "Ops" › row "Traffic" › panel "Messages" › query B: PromQL parse error at column 13: unexpected "(", expected "," or ")""#
    ])
    #expect(renderFails(broken))
  }

  @Test func brokenVariableQueries() {
    let broken = catalog(variables: [
      .query("job", "label_values(app_active_connections{job=}, job)", datasource: .prometheus("prom")),
      .query("instance", #"label_values(up{job=~"$job"}, "instance")"#, datasource: .prometheus("prom")),
      .query("top", "query_result(topk(5, sum by (job) (rate(app_messages_total[$__range])))", datasource: .prometheus("prom")),
      .query("fine", #"label_values(up{job=~"$job"}, instance)"#, datasource: .prometheus("prom")),
      .query("names", "label_names()", datasource: .prometheus("prom")),
      .query("loki", "label_values(app, {job=", datasource: DatasourceRef(type: .loki, uid: "prom")),
    ])
    #expect(diagnostics(broken) == [
      #"dashboard "Ops" › variable "job": PromQL parse error at column 41: unexpected "}", expected a quoted label value"#,
      #"dashboard "Ops" › variable "instance": PromQL parse error at column 31: expected a label name, got "instance""#,
      #"dashboard "Ops" › variable "top": PromQL parse error at column 71: unexpected end of input, expected "," or ")""#,
    ])
    #expect(renderFails(broken))
  }

  @Test func brokenAnnotationQuery() {
    let annotation = Annotation("Restarts", expr: "changes(process_start_time_seconds[$__rate_interval] > 0", datasource: .prometheus("prom"))
    #expect(diagnostics(catalog(annotations: [annotation])) == [
      #"dashboard "Ops" › annotation "Restarts": PromQL parse error at column 54: binary expression must contain only scalar and instant vector types, got range vector"#
    ])
  }

  @Test func checksOfTypedPromQLApplyToRawTextOfCatalogueMetrics() {
    let problems = diagnostics(catalog(rules: [
      alert("rate(app_active_connections[5m]) > 1"),
      alert("app_messages_total > 100"),
      alert("sum(rate(app_messages_total[30s])) > 1"),
      alert("absent(up{job=\"app\"})", for: "15s"),
      alert("rate(some_unknown_total[30s]) > 1"),  // not in the catalogue: no check but the parse
    ]))
    #expect(problems == [
      #"rules "r.yml" › group "g" › alert AppBroken: rate() over app_active_connections, a gauge: only counters have a rate"#,
      #"rules "r.yml" › group "g" › alert AppBroken: compares the raw counter app_messages_total; alert on rate() or increase() of it"#,
      #"rules "r.yml" › group "g" › alert AppBroken: rate() range 30s is shorter than 4× the scrape interval (15s) of app_messages_total"#,
      #"rules "r.yml" › group "g" › alert AppBroken: absent() needs a `for` of at least 2× the scrape interval (30s) to ride out restarts"#,
    ])
  }

  @Test func grafanaWindowsAreNotCheckedAgainstTheScrapeInterval() {
    let dashboard = catalog {
      TimeSeries("Rates") {
        Query(#"sum(rate(app_messages_total{job=~"$job"}[$__rate_interval]))"#)
        Query("sum(rate(app_messages_total[$__interval]))")
        Query("rate(app_active_connections[5m])")
      }
    }
    #expect(diagnostics(dashboard) == [
      #"dashboard "Ops" › panel "Rates" › query C: rate() over app_active_connections, a gauge: only counters have a rate"#
    ])
  }
}
