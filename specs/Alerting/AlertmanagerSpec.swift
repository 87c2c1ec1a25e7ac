import MonitoringDSL

/// `alertmanager/alertmanager.yml`: severity-based routing, receivers whose secrets Alertmanager reads
/// from files mounted at `/etc/alertmanager/secrets/` (never in this repo), and inhibit rules. On
/// Kubernetes the operator mounts the Secrets listed in `alertmanagerSpec.secrets` one folder deeper.
enum AlertmanagerSpec {
  static let secrets = "/etc/alertmanager/secrets"

  /// Receivers, by the severity they serve.
  static let pager = "websocket-pager"
  static let team = "websocket-team"
  static let fallback = "default"

  static func config(secrets: String = secrets) -> AlertmanagerConfig {
    AlertmanagerConfig("alertmanager.yml") {
      route
      Receiver(fallback) {
        WebhookConfig(url: "http://alert-relay:8080/alerts").bearerToken(file: "\(secrets)/relay-token")
      }
      Receiver(pager) {
        PagerDutyConfig(routingKeyFile: "\(secrets)/pagerduty-routing-key")
        EmailConfig(to: "oncall@example.com").sendResolved()
      }
      Receiver(team) {
        SlackConfig(channel: "#websocket-alerts", apiURLFile: "\(secrets)/slack-webhook-url").sendResolved()
      }
      InhibitRule.warningMutedWhileCritical()
      // A target that is down explains every other alert of its job.
      InhibitRule(source: [.equal("alertname", Alerts.targetDown.name)], target: [.notEqual("alertname", Alerts.targetDown.name)], equal: ["job"])
      // An idle service has no messages either: one alert is enough.
      InhibitRule(source: [.equal("alertname", Alerts.noActiveConnectionsName)], target: [.equal("alertname", Alerts.lowMessageRate.name)], equal: ["job"])
    }
    .global(resolveTimeout: "5m")
    .smtp(smtp(secrets: secrets))
  }

  /// The mail server the email receivers send through (Grafana-managed alerting reads it as `GF_SMTP_*`).
  static func smtp(secrets: String = secrets) -> SMTPSettings {
    SMTPSettings(from: "alertmanager@example.com", smarthost: "smtp.example.com:587").auth(username: "alertmanager", passwordFile: "\(secrets)/smtp-password")
  }

  /// Where the receivers' secret files are on the host: git-ignored, made by `scripts/monitoring.sh start`.
  static let secretsSource = "${ALERTMANAGER_SECRETS_DIR:-../../.secrets/alertmanager}"

  static var route: Route {
    Route(receiver: fallback) {
      Route(receiver: pager, matchers: [.equal("severity", "critical")]).repeatInterval("1h")
      Route(receiver: team, matchers: [.equal("severity", "warning")])
    }
    .groupBy(["alertname", "job"])
    .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")
  }
}
