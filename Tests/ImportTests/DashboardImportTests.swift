import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

@Suite struct DashboardImportTests {
  /// The "Done when" of the import issue: the seed's original-style export (API envelope, misspelled keys).
  @Test func seedStyleExportGivesClearWarningsAndAnExactImport() throws {
    let imported = try DashboardImporter.importDashboard(Fixtures.text("seed-original-export.json"), source: "seed.json")
    let notes = imported.notes.map(\.description)
    #expect(notes.contains(#"note: took the dashboard out of the {"dashboard": …} envelope of Grafana's API"#))
    #expect(notes.contains(#"warning: unknown dashboard key "refesh" (did you mean "refresh"?): Grafana ignores it; kept as raw JSON"#))
    #expect(
      notes.contains(
        #"warning: panel "Connection Success Rate": unknown key "discription" (did you mean "description"?): Grafana ignores it; kept as raw JSON"#
      ))
    #expect(imported.differences.isEmpty)
    #expect(imported.dashboard.uid == "d323749f-135e-455a-aa74-4915a52ef0b9")
    // The envelope's own keys are not part of the dashboard.
    #expect(imported.expected["overwrite"] == nil && imported.expected["folderId"] == nil)
  }

  @Test func typesWhatTheDSLTypes() throws {
    let imported = try DashboardImporter.importDashboard(Fixtures.text("seed-original-export.json"), source: "seed.json")
    guard case .panel(let gauge) = imported.dashboard.items.first else {
      Issue.record("the first item is not a panel")
      return
    }
    #expect(gauge.kind.typeID == "gauge")
    #expect(gauge.field.unit == .short)
    #expect(gauge.field.thresholds == Thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) })
    #expect(gauge.queries.map(\.expr) == ["app_active_connections"])
    #expect(gauge.queries.first?.legend == "Active Connections")
    #expect(gauge.layout.width == 6 && gauge.layout.height == 8)
  }

  @Test func printsIdiomaticSwift() throws {
    let imported = try DashboardImporter.importDashboard(Fixtures.text("seed-original-export.json"), source: "seed.json")
    let swift = DashboardSwiftPrinter.source(imported, typeName: "SeedDashboard")
    #expect(swift.contains("public enum SeedDashboard {"))
    #expect(swift.contains(#"Dashboard("WebSocket Service Comprehensive Dashboard", uid: "d323749f-135e-455a-aa74-4915a52ef0b9") {"#))
    #expect(swift.contains(#"Gauge("Connection Status") {"#))
    #expect(swift.contains(#"Query(Metrics.appActiveConnections.select(), legend: "Active Connections")"#))
    #expect(swift.contains(#"static let appActiveConnections = Metric.Gauge("app_active_connections", help: "")"#))
    #expect(swift.contains(".thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }"))
    #expect(swift.contains(#".extraJSON(.object(["refesh": .string("30s")]))"#))
    #expect(swift.contains(".target(GrafanaTarget(version: "))  // the schema version it was saved with
    #expect(swift.contains("schemaVersion: 39))"))
    #expect(swift.contains("// warning: unknown dashboard key \"refesh\""))
  }

  /// Whatever the typed part cannot say, the raw part puts back: the lowered value equals the input.
  @Test func rawRemainderMakesTheImportExact() throws {
    let text = """
      {"uid": "x", "title": "X", "schemaVersion": 41, "panels": [
        {"type": "timeseries", "title": "CPU", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "id": 7,
         "datasource": {"type": "prometheus", "uid": "prom"},
         "targets": [{"refId": "A", "expr": "rate(cpu_seconds_total{job=\\"node\\"}[5m])", "intervalFactor": 2}],
         "options": {"legend": {"showLegend": true, "displayMode": "table", "placement": "right", "calcs": ["max"], "sortBy": "Max"}},
         "fieldConfig": {"defaults": {"unit": "percentunit", "custom": {"lineWidth": 2}}, "overrides": [{"matcher": {"id": "byName", "options": "a"}, "properties": []}]}}
      ]}
      """
    let imported = try DashboardImporter.importDashboard(text, source: "x.json")
    #expect(imported.differences.isEmpty)
    let raw = imported.notes.compactMap { note -> String? in
      if case .keptRaw(let item, let paths) = note, item == #"panel "CPU""# { return paths.joined(separator: " ") }
      return nil
    }.joined()
    #expect(!raw.contains("options"))  // the kind's generated model types every option of the schema
    #expect(!raw.contains("fieldConfig.overrides"))
    guard case .panel(let panel) = imported.dashboard.items.first else {
      Issue.record("no panel")
      return
    }
    #expect(panel.overrides == [FieldOverride(.byName("a"))])
    #expect(
      panel.kind[TimeSeriesPanel.self]?.options.legend
        == .init(calcs: ["max"], displayMode: .table, placement: .right, showLegend: true, sortBy: "Max"))
    #expect(panel.kind[TimeSeriesPanel.self]?.fieldConfig.lineWidth == 2)
  }

  /// Value mappings are typed when the DSL writes them back the same; Grafana's grouped value map
  /// (several values in one entry) stays raw rather than being said twice.
  @Test func valueMappingsAreTypedOnlyWhenTheyLowerTheSame() throws {
    func dashboard(_ mappings: String) -> String {
      #"{"uid": "m", "title": "M", "panels": [{"type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}], "fieldConfig": {"defaults": {"mappings": \#(mappings)}}}]}"#
    }
    let separate = #"[{"type": "value", "options": {"0": {"text": "Down", "color": "red", "index": 0}}}, {"type": "value", "options": {"1": {"text": "Up", "color": "green", "index": 1}}}]"#
    let typed = try DashboardImporter.importDashboard(dashboard(separate), source: "m.json")
    guard case .panel(let panel) = typed.dashboard.items.first else {
      Issue.record("no panel")
      return
    }
    #expect(panel.field.mappings == [.value("0", text: "Down", color: .red), .value("1", text: "Up", color: .green)])
    #expect(typed.differences.isEmpty)
    let grouped = #"[{"type": "value", "options": {"0": {"text": "Down", "index": 0}, "1": {"text": "Up", "index": 1}}}]"#
    let raw = try DashboardImporter.importDashboard(dashboard(grouped), source: "m.json")
    guard case .panel(let rawPanel) = raw.dashboard.items.first else {
      Issue.record("no panel")
      return
    }
    #expect(rawPanel.field.mappings.isEmpty)
    #expect(raw.differences.isEmpty)
  }

  /// Grafana's `upgradeToGridLayout`: row heights in pixels to grid units, spans to widths, row panels.
  @Test func legacyRowsBecomeRowPanelsAtGrafanasPositions() throws {
    let text = """
      {"title": "Old", "uid": "old", "schemaVersion": 14, "rows": [
        {"title": "A", "showTitle": true, "height": "250px", "panels": [
          {"id": 1, "type": "graph", "title": "One", "span": 6, "targets": [{"expr": "up", "refId": "A"}],
           "yaxes": [{"format": "bytes"}, {"format": "short"}], "legend": {"show": true, "alignAsTable": true, "rightSide": true, "max": true},
           "seriesOverrides": [{"alias": "x", "color": "red"}]},
          {"id": 2, "type": "singlestat", "title": "Two", "span": 6, "targets": [{"expr": "up", "refId": "A"}],
           "format": "percent", "thresholds": "50,80", "colors": ["green", "orange", "red"]}
        ]},
        {"title": "B", "showTitle": true, "collapse": true, "panels": [
          {"id": 3, "type": "graph", "title": "Three", "span": 12, "height": 100, "targets": [{"expr": "up", "refId": "A"}]}
        ]}
      ]}
      """
    let imported = try DashboardImporter.importDashboard(text, source: "old.json")
    #expect(imported.differences.isEmpty)
    let panels = imported.expected["panels"]?.elements ?? []
    let grid = panels.map { panel in
      "\(panel["title"]?.text ?? "") \(["x", "y", "w", "h"].map { panel["gridPos"]?[$0]?.text ?? "?" }.joined(separator: ","))"
    }
    // 250px / (30 + 8) px per grid unit, rounded up: 7; the collapsed row carries its panel inside.
    #expect(grid == ["A 0,0,24,7", "One 0,1,12,7", "Two 12,1,12,7", "B 0,8,24,7"])
    #expect(panels[3]["panels"]?.elements.first?["gridPos"]?["h"]?.integer == 3)
    #expect(panels[1]["type"] == "timeseries" && panels[2]["type"] == "stat")
    #expect(panels[1]["fieldConfig"]?["defaults"]?["unit"] == "bytes")
    #expect(panels[1]["options"]?["legend"]?["displayMode"] == "table")
    #expect(panels[1]["options"]?["legend"]?["placement"] == "right")
    #expect(panels[2]["fieldConfig"]?["defaults"]?["thresholds"]?["steps"]?.elements.compactMap { $0["color"]?.text } == ["green", "orange", "red"])
    let notes = imported.notes.map(\.description).joined(separator: "\n")
    #expect(notes.contains("graph → timeseries: 2 panels"))
    // Series overrides become override rules, as Grafana's migration makes them; no note calls them dropped.
    #expect(!notes.contains("seriesOverrides"))
    #expect(panels[1]["fieldConfig"]?["overrides"]?.elements.first?["matcher"] == ["id": "byName", "options": "x"])
    #expect(notes.contains("singlestat → stat: 1 panel"))
  }

  @Test func refusesWhatIsNotADashboard() {
    #expect(throws: ImportFailure.self) { try DashboardImporter.importDashboard("[1, 2]", source: "list.json") }
    do {
      _ = try DashboardImporter.importDashboard("{\"title\": ", source: "broken.json")
      Issue.record("a broken file imported")
    } catch {
      #expect(error.description == "broken.json: not JSON: line 1, column 11: unexpected end of text")
    }
  }

  @Test func roundTripNamesWhatDiffers() {
    let differences = RoundTrip.differences(
      expected: #"{"a": {"b": 1, "c": [1, 2]}, "d": "x"}"#, rendered: #"{"a": {"b": 1.0, "c": [1, 3]}, "e": true}"#, yaml: false)
    #expect(differences == ["a.c[1]: expected 2, rendered 3", #"d missing (expected "x")"#, "e extra (true)"])
    #expect(RoundTrip.differences(expected: "a: 1\nb: [x]\n", rendered: "b: [x]\na: 1\n", yaml: true).isEmpty)
  }
}

