import MonitoringDSL

/// Recording rules shared by the alerts and the dashboard, evaluated before the alerts in the same
/// group so the alerts never lag them by an evaluation.
enum RecordingRules {
  static let messageRate = RecordingRule("job:app_messages:rate5m", expr: App.messages.rate("5m").sum(by: ["job"]))
    .test(
      RecordingTest(interval: "1m", at: "10m", expect: [(["job": Stack.appJob], 0.05)]) {
        InputSeries(App.messages.selector(App.job + [.equal("instance", "app:80")]), "0+3x30")
      })

  static let errorRate = RecordingRule("job:app_errors:rate5m", expr: App.errors.rate("5m").sum(by: ["job"]))
    .test(
      RecordingTest(interval: "1m", at: "10m", expect: [(["job": Stack.appJob], 0.25)]) {
        InputSeries(App.errors.selector(App.job + [.equal("instance", "app:80")]), "0+15x30")
      })

  static let activeConnections = RecordingRule(
    "job:app_active_connections:sum", expr: App.activeConnections.select().sum(by: ["job"])
  )
  .test(
    RecordingTest(interval: "15s", at: "30s", expect: [(["job": Stack.appJob], 7)]) {
      InputSeries(App.activeConnections.select(App.job + [.equal("instance", "a:80")]), "3 3 3")
      InputSeries(App.activeConnections.select(App.job + [.equal("instance", "b:80")]), "4 4 4")
    })

  static let shutdownP95 = RecordingRule(
    "job:app_shutdown_duration_seconds:p95_1h", expr: App.shutdownDuration.quantile(0.95, over: "1h", by: ["job"]))
}
