import MonitoringDSL

/// The Alertmanager config as an `AlertmanagerConfig` resource (monitoring.coreos.com/v1alpha1)
/// instead of a Secret: a nested routing tree with `continue`, grouping and timings, muted and active
/// time intervals, an inhibit rule, and receivers of every kind whose secret Alertmanager 0.25 reads
/// from a file, each secret as a Secret key reference (email taking the SMTP settings, as the resource
/// has no global section). The alerts carry `namespace="monitoring"`, which the operator's default
/// matcher strategy (OnNamespace) requires, and the routing check runs on the top route with it.
enum KubernetesAlertmanagerConfigCase {
  static let catalog = Catalog {
    rules
    config
    KubernetesDeployment(namespace: "monitoring", release: "kps") {}
      .alertmanagerConfigResource("websocket-routing")
  }

  static let secrets = "/etc/alertmanager/secrets/alertmanager-receivers"
  static let up = Metric.Gauge("up", help: "Whether the target answered.")

  static func alert(_ name: String, severity: Severity, team: String, to receiver: String) -> AlertRule {
    AlertRule(name, expr: up.select([.equal("job", team)]).equalTo(0), for: "5m", severity: severity)
      .labels(["namespace": "monitoring", "team": team])
      .summary("Team \(team) is down.")
      .description("{{ $labels.instance }} of {{ $labels.job }} has not answered for 5 minutes.")
      .routesTo(receiver)
  }

  static let rules = RuleFile("routing.rules.yml") {
    RuleGroup("routing", interval: "30s") {
      alert("WebDown", severity: .critical, team: "web", to: "pager")
      alert("WebSlow", severity: .warning, team: "web", to: "team-web")
      alert("DatabaseDown", severity: .warning, team: "database", to: "database")
      alert("BillingDown", severity: .warning, team: "billing", to: "billing")
      alert("OpsDown", severity: .warning, team: "ops", to: "ops")
    }
  }

  static let config = AlertmanagerConfig("alertmanager.yml") {
    Route(receiver: "default") {
      Route(receiver: "pager", matchers: [.equal("severity", "critical")]).repeatInterval("1h")
      Route(receiver: "team-web", matchers: [.equal("team", "web")]).continue().activeDuring(["business-hours"])
      Route(matchers: [.regex("team", "database|billing")]) {
        Route(receiver: "database", matchers: [.equal("team", "database")]).groupWait("10s")
        Route(receiver: "billing", matchers: [.notEqual("team", "database")]).muteDuring(["maintenance"])
      }
      .groupBy(["alertname", "team"])
      Route(receiver: "ops", matchers: [.equal("team", "ops")]).groupByAll()
    }
    .groupBy(["alertname", "job"])
    .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")

    TimeIntervals("business-hours") { TimePeriod(times: [.init("08:00", "17:30")], weekdays: ["monday:friday"]) }
    TimeIntervals("maintenance") {
      TimePeriod(times: [.init("02:00", "04:00")], daysOfMonth: ["1:7", "-1"], months: ["january:march", "10"], years: ["2026:2028"])
    }

    Receiver("default") { WebhookConfig(url: "http://alert-router.monitoring:8080/alerts") }
    Receiver("pager") {
      PagerDutyConfig(routingKeyFile: "\(secrets)/pagerduty-routing-key").severity("{{ .CommonLabels.severity }}")
      OpsGenieConfig(apiKeyFile: "\(secrets)/opsgenie-api-key").priority("P1").responders([.team("web")])
    }
    Receiver("team-web") {
      SlackConfig(channel: "#web-alerts", apiURLFile: "\(secrets)/slack-webhook-url").title("{{ .CommonLabels.alertname }}").sendResolved()
      EmailConfig(to: "web@example.org")
    }
    Receiver("database") {
      EmailConfig(to: "dba@example.org").smarthost("smtp.db.internal:25").auth(username: "db", passwordFile: "\(secrets)/db-smtp-password")
        .requireTLS(false)
      WebhookConfig(url: "https://audit.internal/hooks").basicAuth(username: "alertmanager", passwordFile: "/etc/alertmanager/secrets/audit/password")
    }
    Receiver("billing") {
      SNSConfig(topicARN: "arn:aws:sns:eu-west-1:123456789012:billing").sigV4(region: "eu-west-1").subject("{{ .CommonLabels.alertname }}")
      WebhookConfig(url: "http://relay.monitoring:8080/billing").bearerToken(file: "\(secrets)/relay-token").maxAlerts(10)
    }
    Receiver("ops") {
      VictorOpsConfig(apiKeyFile: "\(secrets)/victorops-api-key", routingKey: "ops").messageType("WARNING")
      WebexConfig(roomID: "Y2lzY29zcGFyazovL3VzL1JPT00v", credentialsFile: "\(secrets)/webex-token")
    }

    InhibitRule.warningMutedWhileCritical()
  }
  .smtp(
    SMTPSettings(from: "alertmanager@example.org", smarthost: "smtp.example.org:587")
      .hello("alertmanager.example.org")
      .auth(username: "alertmanager", passwordFile: "\(secrets)/smtp-password"))
}
