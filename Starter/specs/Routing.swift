import MonitoringDSL

/// `alertmanager/alertmanager.yml`: critical alerts page, warnings go to the team's channel. The
/// receivers' secrets are files Alertmanager reads (never in this repository).
enum Routing {
  static let secrets = "/etc/alertmanager/secrets"
  static let pager = "\(Service.name)-pager"
  static let team = "\(Service.name)-team"
  static let fallback = "default"

  static var config: AlertmanagerConfig {
    AlertmanagerConfig("alertmanager.yml") {
      route
      Receiver(fallback) { WebhookConfig(url: "http://localhost:9095/alerts") }
      Receiver(pager) { PagerDutyConfig(routingKeyFile: "\(secrets)/pagerduty-routing-key") }
      Receiver(team) {
        SlackConfig(channel: "#\(Service.name)-alerts", apiURLFile: "\(secrets)/slack-webhook-url").sendResolved()
      }
      InhibitRule.warningMutedWhileCritical()
    }
    .global(resolveTimeout: "5m")
  }

  static var route: Route {
    Route(receiver: fallback) {
      Route(receiver: pager, matchers: [.equal("severity", "critical")]).repeatInterval("1h")
      Route(receiver: team, matchers: [.equal("severity", "warning")])
    }
    .groupBy(["alertname", "job"])
    .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")
  }
}