/// What the DSL writes, the importer types whole: our own dashboards import with no raw JSON at all.
@Suite struct OwnOutputImportTests {
  static let goldens = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GoldenTests/Fixtures")

  @Test(arguments: [
    "all-panel-kinds/grafana/dashboards/all-panel-kinds.json", "rows/grafana/dashboards/rows.json",
    "transformations/grafana/dashboards/transformations.json",
  ])
  func goldenDashboardImportsFullyTyped(_ path: String) throws {
    let text = try String(contentsOf: Self.goldens.appendingPathComponent(path), encoding: .utf8)
    let imported = try DashboardImporter.importDashboard(text, source: path)
    // Every query typed, and nothing else to say.
    #expect(imported.notes.count == 1)
    guard case .typedPromQL(let typed, 0, let total)? = imported.notes.first else {
      Issue.record("expected only the typed-PromQL note: \(imported.notes)")
      return
    }
    #expect(typed == total && total > 0)
    #expect(imported.differences.isEmpty)
  }
}

/// Loki and Tempo targets and the ad-hoc filters and textbox variables import typed, and exactly.
@Suite struct LogsAndTracesImportTests {
  let imported: DashboardImport

  init() throws {
    imported = try DashboardImporter.importDashboard(Fixtures.text("logs-and-traces-export.json"), source: "logs-and-traces.json")
  }

