import MonitoringDSL

/// Monitoring the monitor (the seed's production section): Prometheus and Alertmanager scrape each
/// other's health, and a failed config reload or a down Alertmanager alerts.
enum SelfMonitoring {
  static let prometheusReloadSuccessful = Metric.Gauge(
    "prometheus_config_last_reload_successful", help: "Whether the last configuration reload attempt was successful.")
  static let alertmanagerReloadSuccessful = Metric.Gauge(
    "alertmanager_config_last_reload_successful", help: "Whether the last configuration reload attempt was successful.")

  static let prometheusJob: [LabelMatcher] = [.equal("job", "prometheus")]
  static let alertmanagerJob: [LabelMatcher] = [.equal("job", "alertmanager")]

  static let prometheusReloadFailed = AlertRule(
    "PrometheusConfigReloadFailed", expr: prometheusReloadSuccessful.select(prometheusJob).equalTo(0), for: "5m",
    severity: .warning
  )
  .summary("Prometheus could not reload its configuration.")
  .description("Prometheus {{ $labels.instance }} has failed to reload its configuration for 5m; it runs the previous one.")
  .runbook("\(Alerts.runbook)#prometheus-config-reload-failed")
  .routesTo(AlertmanagerSpec.team)
  .test(
    AlertTest(interval: "15s", conditionFrom: "30s", labels: ["job": "prometheus", "instance": "localhost:9090"], value: 0) {
      InputSeries(prometheusReloadSuccessful.select(prometheusJob + [.equal("instance", "localhost:9090")]), "1 1 0x30")
    })

  static let alertmanagerReloadFailed = AlertRule(
    "AlertmanagerConfigReloadFailed", expr: alertmanagerReloadSuccessful.select(alertmanagerJob).equalTo(0), for: "5m",
    severity: .warning
  )
  .summary("Alertmanager could not reload its configuration.")
  .description("Alertmanager {{ $labels.instance }} has failed to reload its configuration for 5m; it runs the previous one.")
  .runbook("\(Alerts.runbook)#alertmanager-config-reload-failed")
  .routesTo(AlertmanagerSpec.team)
  .test(
    AlertTest(interval: "15s", conditionFrom: "30s", labels: ["job": "alertmanager", "instance": "alertmanager:9093"], value: 0) {
      InputSeries(alertmanagerReloadSuccessful.select(alertmanagerJob + [.equal("instance", "alertmanager:9093")]), "1 1 0x30")
    })

  /// Pages through Alertmanager itself while it is partly up; a dead one is caught by its absence here.
  static let alertmanagerDown = AlertRule(
    "AlertmanagerDown", expr: up(alertmanagerJob).equalTo(0).or(absent(up(alertmanagerJob))), for: "2m", severity: .critical
  )
  .summary("Prometheus cannot reach Alertmanager.")
  .description("Prometheus has failed to scrape Alertmanager {{ $labels.instance }} for 2m: alerts may not be delivered.")
  .runbook("\(Alerts.runbook)#alertmanager-down")
  .routesTo(AlertmanagerSpec.pager)
  .test(
    AlertTest(interval: "15s", conditionFrom: "30s", labels: ["job": "alertmanager", "instance": "alertmanager:9093"], value: 0) {
      InputSeries(up(alertmanagerJob + [.equal("instance", "alertmanager:9093")]), "1 1 0x20")
    })

  /// `alertmanager`: whether the stack runs an Alertmanager to watch (Grafana-managed alerting routes
  /// through Grafana's built-in one, which has no job of its own to scrape).
  static func group(alertmanager: Bool = true) -> RuleGroup {
    RuleGroup("monitoring", interval: Stack.scrapeInterval) {
      prometheusReloadFailed
      if alertmanager {
        alertmanagerReloadFailed
        alertmanagerDown
      }
    }
  }
}
