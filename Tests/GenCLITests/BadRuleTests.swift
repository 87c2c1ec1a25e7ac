import MonitoringDSL
import StarterSpecs
import Testing

/// Each kind of bad rule, fed through `gen`: exit code 1, the diagnostic on stderr, nothing written.
@Suite struct BadRuleTests {
  static let connections = Metric.Gauge("app_active_connections", help: "g")
  static let errors = Metric.Counter("app_errors_total", help: "c")
  static let shutdown = Metric.Histogram("app_shutdown_duration_seconds", help: "h", buckets: [1, 5, 10])
  static let job: [LabelMatcher] = [.equal("job", "orders")]

  static let cases: [(String, PromQL, String)] = [
    ("rate over a gauge", .call("rate", [.range(connections.select(), window: "5m", step: nil)]).lessThan(1),
     "rate() over app_active_connections, a gauge: only counters have a rate"),
    ("raw counter", errors.selector(job).greaterThan(10), "compares the raw counter app_errors_total"),
    ("rate of a sum", .call("rate", [errors.selector().sum().subquery("5m", step: "15s")]).greaterThan(1),
     "rate() over an aggregation or subquery"),
    ("short range", errors.rate("30s", job).greaterThan(1), "rate() range 30s is shorter than 4× the scrape interval (15s)"),
    ("Grafana macro", errors.rate(.rateInterval, job).greaterThan(1), "$__rate_interval exists only in Grafana"),
    ("threshold off the buckets", shutdown.quantile(0.95, over: "1h", by: ["job"], job).greaterThan(4),
     "threshold 4 is not a bucket bound of app_shutdown_duration_seconds"),
  ]

  @Test(arguments: cases.indices)
  func badRuleFailsGen(_ index: Int) throws {
    let (_, expr, message) = Self.cases[index]
    var catalog = Monitoring.dev.defaultCatalog
    let alert = AlertRule("BrokenAlert", expr: expr, for: "5m", severity: .warning)
      .summary("Something is broken.").description("{{ $labels.job }} is broken.").routesTo("orders-team")
    catalog.ruleFiles[0].groups[0].rules.append(.alert(alert))
    let sandbox = try Sandbox()
    let run = sandbox.gen([], catalog: catalog)
    #expect(run.status == 1)
    #expect(run.err.contains(#"error: environment "dev" › rules "orders.rules.yml" › group "orders" › alert BrokenAlert: \#(message)"#), "\(run.err)")
    #expect(sandbox.snapshot().isEmpty)
  }
}