  @Test func importIsExact() {
    #expect(imported.differences.isEmpty)
    let raw = imported.notes.compactMap { note -> String? in
      if case .keptRaw(let item, let paths) = note { return "\(item): \(paths.joined(separator: " "))" }
      return nil
    }
    // The Loki and Tempo targets and the variables are typed, but for the Tempo filter's list value
    // (`["websocket"]`, so the filters are raw) and the search's absent text.
    let lokiAndTempo = raw.filter { $0.contains("› query") && !$0.contains(#""Error rate" › query 2"#) }
    #expect(lokiAndTempo == [#"panel "Traces" › query 2: filters -query"#])
    #expect(!raw.contains { $0.contains("variable") })
  }

  @Test func targetsAndVariablesAreTyped() {
    let panels = imported.dashboard.items.compactMap { item -> Panel? in if case .panel(let panel) = item { panel } else { nil } }
    #expect(
      panels[0].queries[0].language
        == .loki(Query.Loki(queryType: .range, editorMode: .builder, maxLines: 200, direction: .backward)))
    #expect(panels[1].queries.map(\.language) == [.loki(Query.Loki(queryType: .instant, step: "1m")), .prometheus])
    #expect(panels[1].queries[0].legend == "errors")
    #expect(panels[2].queries[0].language == .tempo(Query.Tempo(limit: 20, spansPerSpanSet: 3, tableType: .traces)))
    #expect(panels[2].queries[1].isHidden)
    #expect(
      imported.dashboard.variables.map(\.kind) == [
        .datasource(.loki),
        .adhoc(
          datasource: .variable("logs", type: .loki), filters: [AdHocFilter("level", .notEqual, "debug")],
          baseFilters: [AdHocFilter("env", .equal, "prod")], defaultKeys: ["app"], allowsCustomValues: false),
        .textbox("error"),
      ])
  }

  @Test func printsTypedQueriesAndVariables() {
    let swift = DashboardSwiftPrinter.source(imported, typeName: "LogsAndTraces")
    #expect(swift.contains(##"LokiQuery(#"{app="websocket"} |= `$search`"#, maxLines: 200, direction: .backward, editorMode: .builder)"##))
    #expect(swift.contains(##"LokiQuery(#"sum(rate({app="websocket"} |= "error" [$__auto]))"#, legend: "errors", type: .instant, step: "1m")"##))
    #expect(swift.contains(##"TempoQuery(#"{ resource.service.name = "websocket" }"#, limit: 20, spansPerSpanSet: 3, tableType: .traces)"##))
    #expect(swift.contains(#"Query.Tempo.Filter(id: "min-duration", tag: "duration", operator: ">", value: "500ms", valueType: "duration", scope: .intrinsic)"#))
    #expect(
      swift.contains(
        #"Variable.adhoc("filters", datasource: .variable("logs", type: .loki), filters: [AdHocFilter("level", .notEqual, "debug")], baseFilters: [AdHocFilter("env", .equal, "prod")], defaultKeys: ["app"], allowsCustomValues: false).label("Filters")"#
      ))
    #expect(swift.contains(#"Variable.textbox("search", default: "error")"#))
    #expect(swift.contains(".datasource(.loki(\"loki\"))"))
  }
}
