import MonitoringDSL

/// Alertmanager 0.25's time intervals on routes (muted and active) and every receiver kind beyond the
/// first four whose secrets 0.25 reads from files: OpsGenie, VictorOps, SNS (ambient AWS credentials)
/// and Webex. Pushover, Telegram, WeChat and Discord have no file form of their secret in 0.25, so
/// validation refuses them and they cannot appear here (see `AlertmanagerTests`).
enum AlertmanagerIntervalsCase {
  static let catalog = Catalog { config }

  static let config = AlertmanagerConfig("alertmanager.yml") {
    Route(receiver: "default") {
      Route(receiver: "opsgenie", matchers: [.equal("severity", "critical")]).muteDuring(["maintenance"]).continue()
      Route(receiver: "victorops", matchers: [.equal("team", "ops")]).activeDuring(["business-hours"])
      Route(receiver: "sns", matchers: [.equal("team", "billing")]).muteDuring(["out-of-hours", "maintenance"])
      Route(receiver: "webex", matchers: [.regex("team", "web|api")]).activeDuring(["business-hours"]).muteDuring(["holidays"])
    }
    .groupBy(["alertname", "job"])

    TimeIntervals("business-hours") {
      TimePeriod(times: [.init("09:00", "17:30")], weekdays: ["monday:friday"]).location("Europe/Berlin")
    }
    TimeIntervals("out-of-hours") {
      TimePeriod(weekdays: ["saturday", "sunday"])
      TimePeriod(times: [.init("00:00", "08:00"), .init("18:00", "24:00")], weekdays: ["monday:friday"])
        .location("America/New_York")
    }
    TimeIntervals("maintenance") {
      TimePeriod(times: [.init("02:00", "04:00")], daysOfMonth: ["1:7", "-1"], months: ["january:march", "10"], years: ["2026:2028"])
    }
    TimeIntervals("holidays") {
      TimePeriod(daysOfMonth: ["24:26", "31"], months: ["december"]).location("UTC")
      TimePeriod(daysOfMonth: ["1"], months: ["1"])
    }

    Receiver("default") { WebhookConfig(url: "http://alert-router:8080/alerts") }
    Receiver("opsgenie") {
      OpsGenieConfig(apiKeyFile: "/etc/alertmanager/secrets/opsgenie")
        .apiURL("https://api.eu.opsgenie.com/")
        .message("{{ .CommonLabels.alertname }}")
        .description("{{ .CommonAnnotations.summary }}")
        .priority("P1")
        .responders([.team("ops"), .schedule("ops-oncall")])
        .tags("{{ .CommonLabels.team }},alertmanager")
    }
    Receiver("victorops") {
      VictorOpsConfig(apiKeyFile: "/etc/alertmanager/secrets/victorops", routingKey: "ops")
        .messageType("WARNING")
        .entityDisplayName("{{ .CommonLabels.alertname }}")
        .stateMessage("{{ .CommonAnnotations.description }}")
    }
    Receiver("sns") {
      SNSConfig(topicARN: "arn:aws:sns:eu-west-1:123456789012:alerts")
        .sigV4(region: "eu-west-1", roleARN: "arn:aws:iam::123456789012:role/alertmanager")
        .subject("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}")
        .message("{{ .CommonAnnotations.summary }}")
        .sendResolved(false)
    }
    Receiver("webex") {
      WebexConfig(roomID: "Y2lzY29zcGFyazovL3VzL1JPT00vYWxlcnRz", credentialsFile: "/etc/alertmanager/secrets/webex")
        .message("{{ .CommonAnnotations.summary }}")
    }
  }
}
