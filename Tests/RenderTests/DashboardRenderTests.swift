import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct DashboardRenderTests {
  func render(_ dashboard: Dashboard) -> JSONValue {
    DashboardLowering.json(dashboard, placed: GridLayout.place(dashboard).items)
  }

  @Test func dashboardSettingsAndTargetVersion() {
    let json = render(
      Dashboard("Ops", uid: "ops") {}
        .description("d")
        .tags(["a", "b"])
        .time(from: "now-3h", to: "now-5m")
        .refresh("1m")
        .timezone(.utc)
        .editable(false)
        .cursorSync(.sharedTooltip)
        .target(GrafanaTarget(version: "11.6.0", schemaVersion: 40))
        .extraJSON(["weekStart": "monday"]))
    #expect(json["uid"] == "ops")
    #expect(json["title"] == "Ops")
    #expect(json["tags"] == ["a", "b"])
    #expect(json["time"] == ["from": "now-3h", "to": "now-5m"])
    #expect(json["refresh"] == "1m")
    #expect(json["timezone"] == "utc")
    #expect(json["editable"] == false)
    #expect(json["graphTooltip"] == 2)
    #expect(json["schemaVersion"] == 40)
    #expect(json["weekStart"] == "monday")
    #expect(json["id"] == .null)
    #expect(json["annotations", "list", 0, "builtIn"] == 1)
  }

  @Test func defaultTargetIsGrafana12() {
    let json = render(Dashboard("Ops", uid: "ops") {})
    #expect(json["schemaVersion"] == 41)
    #expect(json["refresh"] == "")
  }

  @Test func variablesOfEveryKind() {
    let json = render(
      Dashboard("Ops", uid: "ops") {}.variables {
        Variable.datasource("datasource", type: .prometheus, label: "Datasource")
        Variable.query("job", "label_values(up, job)", datasource: .variable("datasource")).multi(includeAll: true, allValue: ".*")
        Variable.custom("quantile", ["0.5", "0.99"])
        Variable.interval("window", ["1m", "5m"])
        Variable.constant("app", "websocket-app")
      })
    let list = json["templating", "list"]
    #expect(list?[0, "type"] == "datasource")
    #expect(list?[0, "query"] == "prometheus")
    #expect(list?[0, "label"] == "Datasource")
    #expect(list?[1, "query"] == ["query": "label_values(up, job)", "refId": "PrometheusVariableQueryEditor-VariableQuery"])
    #expect(list?[1, "datasource"] == ["type": "prometheus", "uid": "${datasource}"])
    #expect(list?[1, "includeAll"] == true)
    #expect(list?[1, "allValue"] == ".*")
    #expect(list?[2, "query"] == "0.5,0.99")
    #expect(list?[2, "current"] == ["text": "0.5", "value": "0.5"])
    #expect(list?[3, "type"] == "interval")
    #expect(list?[3, "query"] == "1m,5m")
    #expect(list?[4, "hide"] == 2)
    #expect(list?[4, "query"] == "websocket-app")
  }

  /// A saved selection replaces the first option as current, and its option is the selected one; a
  /// custom variable's options are its values trimmed, as Grafana shows them.
  @Test func variableSelectionMarksItsOption() {
    let json = render(
      Dashboard("Ops", uid: "ops") {}.variables {
        Variable.custom("window", ["1m", " 5m"]).current("5m")
        Variable.query("job", "label_values(up, job)", datasource: .variable("datasource"))
          .current(VariableSelection(text: .several(["All"]), value: .several(["$__all"]), selected: true))
      })
    let list = json["templating", "list"]
    #expect(list?[0, "query"] == "1m, 5m")
    #expect(list?[0, "current"] == ["text": "5m", "value": "5m"])
    #expect(
      list?[0, "options"]
        == [["selected": false, "text": "1m", "value": "1m"], ["selected": true, "text": "5m", "value": "5m"]])
    #expect(list?[1, "current"] == ["selected": true, "text": ["All"], "value": ["$__all"]])
  }

  @Test func grafanaTagAnnotationsAndTheBuiltInTarget() {
    let json = render(
      Dashboard("Ops", uid: "ops") {}
        .builtInAnnotation(BuiltInAnnotation(datasource: .grafanaAnnotations, target: .init(limit: 50)))
        .annotations { Annotation.grafanaTags("Deploys", tags: ["deploy"], color: .purple).hidden() })
    #expect(
      json["annotations", "list", 0, "target"] == ["limit": 50, "matchAny": false, "tags": [], "type": "dashboard"])
    #expect(json["annotations", "list", 0, "datasource"] == ["type": "datasource", "uid": "grafana"])
    #expect(
      json["annotations", "list", 1]
        == [
          "datasource": ["type": "datasource", "uid": "grafana"], "enable": true, "hide": true, "iconColor": "purple",
          "name": "Deploys", "target": ["limit": 100, "matchAny": false, "tags": ["deploy"], "type": "tags"],
        ])
  }

  @Test func annotationsAndLinks() {
    let json = render(
      Dashboard("Ops", uid: "ops") {}
        .annotations {
          Annotation("Restarts", expr: "changes(process_start_time_seconds[5m]) > 0", datasource: .prometheus("prom"), color: .orange, tagKeys: ["job", "instance"], step: "1m")
        }
        .links {
          Link.dashboards(tags: ["team"])
          Link.url("Docs", "https://example.com/docs")
        })
    let annotation = json["annotations", "list", 1]
    #expect(annotation?["expr"] == "changes(process_start_time_seconds[5m]) > 0")
    #expect(annotation?["iconColor"] == "orange")
    #expect(annotation?["tagKeys"] == "job,instance")
    #expect(annotation?["step"] == "1m")
    #expect(json["links", 0, "type"] == "dashboards")
    #expect(json["links", 0, "tags"] == ["team"])
    #expect(json["links", 1, "type"] == "link")
    #expect(json["links", 1, "url"] == "https://example.com/docs")
  }

  @Test func slugFollowsGrafana() {
    #expect(Renderer.slug("WebSocket Service Comprehensive Dashboard") == "websocket-service-comprehensive-dashboard")
    #expect(Renderer.slug("  CPU & Memory (p95)  ") == "cpu-memory-p95")
  }
}
