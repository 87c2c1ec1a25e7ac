import MonitoringDSL
import MonitoringRender
import Testing

/// The v2 format: the target and formats choose the files, and each member v2 cannot express is a
/// diagnostic with its path (one test per kind of bad input).
@Suite struct DashboardV2Tests {
  @Test func targetAndFormatsChooseTheFiles() throws {
    func paths(_ dashboard: Dashboard) throws -> [String] {
      try Renderer.render(catalog(dashboard)).map(\.path).filter { $0.hasPrefix("grafana/dashboards") }
    }
    let base = Dashboard("Ops", uid: "ops") { Stat("Up") { Query("up") } }.datasource(.prometheus("prom"))
    #expect(try paths(base) == ["grafana/dashboards/ops.json"])
    #expect(try paths(base.target(.grafana13)) == ["grafana/dashboards-v2/ops.json"])
    #expect(try paths(base.target(.grafana13).formats([.v2, .classic])) == ["grafana/dashboards-v2/ops.json", "grafana/dashboards/ops.json"])
    #expect(try paths(base.formats([.v2])) == ["grafana/dashboards-v2/ops.json"])
    #expect(GrafanaTarget.grafana13.formats([]) == .grafana13)
  }

  @Test func grafana13WritesItsVersionsInBothFormats() throws {
    let dashboard = Dashboard("Ops", uid: "ops") { Stat("Up") { Query("up") } }
      .datasource(.prometheus("prom")).target(.grafana13.formats([.classic, .v2]))
    let files = try Renderer.render(catalog(dashboard))
    let classic = try JSONParser.parse(try #require(files.first { $0.path == "grafana/dashboards/ops.json" }).contents)
    let v2 = try JSONParser.parse(try #require(files.first { $0.path == "grafana/dashboards-v2/ops.json" }).contents)
    #expect(classic["schemaVersion"] == 42)
    #expect(v2["apiVersion"] == "dashboard.grafana.app/v2beta1")
    #expect(v2["metadata"] == ["name": "ops"])
    #expect(v2["spec"]?["elements"]?["panel-1"]?["spec"]?["vizConfig"]?["version"] == "13.0.0")
    #expect(v2["spec"]?["layout"]?["kind"] == "GridLayout")
  }

  @Test func adhocFiltersAndKeysReadBack() throws {
    let dashboard = Dashboard("D", uid: "d") {}.target(.grafana13).variables {
      Variable.adhoc("filters", datasource: .prometheus("prom"), filters: [AdHocFilter("job", .equal, "api")], defaultKeys: ["job"])
    }
    let classic = DashboardLowering.json(dashboard, placed: [])
    let (resource, diagnostics) = DashboardV2Lowering.resource(fromClassic: classic, path: [])
    #expect(diagnostics.isEmpty)
    let variable = resource["spec"]?["variables"]?.elements.first
    #expect(variable?["kind"] == "AdhocVariable" && variable?["group"] == "prometheus" && variable?["datasource"] == ["name": "prom"])
    #expect(variable?["spec"]?["filters"] == [["key": "job", "operator": "=", "value": "api"]])
    #expect(variable?["spec"]?["defaultKeys"] == [["text": "job", "value": "job"]])
    #expect(DashboardV2Reading.classic(resource, schemaVersion: 42) == classic)
  }

  @Test func variableDescriptionHasNoPlaceInV2() {
    let problems = diagnostics(catalog(
      Dashboard("D", uid: "d") { Stat("S") { Query("up") } }
        .datasource(.prometheus("prom")).target(.grafana13)
        .variables { Variable.custom("env", ["a", "b"]).description("Where") }))
    #expect(problems == [
      #"dashboard "D" › variable "env": the dashboard schema v2 (dashboard.grafana.app/v2beta1) has no place for a variable's "description"; write this dashboard in the classic format only (.formats([.classic]))"#
    ])
  }

  @Test func panelLinkToDashboardsHasNoPlaceInV2() {
    let problems = diagnostics(catalog(
      Dashboard("D", uid: "d") {
        Row("R") { TimeSeries("P") { Query("up") }.links { Link.dashboards(tags: ["x"]) } }
      }
      .datasource(.prometheus("prom")).formats([.classic, .v2])))
    #expect(problems == [
      #"dashboard "D" › row "R" › panel "P": the dashboard schema v2 (dashboard.grafana.app/v2beta1) has no place for a panel link (v2 panel links are data links: title, url, targetBlank) with "asDropdown", "includeVars", "keepTime", "tags", "type"; write this dashboard in the classic format only (.formats([.classic]))"#
    ])
  }

  @Test func rawPanelKeyHasNoPlaceInV2() {
    let problems = diagnostics(catalog(
      Dashboard("D", uid: "d") { Stat("S") { Query("up") }.extraJSON(["libraryPanel": ["uid": "lib"]]) }
        .datasource(.prometheus("prom")).target(.grafana13)))
    #expect(problems == [
      #"dashboard "D" › panel "S": the dashboard schema v2 (dashboard.grafana.app/v2beta1) has no place for panel key "libraryPanel"; write this dashboard in the classic format only (.formats([.classic]))"#
    ])
  }

  @Test func classicOnlyDashboardIgnoresWhatV2CannotSay() {
    let problems = diagnostics(catalog(
      Dashboard("D", uid: "d") { Stat("S") { Query("up") } }
        .datasource(.prometheus("prom")).variables { Variable.custom("env", ["a"]).description("Where") }))
    #expect(problems == [])
  }
}
