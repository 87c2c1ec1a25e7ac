import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

@testable import MonitoringLive

/// What `gen verify` asks about, where it says it is, and what each item may show.
@Suite struct VerifyItemTests {
  static let messages = Metric.Counter("app_messages_total", help: "Messages.")

  static var catalog: Catalog {
    var catalog = Catalog {}
    catalog.dashboards = [
      Dashboard("Ops", uid: "ops") {
        Row("Traffic") {
          TimeSeries("Messages") {
            Query(messages.rate(.rateInterval, [.regex("job", "$job")]).sum(), legend: "{{job}}")
            Query("up").instant().refID("UP")
            LokiQuery(#"{app="ws"}"#).datasource(.loki("loki"))
          }
          Table("Firing") { Query(#"ALERTS{alertstate="firing"}"#) }.expectedEmpty(because: "only during incidents")
        }
      }
      .variables { Variable.query("job", "label_values(up, job)", datasource: .prometheus("prom")) }
      .annotations { Annotation("Restarts", expr: "changes(process_start_time_seconds[5m]) > 0", datasource: .prometheus("prom"), color: .orange) },
    ]
    catalog.ruleFiles = [
      RuleFile("app.yml") {
        RuleGroup("app") {
          RecordingRule("job:app_messages:rate5m", expr: messages.rate("5m").sum(by: ["job"]))
          AlertRule("AppDown", expr: up([.equal("job", "app")]).equalTo(0), for: "1m", severity: .critical)
        }
      }
    ]
    return catalog
  }

  @Test func everyPrometheusQueryVariableAnnotationAndRuleIsAnItemWithItsPath() {
    let items = VerifyItem.items(of: Self.catalog)
    let paths = items.map { $0.path.map(\.description).joined(separator: " › ") }
    #expect(
      paths == [
        #"dashboard "Ops" › variable "job""#,
        #"dashboard "Ops" › annotation "Restarts""#,
        #"dashboard "Ops" › row "Traffic" › panel "Messages" › query A"#,
        #"dashboard "Ops" › row "Traffic" › panel "Messages" › query UP"#,
        #"dashboard "Ops" › row "Traffic" › panel "Firing" › query A"#,
        #"rules "app.yml" › group "app" › record job:app_messages:rate5m"#,
        #"rules "app.yml" › group "app" › alert AppDown"#,
      ])
    #expect(items.map(\.kind) == [.variable, .annotation, .query, .query, .query, .record, .alert])
    // Range panels are evaluated over the window, instant ones and rules at one instant.
    #expect(items.map(\.isInstant) == [true, false, false, true, false, true, true])
    #expect(items[2].expr == #"sum(rate(app_messages_total{job=~"$job"}[$__rate_interval]))"# && items[2].legend == "{{job}}")
    #expect(items[4].expectedEmpty == "only during incidents")
    #expect(items.map(\.mustHaveResult) == [false, false, true, true, true, true, false])
    #expect(items.map(\.alertName) == [nil, nil, nil, nil, nil, nil, "AppDown"])
  }

  @Test func alertDeliveryIsAnItemOfItsOwnUnderTheAlertmanager() throws {
    let alertmanager = LiveEndpoint(url: try #require(URL(string: "http://127.0.0.1:9093")))
    let item = VerifyItem.delivery(to: alertmanager)
    #expect(item.path.map(\.description) == [#"alertmanager "http://127.0.0.1:9093""#])
    #expect(item.kind == .delivery && !item.mustHaveResult && item.alertName == nil)
  }

  @Test func onlyTheSelectedSpecsAreChecked() {
    let rules = VerifyItem.items(of: Self.catalog) { $0.hasPrefix("rules/") }
    #expect(rules.map(\.kind) == [.record, .alert])
    let dashboard = VerifyItem.items(of: Self.catalog) { $0 == "dashboard/ops" }
    #expect(dashboard.count == 5)
  }

  @Test func theTreeSaysWhichSelectorsAndLabelsTheServerMustHave() throws {
    let tree = try PromQLParser.parse(
      #"sum by (job, le) (rate(x_bucket{a="1"}[5m])) / on (job) group_left (team) label_replace(y, "team", "$1", "owner", "(.*)") > bool 1"#)
    #expect(Check.selectors(in: tree).map(\.text) == [#"x_bucket{a="1"}"#, "y"])
    #expect(Set(Check.labelsUsed(by: tree)) == ["job", "le", "team"])
    #expect(Check.labelsMade(by: tree) == ["team"])
  }

  @Test func variablesAreSubstitutedAsGrafanaSendsThem() {
    let text = #"sum(rate(x{job=~"$job", env="${env}"}[$__rate_interval])) > $threshold"#
    #expect(
      PromQLParser.substituting(text, ["job": "(a|b)", "env": "prod", "__rate_interval": "1m", "threshold": "3"])
        == #"sum(rate(x{job=~"(a|b)", env="prod"}[1m])) > 3"#)
    #expect(PromQLParser.grafanaVariableNames(in: text) == ["job", "env", "__rate_interval", "threshold"])
  }

  @Test func aVariableRegexKeepsItsCaptureAndAValueIsEscapedForARegexMatcher() {
    let values = [#"node_uname_info{nodename="a"}"#, #"node_uname_info{nodename="b"}"#, "other"]
    #expect(DashboardVariables.filtered(values, by: #"/nodename="([^"]+)"/"#) == ["a", "b"])
    #expect(DashboardVariables.filtered(["api", "web", "db"], by: "/^(api|web)$/") == ["api", "web"])
    #expect(DashboardVariables.filtered(["a"], by: nil) == ["a"])
    #expect(DashboardVariables.regexEscaped("10.0.0.1:9100") == #"10\\.0\\.0\\.1:9100"#)
  }

  @Test func theMatrixSaysWhatWasFoundPerItemAndCountsTheFindings() {
    let items = VerifyItem.items(of: Self.catalog)
    let results = [
      VerifyResult(item: items[2], status: .data, detail: "1 series, result 1", series: 1, resultSeries: 1),
      VerifyResult(item: items[4], status: .expectedEmpty, detail: "no series named ALERTS: only during incidents"),
      VerifyResult(item: items[6], status: .empty, detail: "no series named up"),
    ]
    let text = VerifyReport.text(results)
    #expect(text.contains(#"data            dashboard "Ops" › row "Traffic" › panel "Messages" › query A  1 series, result 1"#))
    #expect(text.hasSuffix("3 checked: 1 with data, 1 expected empty, 1 empty\n"))
    #expect(VerifyReport.markdown(results).contains(#"| empty | rules "app.yml" › group "app" › alert AppDown | no series named up |"#))
    let json = VerifyReport.json(results)
    #expect(json.contains(#""findings":1"#) || json.contains(#""findings": 1"#))
    #expect(results.map(\.status.isFinding) == [false, false, true])
  }
}
