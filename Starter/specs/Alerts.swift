import MonitoringDSL

/// The service's objectives: the alerts and the dashboard's threshold lines both read them.
enum Objectives {
  /// Page when more than 5 % of requests fail with a 5xx for five minutes.
  static let maxErrorRatio = 0.05
  static let errorRatioFor: PromDuration = "5m"
  /// Warn when the p95 latency stays above 0.5 s (a bucket bound) for ten minutes.
  static let maxP95Seconds = 0.5
  static let latencyFor: PromDuration = "10m"
}

/// The service's alerts, each with the scenario that proves it fires exactly at its `for` boundary
/// (`gen` writes the promtool test) and the receiver it must reach (`gen` checks the routing tree).
enum Alerts {
  static let instance = LabelMatcher.equal("instance", "app:8080")

  static let highErrorRate = AlertRule(
    "HighErrorRate",
    expr: Metrics.requests.rate("5m", Service.job + [.regex("code", "5..")]).sum(by: ["job"])
      .dividedBy(Metrics.requests.rate("5m", Service.job).sum(by: ["job"]))
      .greaterThan(Objectives.maxErrorRatio),
    for: Objectives.errorRatioFor, severity: .critical
  )
  .summary("The service answers many requests with server errors.")
  .description("{{ $labels.job }} answers {{ $value | humanizePercentage }} of its requests with a 5xx code.")
  .runbook("\(Service.runbook)#high-error-rate")
  .routesTo(Routing.pager)
  // One request in ten fails from the start: the ratio is over 5 % from the first rate, at 1m.
  .test(
    AlertTest(interval: "1m", conditionFrom: "1m", labels: ["job": Service.name], value: 0.1) {
      InputSeries(requests(code: "500"), "0+6x30")
      InputSeries(requests(code: "200"), "0+54x30")
    })

  static let highLatency = AlertRule(
    "HighRequestLatency",
    expr: Metrics.requestDuration.quantile(0.95, over: "5m", by: ["job"], Service.job).greaterThan(Objectives.maxP95Seconds),
    for: Objectives.latencyFor, severity: .warning
  )
  .summary("The service is slow to answer.")
  .description("{{ $labels.job }} answers 95 % of its requests within {{ $value | humanizeDuration }}.")
  .runbook("\(Service.runbook)#high-latency")
  .routesTo(Routing.team)
  // Every request takes between 0.5 s and 1 s: the p95 interpolates to 0.975 s.
  .test(AlertTest(interval: "1m", conditionFrom: "1m", labels: ["job": Service.name], value: 0.975) { slowBuckets })

  static func requests(code: String) -> PromQL {
    Metrics.requests.selector(Service.job + [instance, .equal("code", code), .equal("handler", "/orders")])
  }

  static var slowBuckets: [InputSeries] {
    let bounds = Metrics.requestDuration.buckets.map { (NumberText.format($0), $0 <= Objectives.maxP95Seconds) }
    return (bounds + [("+Inf", false)]).map { bound, fast in
      let series = PromQL.selector(
        name: "http_request_duration_seconds_bucket",
        matchers: Service.job + [instance, .equal("handler", "/orders"), .equal("le", bound)], metric: nil)
      return InputSeries(series, fast ? "0x30" : "0+10x30")
    }
  }

  static var ruleFile: RuleFile {
    RuleFile("\(Service.name).rules.yml") {
      RuleGroup(Service.name, interval: Service.scrapeInterval) {
        highErrorRate
        highLatency
      }
    }
  }
}
