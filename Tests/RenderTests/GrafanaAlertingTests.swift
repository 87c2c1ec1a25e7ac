import MonitoringDSL
import MonitoringRender
import Testing

/// Grafana-managed alerting: the expression translation, the interpolation escapes, and one test per
/// kind of bad input. The golden cases `grafana-alerting` and `grafana-contact-points` hold the valid
/// renderings that scripts/check-grafana-alerting accepts.
@Suite struct GrafanaAlertingTests {
  static let queue = Metric.Gauge("queue_depth", help: "Jobs waiting.")
  static let rulesFile = #"file "grafana/provisioning/alerting/alert-rules.yaml""#
  static let pointsFile = #"file "grafana/provisioning/alerting/contact-points.yaml""#
  static let policiesFile = #"file "grafana/provisioning/alerting/policies.yaml""#

  static func alert(_ name: String = "QueueBacklog", receiver: String = "pager") -> AlertRule {
    AlertRule(name, expr: queue.select([.equal("job", "api")]).greaterThan(100), for: "5m", severity: .critical)
      .summary("The queue is backing up.")
      .description("{{ $labels.job }} has {{ $value }} jobs waiting.")
      .routesTo(receiver)
  }

  static func catalog(
    _ rules: [AlertRule] = [alert()], interval: PromDuration = "1m", @IntegrationBuilder pager: () -> [Integration] = {
      [.pagerDuty(PagerDutyConfig(routingKeyFile: "/etc/grafana/secrets/pagerduty"))]
    }, configure: (inout AlertmanagerConfig) -> Void = { _ in }, grafana: GrafanaAlerting = GrafanaAlerting(folder: "Ops")
  ) -> Catalog {
    var config = AlertmanagerConfig("alertmanager.yml") {
      Route(receiver: "default") { Route(receiver: "pager", matchers: [.equal("severity", "critical")]) }.groupBy(["alertname"])
      Receiver("default") { EmailConfig(to: "ops@example.org") }
      Receiver("pager", pager)
    }
    configure(&config)
    let file = RuleFile("ops.rules.yml") { RuleGroup("ops", interval: interval) { rules.map(Rule.alert) } }
    return Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
      file
      config
    }
    .alerting(.grafana(grafana))
  }

  // MARK: - The translation

  @Test func comparisonWithANumberSplitsIntoQueryAndThreshold() {
    let depth = Self.queue.select([])
    #expect(GrafanaAlertCondition(depth.greaterThan(5)) == .threshold(query: depth, evaluator: "gt", value: 5))
    #expect(GrafanaAlertCondition(depth.equalTo(0)) == .threshold(query: depth, evaluator: "eq", value: 0))
    let flipped = PromQL.binary(.number(0.5), .less, depth, returnBool: false, matching: nil)
    #expect(GrafanaAlertCondition(flipped) == .threshold(query: depth, evaluator: "gt", value: 0.5))
    let atMost = PromQL.binary(.number(3), .greaterOrEqual, depth, returnBool: false, matching: nil)
    #expect(GrafanaAlertCondition(atMost) == .threshold(query: depth, evaluator: "lte", value: 3))
  }

  @Test func otherExpressionsFireForEverySeries() {
    let depth = Self.queue.select([])
    for expr in [
      depth.equalTo(0).or(absent(depth)), absent(depth), PromQL.raw("queue_depth > 5"),
      .binary(depth, .greater, .number(5), returnBool: true, matching: nil), .binary(depth, .greater, depth, returnBool: false, matching: nil),
    ] {
      #expect(GrafanaAlertCondition(expr) == .everySeries(query: expr), "\(expr)")
    }
  }

  @Test func dollarSignsAreEscapedWhereGrafanaInterpolatesAndValueIsTheQuerysValue() throws {
    let alert = Self.alert().labels(["cost": "$team"])
    let files = try Renderer.render(Self.catalog([alert]))
    let rules = try #require(files.first { $0.path == "grafana/provisioning/alerting/alert-rules.yaml" }?.contents)
    #expect(rules.contains("cost: $$team"))
    #expect(rules.contains("description: '{{ $labels.job }} has {{ $values.A.Value }} jobs waiting.'"))
    #expect(rules.contains("expr: queue_depth{job=\"api\"}"))
    #expect(!files.contains { $0.path.hasPrefix("alertmanager/") })
  }

  // MARK: - Bad input

  @Test func uidTooLongOrWithInvalidCharacters() {
    let long = Self.alert("QueueBacklogOnTheVeryLongNamedServiceApi")
    let dotted = Self.alert("Other").grafanaUID("ops.queue")
    #expect(diagnostics(Self.catalog([long, dotted])) == [
      #"\#(Self.rulesFile) › group "ops" › alert QueueBacklogOnTheVeryLongNamedServiceApi: uid "QueueBacklogOnTheVeryLongNamedServiceApi-critical" must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'; give the rule one with .grafanaUID(…)"#,
      #"\#(Self.rulesFile) › group "ops" › alert Other: uid "ops.queue" must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'; give the rule one with .grafanaUID(…)"#,
    ])
  }

  @Test func duplicateUID() {
    let other = Self.alert("Other").grafanaUID("QueueBacklog-critical")
    #expect(diagnostics(Self.catalog([Self.alert(), other])) == [
      #"\#(Self.rulesFile) › group "ops" › alert Other: uid "QueueBacklog-critical" is used by another rule; give one of them its own with .grafanaUID(…)"#
    ])
  }

  @Test func intervalNotAMultipleOfTenSeconds() {
    #expect(diagnostics(Self.catalog(interval: "15s")) == [
      #"\#(Self.rulesFile) › group "ops": interval 15s is not a multiple of Grafana's base evaluation interval, 10s; give Grafana one with .evaluationInterval(…)"#
    ])
  }

  @Test func evaluationIntervalOverridesTheGroupsInGrafanaOnly() throws {
    let files = try Renderer.render(Self.catalog(interval: "15s", grafana: GrafanaAlerting(folder: "Ops").evaluationInterval("30s")))
    let rules = try #require(files.first { $0.path == "grafana/provisioning/alerting/alert-rules.yaml" }?.contents)
    #expect(rules.contains("interval: 30s"))
    #expect(!rules.contains("interval: 15s"))
  }

  @Test func receiverTypesGrafanaCannotTake() {
    let catalog = Self.catalog {
      SNSConfig(topicARN: "arn:aws:sns:eu-west-1:123456789012:alerts")
      WebexConfig(roomID: "room", credentialsFile: "/etc/grafana/secrets/webex")
      WeChatConfig(apiSecretFile: "/etc/grafana/secrets/wechat", corpID: "ww1", toUser: "@all")
    }
    #expect(diagnostics(catalog) == [
      #"\#(Self.pointsFile) › receiver "pager" › pager-sns: Grafana's alerting schema has no sns contact point type; route these alerts to another receiver in Grafana"#,
      #"\#(Self.pointsFile) › receiver "pager" › pager-webex: Grafana's alerting schema has no webex contact point type; route these alerts to another receiver in Grafana"#,
      #"\#(Self.pointsFile) › receiver "pager" › pager-wechat: Grafana has no WeChat contact point (its wecom type is another API)"#,
    ])
  }

  @Test func secretNotExpressibleAsAFileReference() {
    let catalog = Self.catalog {
      PagerDutyConfig(routingKeyFile: "/etc/grafana/secrets/{pager}")
      SlackConfig(channel: "#ops", apiURLFile: "$HOME/slack")
    }
    #expect(diagnostics(catalog) == [
      #"\#(Self.pointsFile) › receiver "pager" › pager-pagerduty: routing_key_file "/etc/grafana/secrets/{pager}" cannot be read through $__file{…} (blank, or with '}' or '$'); the DSL writes no secret"#,
      #"\#(Self.pointsFile) › receiver "pager" › pager-slack: api_url_file "$HOME/slack" cannot be read through $__file{…} (blank, or with '}' or '$'); the DSL writes no secret"#,
    ])
  }

  @Test func settingsGrafanaHasNoPlaceFor() {
    let catalog = Self.catalog {
      EmailConfig(to: "db@example.org").smarthost("smtp:587")
      OpsGenieConfig(apiKeyFile: "/etc/grafana/secrets/opsgenie").priority("P1")
      PushoverConfig(userKeyFile: "/etc/grafana/secrets/user", tokenFile: "/etc/grafana/secrets/token").priority("{{ .CommonLabels.priority }}")
    }
    #expect(diagnostics(catalog) == [
      #"\#(Self.pointsFile) › receiver "pager" › pager-email: smarthost: Grafana sends email through the [smtp] settings of grafana.ini, not per contact point"#,
      #"\#(Self.pointsFile) › receiver "pager" › pager-opsgenie: priority: Grafana takes OpsGenie's priority from the alert's og_priority label (overridePriority); set that label instead"#,
      #"\#(Self.pointsFile) › receiver "pager" › pager-pushover: priority "{{ .CommonLabels.priority }}": Grafana takes a number from -2 to 2, not a template"#,
    ])
  }

  @Test func receiverNameTooLongForItsUIDs() {
    let name = "pager-for-the-payments-team-on-weekends"
    let catalog = Self.catalog([Self.alert(receiver: name)]) { [] } configure: {
      $0.receivers.append(Receiver(name) { PagerDutyConfig(routingKeyFile: "/etc/grafana/secrets/pagerduty") })
      $0.routes[0].routes[0].receiver = name
    }
    #expect(diagnostics(catalog) == [
      #"\#(Self.pointsFile) › receiver "pager": has no integration; a Grafana contact point needs at least one"#,
      #"\#(Self.pointsFile) › receiver "\#(name)" › \#(name)-pagerduty: uid "\#(name)-pagerduty" (receiver-type) must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'; shorten the receiver's name"#,
    ])
  }

  @Test func whatGrafanasProvisioningHasNoPlaceFor() {
    let catalog = Self.catalog {
      PagerDutyConfig(routingKeyFile: "/etc/grafana/secrets/pagerduty")
    } configure: {
      $0.templates = ["/etc/alertmanager/templates/*.tmpl"]
      $0.inhibitRules = [.warningMutedWhileCritical()]
      $0.routes[0].routes[0] = $0.routes[0].routes[0].extraJSON(["match_re": ["team": "ops"]])
    }
    #expect(diagnostics(catalog) == [
      #"alertmanager "alertmanager.yml": templates: Grafana reads no template files; give their text as NotificationTemplate(…) in .templates { … }"#,
      #"alertmanager "alertmanager.yml": inhibit_rules: Grafana's provisioning has no inhibition; leave them out knowingly with .withoutInhibitRules()"#,
      #"\#(Self.policiesFile) › route root › route {severity="critical"}: raw JSON is in Alertmanager's keys; Grafana's notification policy cannot take it"#,
    ])
  }

  @Test func routingCheckUsesTheLabelsGrafanaGivesTheAlert() {
    // The folder is a label of every Grafana alert: a route on grafana_folder takes it.
    let catalog = Self.catalog([Self.alert(receiver: "folder")]) {
      PagerDutyConfig(routingKeyFile: "/etc/grafana/secrets/pagerduty")
    } configure: {
      $0.receivers.append(Receiver("folder") { EmailConfig(to: "ops@example.org") })
      $0.routes[0].routes.append(Route(receiver: "folder", matchers: [.equal("grafana_folder", "Ops")]))
    }
    #expect(diagnostics(catalog) == [#"\#(Self.policiesFile) › alert QueueBacklog: reaches "pager", not "folder""#])
    var reordered = catalog
    reordered.alertmanagerConfigs[0].routes[0].routes.reverse()
    #expect(diagnostics(reordered) == [])
  }

  @Test func noPrometheusDatasourceOrAnUnknownOne() {
    var none = Self.catalog()
    none.datasources = []
    #expect(diagnostics(none) == [#"\#(Self.rulesFile): no Prometheus datasource for the rules to query: provision one"#])
    let unknown = Self.catalog(grafana: GrafanaAlerting(folder: "Ops", datasourceUID: "mimir"))
    #expect(diagnostics(unknown) == [#"\#(Self.rulesFile): datasource uid "mimir" is not a provisioned Prometheus datasource"#])
  }

  @Test func annotationWithABracedVariable() {
    let alert = Self.alert().annotation("dashboard", "${GRAFANA_URL}/d/ops")
    #expect(diagnostics(Self.catalog([alert])) == [
      #"\#(Self.rulesFile) › group "ops" › alert QueueBacklog: annotation dashboard: newer Grafanas expand "${…}" in annotations as an environment variable, older ones keep it as text; write it without"#
    ])
  }

  @Test func duplicateGroupNamesInTheFolder() {
    var catalog = Self.catalog()
    catalog.ruleFiles.append(RuleFile("more.rules.yml") { RuleGroup("ops", interval: "1m") { Self.alert("Other") } })
    #expect(diagnostics(catalog) == [
      #"\#(Self.rulesFile) › group "ops": another rule group of folder "Ops" has this name; Grafana keeps one group per name in a folder"#
    ])
  }
}
