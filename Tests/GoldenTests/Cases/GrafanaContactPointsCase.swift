import MonitoringDSL

/// Every receiver integration Grafana-managed alerting takes, as contact points: email, Slack,
/// PagerDuty, webhooks with basic auth and a bearer token, OpsGenie, VictorOps, Pushover, Telegram
/// and Discord, every secret read through `$__file{…}` (Pushover, Telegram and Discord, which
/// Alertmanager 0.25 refuses, are fine for Grafana). SNS, Webex and WeChat are refused (RenderTests).
enum GrafanaContactPointsCase {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
    config
  }
  .alerting(.grafana(folder: "Contact points"))

  static let secrets = "/etc/grafana/secrets"

  static let config = AlertmanagerConfig("alertmanager.yml") {
    Route(receiver: "email").groupByAll()
    Receiver("email") {
      EmailConfig(to: "ops@example.org").sendResolved()
      EmailConfig(to: "db@example.org")
    }
    Receiver("chat") { SlackConfig(channel: "#alerts", apiURLFile: "\(secrets)/slack") }
    Receiver("pager") { PagerDutyConfig(routingKeyFile: "\(secrets)/pagerduty").severity("warning").description("{{ .CommonAnnotations.summary }}") }
    Receiver("hooks") {
      WebhookConfig(url: "http://alert-router:8080/alerts").basicAuth(username: "grafana", passwordFile: "\(secrets)/router").maxAlerts(20)
      WebhookConfig(url: "https://hooks.example.org/grafana").bearerToken(file: "\(secrets)/hooks-token").sendResolved(false)
    }
    Receiver("opsgenie") {
      OpsGenieConfig(apiKeyFile: "\(secrets)/opsgenie")
        .apiURL("https://api.eu.opsgenie.com/")
        .message("{{ .CommonLabels.alertname }}")
        .description("{{ .CommonAnnotations.summary }}")
        .responders([.team("ops"), .schedule("ops-oncall")])
    }
    Receiver("victorops") {
      VictorOpsConfig(apiKeyFile: "\(secrets)/victorops", routingKey: "ops")
        .messageType("WARNING")
        .entityDisplayName("{{ .CommonLabels.alertname }}")
        .stateMessage("{{ .CommonAnnotations.description }}")
    }
    Receiver("pushover") { PushoverConfig(userKeyFile: "\(secrets)/pushover-user", tokenFile: "\(secrets)/pushover-token").title("{{ .CommonLabels.alertname }}").priority("1") }
    Receiver("telegram") { TelegramConfig(botTokenFile: "\(secrets)/telegram", chatID: -1001234567890).message("{{ .CommonAnnotations.summary }}") }
    Receiver("discord") { DiscordConfig(webhookURLFile: "\(secrets)/discord").title("{{ .CommonLabels.alertname }}") }
  }
}
