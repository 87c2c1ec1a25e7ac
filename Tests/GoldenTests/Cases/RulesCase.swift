import MonitoringDSL

/// A rule file with recording and alerting rules, every rule option, and generated unit tests.
enum RulesCase {
  static let requests = Metric.Counter("http_requests_total", help: "Requests.", labels: ["code"])
  static let latency = Metric.Histogram("http_request_duration_seconds", help: "Latency.", buckets: [0.1, 0.5, 1, 2])
  static let api: [LabelMatcher] = [.equal("job", "api")]

  static let catalog = Catalog {
    PrometheusConfig("prometheus.yml") { ScrapeJob("api", targets: ["api:8080"]) }
      .global(scrapeInterval: "15s", evaluationInterval: "15s")
      .ruleFiles(["rules/*.yml"])
    file
  }

  static let errorRatio = RecordingRule(
    "job:http_requests:error_ratio5m",
    expr: requests.rate("5m", [.regex("code", "5..")]).sum(by: ["job"]).dividedBy(requests.rate("5m").sum(by: ["job"]))
  )
  .labels(["slo": "availability"])
  .test(
    RecordingTest(interval: "1m", at: "10m", expect: [(["job": "api"], 0.1)]) {
      InputSeries(requests.selector(api + [.equal("code", "500")]), "0+6x20")
      InputSeries(requests.selector(api + [.equal("code", "200")]), "0+54x20")
    })

  static let highErrorRatio = AlertRule(
    "ApiHighErrorRatio", expr: errorRatio.select(api).greaterThan(0.05), for: "5m", severity: .critical
  )
  .summary("The API fails too many requests.")
  .description(#"{{ $labels.job }} fails {{ printf "%.1f" $value }} of requests."#)
  .runbook("https://runbooks.example.com/api#errors")
  .labels(["team": "api"])
  .test(
    AlertTest(interval: "1m", conditionFrom: "1m", labels: ["job": "api", "slo": "availability"], value: 0.1) {
      InputSeries(requests.selector(api + [.equal("code", "500")]), "0+6x20")
      InputSeries(requests.selector(api + [.equal("code", "200")]), "0+54x20")
    })

  static let slow = AlertRule(
    "ApiSlow", expr: latency.quantile(0.99, over: "5m", by: ["job"], api).greaterThan(1), for: "10m", severity: .warning
  )
  .summary("The API is slow.")
  .description("{{ $labels.job }} p99 latency is {{ $value }}s.")
  .keepFiringFor("5m")

  static let file = RuleFile("api.rules.yml") {
    RuleGroup("api", interval: "30s") {
      errorRatio
      highErrorRatio
      slow
    }
    .limit(100)
  }
}
