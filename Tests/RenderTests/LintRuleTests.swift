import MonitoringDSL
import MonitoringRender
import Testing

/// Each rule-file rule of `gen lint`: a spec that breaks it (the exact finding) and one that keeps it.
/// The CamelCase name, summary, description, `for` on absent(), rate ranges, raw counters in alerts,
/// `$value` in labels and the group interval are validation errors (RuleTests, ValidationTests).
@Suite struct LintRuleTests {
  typealias F = LintFixture
  static let group = #"rules "app.rules.yml" › group "app""#

  @Test func baselineIsClean() {
    #expect(F.findings(RuleGroup("app", interval: "15s") { F.alert }) == [])
  }

  /// An imported rule file keeps its names and annotations (validation lets them pass); lint names each
  /// convention they break, with mixtool's id, and the same rules written here are errors instead.
  @Test func importedRuleFilesGetTheConventionsAsFindings() {
    var alert = F.alert
    alert.name = "app_inflight_high"
    alert.summary = "{{ $labels.job }} is busy"
    alert.description = "Busy."
    let record = RecordingRule("inflight_sum", expr: F.inflight.select(F.job).sum(by: ["job"]))
    var file = RuleFile("app.rules.yml") { RuleGroup("app") { alert; record } }.imported(from: "app.yml")
    #expect(
      F.findings(Catalog { file }) == [
        "\(Self.group) › alert app_inflight_high: alert name must be CamelCase (like WebSocketTargetDown) [alert-name-camelcase]",
        "\(Self.group) › alert app_inflight_high: summary must be a static sentence; put templates in the description [alert-summary-templating]",
        "\(Self.group) › alert app_inflight_high: description should be templated (e.g. {{ $labels.job }}) to say which series fired [alert-description-templating]",
        "\(Self.group) › record inflight_sum: recording rule names are level:metric:operations (like job:app_messages:rate5m) [record-name-convention]",
      ])
    file.importedFrom = nil
    #expect(diagnostics(Catalog { file }).count == 4)
    alert.summary = ""
    alert.description = ""
    #expect(
      F.findings(Catalog { RuleFile("app.rules.yml") { RuleGroup("app") { alert } }.imported(from: "app.yml") }).filter {
        $0.contains("missing")
      } == [
        "\(Self.group) › alert app_inflight_high: summary is missing [alert-summary-missing-rule]",
        "\(Self.group) › alert app_inflight_high: description is missing [alert-description-missing-rule]",
      ])
    alert.summary = "the app is busy"
    #expect(
      F.findings(Catalog { RuleFile("app.rules.yml") { RuleGroup("app") { alert } }.imported(from: "app.yml") }).contains(
        "\(Self.group) › alert app_inflight_high: summary must start with a capital letter and end with a period [alert-summary-style]"))
  }

  @Test func alertNameLength() {
    let name = String(repeating: "Abcdefghij", count: 5)  // 50 characters, CamelCase
    var long = F.alert
    long.name = name
    #expect(F.findings(RuleGroup("app") { long }) == [
      "\(Self.group) › alert \(name): name is 50 characters long; keep it to 40 [alert-name-length]"
    ])
    long.name = String(name.prefix(40))
    #expect(F.findings(RuleGroup("app") { long }) == [])
  }

  @Test func alertGroupNameLength() {
    let name = String(repeating: "a", count: 41)
    #expect(F.findings(RuleGroup(name) { F.alert }) == [
      #"rules "app.rules.yml" › group "\#(name)": name is 41 characters long; keep it to 40 [alert-group-name-length]"#
    ])
    #expect(F.findings(RuleGroup(String(name.dropLast())) { F.alert }) == [])
  }

  @Test func alertGroupRuleCount() {
    var group = RuleGroup("app") {}
    group.rules = (0...20).map { index in  // mixtool's limit is 20 rules
      var alert = F.alert
      alert.name = "AppRequestsInFlightHigh\(index)x"
      return .alert(alert)
    }
    #expect(F.findings(group) == ["\(Self.group): holds 21 rules; split it into groups of at most 20 [alert-group-rule-count]"])
    group.rules.removeLast()
    #expect(F.findings(group) == [])
  }

  @Test func alertRunbook() {
    var missing = F.alert
    missing.runbookURL = nil
    #expect(F.findings(RuleGroup("app") { missing }) == [
      "\(Self.group) › alert AppRequestsInFlightHigh: has no runbook_url annotation; link what to do with .runbook(…) [alerts/annotation]"
    ])
    #expect(F.findings(RuleGroup("app") { missing.annotation("runbook_url", "https://runbooks.example.com/app") }) == [])
  }

  @Test func alertComparison() {
    var always = F.alert
    always.expr = F.inflight.select(F.job).sum(by: ["job"])
    var halfCondition = F.alert
    halfCondition.expr = F.inflight.select(F.job).greaterThan(100).or(F.inflight.select(F.job))
    #expect(F.findings(RuleGroup("app") { always; halfCondition.labels(["copy": "yes"]) }) == [
      #"\#(Self.group) › alert AppRequestsInFlightHigh: sum by (job) (app_inflight_requests{job="app"}) has no comparison or absent(), so it fires for every series it returns [alerts/comparison]"#,
      #"\#(Self.group) › alert AppRequestsInFlightHigh: app_inflight_requests{job="app"} > 100 or app_inflight_requests{job="app"} has no comparison or absent(), so it fires for every series it returns [alerts/comparison]"#,
    ])
    var missing = F.alert
    missing.expr = absent(up(F.job))
    var either = F.alert
    either.expr = up(F.job).equalTo(0).or(absent(up(F.job)))
    #expect(F.findings(RuleGroup("app") { missing; either }) == [])
  }

  @Test func recordingCounter() {
    let raw = RecordingRule("job:app_requests:sum", expr: F.requests.selector().sum(by: ["job"]))
    #expect(F.findings(RuleGroup("app") { raw }) == [
      "\(Self.group) › record job:app_requests:sum: records the counter app_requests_total as it is; record rate() or increase() of it [promql/counter]"
    ])
    let rate = RecordingRule("job:app_requests:rate5m", expr: F.requests.rate("5m").sum(by: ["job"]))
    #expect(F.findings(RuleGroup("app") { rate }) == [])
  }
}
