import MonitoringDSL

/// The compose stack with its alerts evaluated by Grafana (environment `grafana`): the KPI, SLO and
/// self-monitoring alerts and the routing of `dev`, the same values, written as Grafana's alerting
/// provisioning (rule groups in the folder "WebSocket", contact points, the notification policy tree)
/// and routed by Grafana's built-in Alertmanager, so the stack has no Alertmanager service. Prometheus
/// keeps the recording rules; Grafana's rules query it through the provisioned datasource (uid
/// `prometheus`, basic auth).
enum GrafanaManagedSpec {
  /// Where Grafana's container finds the receivers' secret files, which the contact points read as
  /// `$__file{…}`: the folder Alertmanager reads them from in `dev`, mounted into Grafana instead.
  static let secrets = "/etc/grafana/receiver-secrets"

  static let alerting = GrafanaAlerting(folder: "WebSocket")
    // The rule groups run every 15s in Prometheus, no multiple of Grafana's 10s base interval; 30s is
    // the seed's evaluation_interval, and every `for` of the alerts is a multiple of it.
    .evaluationInterval("30s")
    // Grafana's provisioning has no inhibition: warnings are not muted while a critical alert of the
    // same alert fires, nor the others while the target is down or the service idle.
    .withoutInhibitRules()

  /// The dev stack (its addresses, dashboard, rules and routing), alerting through Grafana.
  static var stack: Stack {
    var stack = Stack.compose
    stack.alertmanagerTarget = nil
    stack.alertmanagerURL = nil
    stack.alertmanagerSecrets = secrets
    stack.alerting = .grafana(alerting)
    // The v2 file is written for review and for the move to Grafana 13; this stack's Grafana 12
    // provisions the classic one (its provider reads grafana/dashboards only).
    stack.dashboardFormats = [.classic, .v2]
    stack.compose = compose(running: stack.prometheusConfig)
    return stack
  }

  /// `dev`'s services but Alertmanager; Prometheus runs `prometheus`, which sends no alerts.
  static func compose(running prometheus: PrometheusConfig) -> ComposeFile {
    ComposeFile("simple-monitoring.yml", project: "simple-monitoring-grafana") {
      ComposeSpec.prometheus(running: prometheus)
      ComposeSpec.grafana
        .bind(AlertmanagerSpec.secretsSource, at: secrets)
        .environment(ComposeSpec.grafanaSMTP(AlertmanagerSpec.smtp(secrets: secrets)))
    }
  }
}
