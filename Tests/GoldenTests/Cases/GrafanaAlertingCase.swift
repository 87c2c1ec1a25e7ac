import MonitoringDSL

/// Grafana-managed alerting from the definitions a Prometheus environment uses: alerts whose
/// comparison splits into query and threshold (both sides, `>=`, `==`), alerts that fire for every
/// series (`or absent(…)`, raw text), `$value` in descriptions, labels with a `$`; the routing tree
/// with regex matchers, mute and active time intervals; the time intervals; a notification template.
/// The recording rule stays a Prometheus rule.
enum GrafanaAlertingCase {
  static let requests = Metric.Counter("http_requests_total", help: "Requests.", labels: ["code"])
  static let queue = Metric.Gauge("queue_depth", help: "Jobs waiting.")
  static let api: [LabelMatcher] = [.equal("job", "api")]

  static let prometheusCatalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
    PrometheusConfig("prometheus.yml") { ScrapeJob("api", targets: ["api:8080"]) }
      .global(scrapeInterval: "15s", evaluationInterval: "30s")
      .ruleFiles(["rules/*.yml"])
    rules
    routing
  }

  static let catalog = prometheusCatalog.alerting(
    .grafana(
      GrafanaAlerting(folder: "API")
        .templates {
          NotificationTemplate("api.title", #"{{ define "api.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}"#)
        }
        .withoutInhibitRules()))

  static let errorRatio = RecordingRule(
    "job:http_requests:error_ratio5m",
    expr: requests.rate("5m", [.regex("code", "5..")]).sum(by: ["job"]).dividedBy(requests.rate("5m").sum(by: ["job"]))
  )

  static let highErrorRatio = AlertRule("ApiHighErrorRatio", expr: errorRatio.select(api).greaterThan(0.05), for: "5m", severity: .critical)
    .summary("The API fails too many requests.")
    .description(#"{{ $labels.job }} fails {{ printf "%.1f" $value }} of requests ($values are Grafana's)."#)
    .runbook("https://runbooks.example.com/api#errors")
    .labels(["team": "api"])
    .routesTo("pager")

  static let queueBacklog = AlertRule(
    "ApiQueueBacklog", expr: .binary(.number(100), .lessOrEqual, queue.select(api).max(by: ["job"]), returnBool: false, matching: nil),
    for: "10m", severity: .warning
  )
  .summary("The API's queue is backing up.")
  .description("{{ $labels.job }} has {{ $value }} jobs waiting.")
  .labels(["team": "api", "cost_center": "$shared"])
  .routesTo("team-api")

  static let down = AlertRule(
    "ApiDown", expr: up(api).equalTo(0).or(absent(up(api))), for: "1m", severity: .critical
  )
  .summary("The API is down.")
  .description("{{ $labels.instance }} does not answer.")
  .routesTo("pager")

  static let raw = AlertRule("ApiNoTraffic", expr: .raw(#"sum(rate(http_requests_total{job="api"}[5m])) == 0"#), for: "15m", severity: .info)
    .summary("The API serves no requests.")
    .description("{{ $labels.job }} has served no request for 15 minutes.")
    .labels(["team": "api"])
    .grafanaUID("api-no-traffic")
    .routesTo("team-api")

  static let rules = RuleFile("api.rules.yml") {
    RuleGroup("api.recording", interval: "30s") { errorRatio }
    RuleGroup("api.alerts", interval: "1m") {
      highErrorRatio
      queueBacklog
      raw
    }
    RuleGroup("api.availability") { down }
  }

  static let routing = AlertmanagerConfig("alertmanager.yml") {
    Route(receiver: "default") {
      Route(receiver: "pager", matchers: [.equal("severity", "critical")]).muteDuring(["maintenance"])
      Route(receiver: "team-api", matchers: [.regex("team", "api|api-.*$"), .notEqual("severity", "critical")])
        .activeDuring(["business-hours"])
        .groupBy(["alertname", "grafana_folder", "job"])
        .repeatInterval("12h")
    }
    .groupBy(["alertname", "job"])
    .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")

    TimeIntervals("business-hours") {
      TimePeriod(times: [.init("09:00", "17:30")], weekdays: ["monday:friday"]).location("Europe/Berlin")
    }
    TimeIntervals("maintenance") {
      TimePeriod(times: [.init("02:00", "04:00")], daysOfMonth: ["1:7", "-1"], months: ["january:march", "10"], years: ["2026:2028"])
    }

    Receiver("default") { EmailConfig(to: "ops@example.org") }
    Receiver("pager") { PagerDutyConfig(routingKeyFile: "/etc/grafana/secrets/pagerduty").severity("critical") }
    Receiver("team-api") {
      SlackConfig(channel: "#api", apiURLFile: "/etc/grafana/secrets/slack-api")
        .title(#"{{ template "api.title" . }}"#)
        .text("{{ range .Alerts }}{{ .Annotations.summary }} ($ {{ .Labels.cost_center }}){{ end }}")
        .sendResolved()
    }
    InhibitRule.warningMutedWhileCritical()
  }
}
