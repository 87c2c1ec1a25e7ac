import MonitoringDSL
import MonitoringRender
import Testing

/// A lint-clean baseline for the lint tests: each test breaks one convention on it, and fixes it.
enum LintFixture {
  static let requests = Metric.Counter("app_requests_total", help: "Requests served.")
  static let inflight = Metric.Gauge("app_inflight_requests", help: "Requests in flight.")
  static let selected: [LabelMatcher] = [.regex("job", "$job"), .regex("instance", "$instance")]
  static let job: [LabelMatcher] = [.equal("job", "app")]

  static var requestRate: Panel {
    TimeSeries("Requests") { Query(requests.rate(.rateInterval, selected).sum(), legend: "requests/s") }
      .description("Requests served per second.")
      .unit(.requestsPerSecond)
  }

  static var variables: [Variable] {
    [
      Variable.datasource("datasource", type: .prometheus),
      Variable.query("job", "label_values(up, job)", datasource: .variable("datasource")),
      Variable.query("instance", #"label_values(up{job=~"$job"}, instance)"#, datasource: .variable("datasource")),
    ]
  }

  /// One row "R" of `panels` on dashboard "D", datasource and variables in place.
  static func dashboard(@PanelBuilder _ panels: () -> [Panel]) -> Dashboard {
    Dashboard("D", uid: "d") { Row("R", panels: panels) }
      .datasource(.variable("datasource"))
      .variables { variables }
  }

  static var alert: AlertRule {
    AlertRule("AppRequestsInFlightHigh", expr: inflight.select(job).sum(by: ["job"]).greaterThan(100), for: "5m", severity: .warning)
      .summary("The app has many requests in flight.")
      .description("{{ $labels.job }} has {{ $value }} requests in flight.")
      .runbook("https://runbooks.example.com/app#inflight")
  }

  static func rules(_ group: RuleGroup) -> Catalog {
    Catalog { RuleFile("app.rules.yml") { group } }
  }

  static func catalog(_ dashboard: Dashboard) -> Catalog {
    Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
      dashboard
    }
  }

  /// The findings as `gen lint` prints them (without `warning: `). The catalog must validate: lint
  /// checks conventions, not what `gen` refuses.
  static func findings(_ catalog: Catalog, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    #expect(throws: Never.self, sourceLocation: sourceLocation) { try Renderer.render(catalog) }
    return Linter.lint(catalog).map(\.description)
  }

  static func findings(_ dashboard: Dashboard, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    findings(catalog(dashboard), sourceLocation: sourceLocation)
  }

  static func findings(_ group: RuleGroup, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
    findings(rules(group), sourceLocation: sourceLocation)
  }
}
