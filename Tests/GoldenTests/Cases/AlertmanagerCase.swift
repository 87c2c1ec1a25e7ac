import MonitoringDSL

/// An Alertmanager config using every option the DSL has: SMTP settings, a nested routing tree with
/// `continue`, every integration, inhibit rules and templates. Secrets are file paths only.
enum AlertmanagerCase {
  static let catalog = Catalog { config }

  static let config = AlertmanagerConfig("alertmanager.yml") {
    Route(receiver: "team-web") {
      Route(receiver: "pagerduty", matchers: [.equal("severity", "critical")]).continue().repeatInterval("1h")
      Route(matchers: [.regex("job", "postgres|mysql")]) {
        Route(receiver: "database-oncall", matchers: [.notEqual("env", "staging")]).groupWait("10s")
      }
      .groupBy(["alertname", "job", "instance"])
      Route(receiver: "audit", matchers: [.equal("team", "security"), .notRegex("alertname", "Watchdog|InfoInhibitor")])
        .groupByAll()
        .groupInterval("1m")
    }
    .groupBy(["alertname", "job"])
    .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")

    Receiver("team-web") {
      SlackConfig(channel: "#web-alerts", apiURLFile: "/etc/alertmanager/secrets/slack-web")
        .title("[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}")
        .text("{{ range .Alerts }}{{ .Annotations.summary }}\n{{ end }}")
        .sendResolved()
      EmailConfig(to: "web-team@example.org")
    }
    Receiver("pagerduty") {
      PagerDutyConfig(routingKeyFile: "/etc/alertmanager/secrets/pagerduty")
        .severity("{{ .CommonLabels.severity }}")
        .description("{{ .CommonAnnotations.summary }}")
    }
    Receiver("database-oncall") {
      EmailConfig(to: "dba@example.org")
        .from("db-alerts@example.org")
        .smarthost("smtp.db.internal:25")
        .auth(username: "db-alerts", passwordFile: "/etc/alertmanager/secrets/db-smtp")
        .requireTLS(false)
        .sendResolved()
      WebhookConfig(url: "http://alert-router:8080/alerts").bearerToken(file: "/etc/alertmanager/secrets/router-token").maxAlerts(20)
    }
    Receiver("audit") {
      WebhookConfig(url: "https://audit.internal/hooks/alertmanager")
        .basicAuth(username: "alertmanager", passwordFile: "/etc/alertmanager/secrets/audit")
        .sendResolved(false)
    }
    Receiver("blackhole")

    InhibitRule.warningMutedWhileCritical()
    InhibitRule(source: [.equal("alertname", "NodeDown")], target: [.regex("alertname", ".+"), .notEqual("alertname", "NodeDown")],
                equal: ["instance"])
  }
  .global(resolveTimeout: "5m")
  .smtp(
    SMTPSettings(from: "alertmanager@example.org", smarthost: "smtp.example.org:587")
      .hello("alertmanager.example.org")
      .auth(username: "alertmanager", passwordFile: "/etc/alertmanager/secrets/smtp"))
  .templates(["/etc/alertmanager/templates/*.tmpl"])
}
