import MonitoringDSL
import MonitoringRender
import Testing

/// `.lintIgnore(rule, because:)`: silences the rule on the item and what it contains; one that
/// silences nothing, or gives no reason, is a finding itself.
@Suite struct LintIgnoreTests {
  typealias F = LintFixture

  static var unitless: Panel {
    var panel = F.requestRate
    panel.field.unit = nil
    return panel
  }

  @Test func silencesOnThePanelTheRowAndTheDashboard() {
    #expect(F.findings(F.dashboard { Self.unitless }).count == 1)
    #expect(F.findings(F.dashboard { Self.unitless.lintIgnore(.panelUnits, because: "counts") }) == [])
    let row = Dashboard("D", uid: "d") { Row("R") { Self.unitless }.lintIgnore(.panelUnits, because: "counts") }
      .datasource(.variable("datasource")).variables { F.variables }
    #expect(F.findings(row) == [])
    let dashboard = F.dashboard { Self.unitless }.lintIgnore(.panelUnits, because: "counts")
    #expect(F.findings(dashboard) == [])
  }

  @Test func silencesOnRulesAndGroups() {
    var noRunbook = F.alert
    noRunbook.runbookURL = nil
    #expect(F.findings(RuleGroup("app") { noRunbook }).count == 1)
    #expect(F.findings(RuleGroup("app") { noRunbook.lintIgnore(.alertRunbook, because: "a test alert") }) == [])
    #expect(F.findings(RuleGroup("app") { noRunbook }.lintIgnore(.alertRunbook, because: "test alerts")) == [])
    let raw = RecordingRule("job:app_requests:sum", expr: F.requests.selector().sum(by: ["job"]))
      .lintIgnore(.recordingCounter, because: "the total since start, for a report")
    #expect(F.findings(RuleGroup("app") { raw }) == [])
  }

  @Test func anIgnoreThatSilencesNothingIsAFinding() {
    let stale = F.requestRate.lintIgnore(.panelUnits, because: "no unit")
    #expect(F.findings(F.dashboard { stale }) == [
      #"dashboard "D" › row "R" › panel "Requests": ignores panel-units-rule, which finds nothing here; remove the ignore [lint-ignore]"#
    ])
    let staleOnAlert = F.alert.lintIgnore(.alertComparison, because: "always fires")
    #expect(F.findings(RuleGroup("app") { staleOnAlert }) == [
      #"rules "app.rules.yml" › group "app" › alert AppRequestsInFlightHigh: ignores alerts/comparison, which finds nothing here; remove the ignore [lint-ignore]"#
    ])
  }

  @Test func anIgnoreNeedsAReason() {
    #expect(F.findings(F.dashboard { Self.unitless.lintIgnore(.panelUnits, because: " ") }) == [
      #"dashboard "D" › row "R" › panel "Requests": the ignore of panel-units-rule gives no reason; say why the rule does not apply here [lint-ignore]"#
    ])
  }

  @Test func environmentsPrefixPathsAndSpecs() throws {
    let environment = StackEnvironment("dev") { _ in F.catalog(F.dashboard { Self.unitless }) }
    let findings = try Linter.lint([environment])
    #expect(findings.map(\.spec) == ["dev/dashboard/d"])
    #expect(findings.map(\.diagnostic.path.first) == [.environment("dev")])
    #expect(findings.map(\.rule) == [.panelUnits])
  }
}
