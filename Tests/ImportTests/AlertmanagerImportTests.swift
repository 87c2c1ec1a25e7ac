import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

@Suite struct AlertmanagerImportTests {
  static let text = """
    global:
      smtp_smarthost: 'mail:25'
      smtp_from: 'am@example.org'
    route:
      receiver: ops
      group_by: [alertname, team]
      routes:
        - matchers: ['severity=critical', team=~"db|cache"]
          receiver: pager
          continue: true
          mute_time_intervals: [nights]
        - match:
            team: web
          receiver: ops
    time_intervals:
      - name: nights
        time_intervals:
          - times: [{start_time: '22:00', end_time: '24:00'}]
    inhibit_rules:
      - source_matchers: [severity="critical"]
        target_matchers: [severity="warning"]
        equal: [alertname]
    receivers:
      - name: ops
        email_configs:
          - to: ops@example.org
            headers:
              Subject: 'Alert'
      - name: pager
        pagerduty_configs:
          - routing_key: 0123456789abcdef
            severity: critical
        opsgenie_configs:
          - api_key: og-key
    """

  func imported() throws -> AlertmanagerImport {
    try AlertmanagerImporter.importConfig(Self.text, source: "am.yml", fileName: "alertmanager.yml")
  }

  @Test func typesTheRoutingTreeReceiversAndInhibitRules() throws {
    let source = AlertmanagerSwiftPrinter.source(try imported(), typeName: "Ops")
    for line in [
      #"      InhibitRule.warningMutedWhileCritical(equal: ["alertname"])"#,
      #"      SMTPSettings(from: "am@example.org", smarthost: "mail:25")"#,
      #"    .imported(from: "am.yml")"#,
      #"    Route(receiver: "ops") {"#,
      #"      Route(receiver: "pager", matchers: [.equal("severity", "critical"), .regex("team", "db|cache")])"#,
      #"        .continue()"#,
      #"    .groupBy(["alertname", "team"])"#,
      #"        EmailConfig(to: "ops@example.org")"#,
      #"        PagerDutyConfig(routingKeyFile: "/etc/alertmanager/secrets/pager-routing-key")"#,
      #"          .severity("critical")"#,
    ] {
      #expect(source.contains(line + "\n"), "missing: \(line)")
    }
  }

  @Test func untypedKeysStayRawWhereTheyBelongAndThePatchIsExact() throws {
    let config = try imported().config
    let route = try #require(config.route)
    #expect(route.routes[0].extraJSON == ["mute_time_intervals": ["nights"]])
    #expect(route.routes[1].extraJSON == ["match": ["team": "web"]])
    #expect(route.extraJSON == nil)
    let ops = try #require(config.receivers.first)
    guard case .email(let email) = ops.integrations.first else { Issue.record("no typed email config"); return }
    #expect(email.extraJSON == ["headers": ["Subject": "Alert"]])
    #expect(config.receivers[1].extraJSON == ["opsgenie_configs": [["api_key_file": "/etc/alertmanager/secrets/pager-api-key"]]])
    #expect(config.extraJSON?["time_intervals"] != nil)
    #expect(try imported().differences == [
      #"receivers[1].opsgenie_configs[0].api_key missing (expected "<redacted>")"#,
      #"receivers[1].opsgenie_configs[0].api_key_file extra ("/etc/alertmanager/secrets/pager-api-key")"#,
      #"receivers[1].pagerduty_configs[0].routing_key missing (expected "<redacted>")"#,
      #"receivers[1].pagerduty_configs[0].routing_key_file extra ("/etc/alertmanager/secrets/pager-routing-key")"#,
    ])
  }

  @Test func plainTextKeysBecomeFilesWithWarningsAndNeverReachTheSwift() throws {
    let imported = try imported()
    let warnings = imported.notes.filter { if case .warning = $0 { true } else { false } }.map(\.description)
    #expect(warnings == [
      "warning: plain-text secret receivers[1].opsgenie_configs[0].api_key replaced by api_key_file: /etc/alertmanager/secrets/pager-api-key; put the secret in that file",
      "warning: plain-text secret receivers[1].pagerduty_configs[0].routing_key replaced by routing_key_file: /etc/alertmanager/secrets/pager-routing-key; put the secret in that file",
    ])
    let source = AlertmanagerSwiftPrinter.source(imported, typeName: "Ops")
    #expect(!source.contains("0123456789abcdef") && !source.contains("og-key"))
  }

  @Test func theImportedConfigRendersWithoutConventionOrRoutingDiagnostics() throws {
    // The root groups without alertname and no alert of the catalog says where it goes: both
    // conventions of configs written here, not of imported ones.
    var config = try imported().config
    config.routes[0].groupBy = ["team"]
    let rules = RuleFile("app.rules.yml") {
      RuleGroup("app") {
        AlertRule("AppDown", expr: .raw("up == 0"), for: "5m", severity: .critical).summary("App is down.")
        .description("{{ $labels.job }} is down.")
      }
    }
    let files = try Renderer.render(Catalog { config; rules })
    #expect(files.contains { $0.path == "alertmanager/alertmanager.yml" })
    #expect(!files.contains { $0.path.hasPrefix("alertmanager/tests/") })
    config.importedFrom = nil
    #expect(throws: ValidationFailure.self) { try Renderer.render(Catalog { config; rules }) }
  }

  @Test func matchersParseInEveryOperatorAndQuoting() {
    #expect(AlertmanagerImporter.matcher(#"job!~"a|b""#) == .notRegex("job", "a|b"))
    #expect(AlertmanagerImporter.matcher("severity = warning") == .equal("severity", "warning"))
    #expect(AlertmanagerImporter.matcher(#"msg!="say \"hi\"""#) == .notEqual("msg", #"say "hi""#))
    #expect(AlertmanagerImporter.matcher("not a matcher") == nil)
  }
}
