import MonitoringDSL

/// The seed's four KPI alerts and a target-down alert, each with the scenario that proves it fires
/// exactly at its `for` boundary (gen writes the promtool test).
enum Alerts {
  static let runbook = "https://runbooks.example.com/websocket"

  static let noActiveConnectionsName = "WebSocketNoActiveConnections"

  static func noActiveConnections(for hold: PromDuration) -> AlertRule {
    AlertRule(
      noActiveConnectionsName, expr: RecordingRules.activeConnections.select(App.job).equalTo(0), for: hold, severity: .warning
    )
    .summary("The WebSocket service has no active connections.")
    .description("{{ $labels.job }} has had 0 active connections for \(hold.text).")
    .runbook("\(runbook)#no-active-connections")
    .routesTo(AlertmanagerSpec.team)
    .test(
      AlertTest(interval: "15s", conditionFrom: "45s", labels: ["job": Stack.appJob], value: 0) {
        InputSeries(App.activeConnections.select(App.job + [.equal("instance", "app:80")]), "3 2 1 0x10")
      })
  }

  static let lowMessageRate = AlertRule(
    "WebSocketLowMessageRate",
    expr: RecordingRules.messageRate.select(App.job).lessThan(KPI.minMessagesPerSecond), for: KPI.lowMessageRateFor,
    severity: .warning
  )
  .summary("The WebSocket service processes almost no messages.")
  .description(#"{{ $labels.job }} processes {{ printf "%.2f" $value }} messages/s, below \#(NumberText.format(KPI.minMessagesPerSecond))/s."#)
  .runbook("\(runbook)#low-message-rate")
  .routesTo(AlertmanagerSpec.team)
  .test(
    AlertTest(interval: "1m", conditionFrom: "1m", labels: ["job": Stack.appJob], value: 0.05) {
      InputSeries(App.messages.selector(App.job + [.equal("instance", "app:80")]), "0+3x30")
    })

  static let highErrorRate = AlertRule(
    "WebSocketHighErrorRate",
    expr: RecordingRules.errorRate.select(App.job).times(60).greaterThan(KPI.maxErrorsPerMinute), for: KPI.highErrorRateFor,
    severity: .critical
  )
  .summary("The WebSocket service reports many errors.")
  .description(#"{{ $labels.job }} reports {{ printf "%.1f" $value }} errors/min, above \#(NumberText.format(KPI.maxErrorsPerMinute))/min."#)
  .runbook("\(runbook)#high-error-rate")
  .routesTo(AlertmanagerSpec.pager)
  // 15 errors/min from t=0: the 5m rate (extrapolated over a part-filled window) first exceeds 10/min at 3m30s.
  .test(
    AlertTest(interval: "1m", conditionFrom: "3m30s", labels: ["job": Stack.appJob], value: 15) {
      InputSeries(App.errors.selector(App.job + [.equal("instance", "app:80")]), "0+15x30")
    })

  /// Straight from the histogram, so the validator can check the threshold is a bucket bound.
  static let slowShutdown = AlertRule(
    "WebSocketSlowShutdown",
    expr: App.shutdownDuration.quantile(0.95, over: "1h", by: ["job"], App.job).greaterThan(KPI.maxShutdownP95Seconds),
    severity: .warning
  )
  .summary("WebSocket graceful shutdowns are slow.")
  .description(#"{{ $labels.job }} took {{ printf "%.2f" $value }}s (p95 over 1h) to shut down, above \#(NumberText.format(KPI.maxShutdownP95Seconds))s."#)
  .runbook("\(runbook)#slow-shutdown")
  .routesTo(AlertmanagerSpec.team)
  .test(
    AlertTest(interval: "1m", conditionFrom: "1m", labels: ["job": Stack.appJob], value: 9.75) { shutdownBuckets })

  /// Every observation lands in the (5, 10] bucket: the p95 interpolates to 9.75s.
  static var shutdownBuckets: [InputSeries] {
    App.shutdownDuration.buckets.map { bound in
      let series = PromQL.selector(
        name: "app_shutdown_duration_seconds_bucket",
        matchers: App.job + [.equal("instance", "app:80"), .equal("le", NumberText.format(bound))], metric: nil)
      return InputSeries(series, bound < 10 ? "0x60" : "0+1x60")
    } + [
      InputSeries(
        .selector(name: "app_shutdown_duration_seconds_bucket", matchers: App.job + [.equal("instance", "app:80"), .equal("le", "+Inf")], metric: nil),
        "0+1x60")
    ]
  }

  static let targetDown = AlertRule(
    "WebSocketTargetDown", expr: up(App.job).equalTo(0).or(absent(up(App.job))), for: KPI.targetDownFor, severity: .critical
  )
  .summary("Prometheus cannot scrape the WebSocket service.")
  .description("Prometheus has failed to scrape {{ $labels.job }} (instance {{ $labels.instance }}) for \(KPI.targetDownFor.text).")
  .runbook("\(runbook)#target-down")
  .routesTo(AlertmanagerSpec.pager)
  .test(
    AlertTest(interval: "15s", conditionFrom: "45s", labels: ["job": Stack.appJob, "instance": "app:80"], value: 0) {
      InputSeries(up(App.job + [.equal("instance", "app:80")]), "1 1 1 0x10")
    })
}
