import MonitoringDSL
import MonitoringImport
import Testing

/// What an import types instead of keeping raw: fixed ids, the query editor's members, data links,
/// Grafana's load-time defaults (named in a note) and the graph panel's migration as Grafana does it.
@Suite struct ImportFidelityTests {
  private func imported(_ panels: String, variables: String = "[]") throws -> DashboardImport {
    try DashboardImporter.importDashboard(
      #"{"uid": "f", "title": "F", "schemaVersion": 41, "templating": {"list": \#(variables)}, "panels": \#(panels)}"#,
      source: "f.json")
  }

  private func swift(_ imported: DashboardImport) -> String {
    DashboardSwiftPrinter.source(imported, typeName: "F")
  }

  private func firstPanel(_ imported: DashboardImport) -> Panel? {
    guard case .panel(let panel)? = imported.dashboard.items.first else { return nil }
    return panel
  }

  @Test func editorMembersAStoredQueryLeavesOutAreTypedNotRemoved() throws {
    let result = try imported(
      #"[{"type": "timeseries", "title": "Old", "id": 1, "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "datasource": {"type": "prometheus", "uid": "p"}, "targets": [{"expr": "up", "format": "time_series", "intervalFactor": 2, "step": 240, "exemplar": false}]}]"#
    )
    #expect(result.differences.isEmpty)
    let query = try #require(firstPanel(result)?.queries.first)
    #expect(query.omittedMembers == [.datasource, .editorMode, .instant, .range, .legendFormat, .refId])
    #expect(query.format == .timeSeries && query.legacyStep == 240 && query.intervalFactor == 2 && query.exemplars == false)
    let source = swift(result)
    #expect(source.contains(#"Query(up()).format(.timeSeries).exemplars(false).legacyStep(240).intervalFactor(2).omitting(.datasource, .editorMode, .instant, .range, .legendFormat, .refId)"#))
    #expect(!source.contains(#"["editorMode"]"#) && !source.contains(#"["refId"]"#) && !source.contains(#""step""#))
  }

  @Test func panelIDsArePinnedOnlyWhereTheLayoutWouldNotGiveThem() throws {
    let sequential = try imported(
      #"[{"type": "stat", "title": "A", "id": 1, "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}, {"type": "stat", "title": "B", "id": 2, "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}]"#
    )
    #expect(!swift(sequential).contains(".id("))
    let pinned = try imported(
      #"[{"type": "stat", "title": "A", "id": 20, "pluginVersion": "10.4.1", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}, {"type": "stat", "title": "B", "id": 21, "pluginVersion": "11.0.0", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}, {"type": "stat", "title": "C", "id": 22, "pluginVersion": "11.0.0", "gridPos": {"x": 12, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}]"#
    )
    #expect(pinned.differences.isEmpty)
    #expect(swift(pinned).contains(".id(20)"))
    // The most common plugin version is the dashboard's; the panel saved with another one says so.
    #expect(swift(pinned).contains(#".target(GrafanaTarget(version: "11.0.0", schemaVersion: 41))"#))
    #expect(swift(pinned).contains(#".pluginVersion("10.4.1")"#) && !swift(pinned).contains(#".pluginVersion("11.0.0")"#))
    #expect(!swift(pinned).contains(".extraJSON("))
  }

  /// A query's min step may be a dashboard variable, or empty as Grafana's editor saves a blank field.
  @Test func queryIntervalsMayBeVariablesOrEmpty() throws {
    let result = try imported(
      #"[{"type": "timeseries", "title": "CPU", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "up", "interval": "$resolution"}, {"refId": "B", "expr": "up", "interval": ""}]}]"#
    )
    #expect(result.differences.isEmpty)
    #expect(firstPanel(result)?.queries.map { $0.interval?.text } == ["$resolution", ""])
    #expect(!swift(result).contains(#""interval""#))
  }

  /// Grafana's own tagged annotations and the built-in entry as Grafana 9+ saves it are typed.
  @Test func grafanaAnnotationsAreTyped() throws {
    let text = #"""
      {"uid": "a", "title": "A", "schemaVersion": 41, "panels": [], "annotations": {"list": [
        {"builtIn": 1, "datasource": {"type": "datasource", "uid": "grafana"}, "enable": true, "hide": true,
         "iconColor": "rgba(0, 211, 255, 1)", "name": "Annotations & Alerts", "type": "dashboard",
         "target": {"limit": 100, "matchAny": false, "tags": [], "type": "dashboard"}},
        {"datasource": {"type": "datasource", "uid": "grafana"}, "enable": true, "hide": false, "iconColor": "red",
         "name": "oncall", "target": {"limit": 100, "matchAny": true, "tags": ["oncall", "page"], "type": "tags"}}]}}
      """#
    let result = try DashboardImporter.importDashboard(text, source: "a.json")
    #expect(result.differences.isEmpty)
    #expect(result.dashboard.builtInAnnotation == BuiltInAnnotation(datasource: .grafanaAnnotations, target: .init()))
    #expect(result.dashboard.annotations == [Annotation.grafanaTags("oncall", tags: ["oncall", "page"], matchAny: true, color: .red)])
    let source = swift(result)
    #expect(source.contains(".builtInAnnotation(BuiltInAnnotation(datasource: .grafanaAnnotations, target: .init()))"))
    #expect(source.contains(#"Annotation.grafanaTags("oncall", tags: ["oncall", "page"], matchAny: true, color: .red)"#))
    #expect(!source.contains(#""annotations""#))
  }

  @Test func panelTimeOverridesAreTyped() throws {
    let result = try imported(
      #"[{"type": "stat", "title": "Today", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}], "timeFrom": "now/d", "timeShift": "1d", "hideTimeOverride": true, "cacheTimeout": "60"}]"#
    )
    #expect(result.differences.isEmpty)
    let panel = try #require(firstPanel(result))
    #expect(panel.relativeTime == "now/d" && panel.timeShift == "1d" && panel.hidesTimeOverride == true && panel.cacheTimeout == "60")
    let source = swift(result)
    #expect(source.contains(#".relativeTime("now/d")"#) && source.contains(#".timeShift("1d")"#))
    #expect(source.contains(".hideTimeOverride()") && source.contains(#".cacheTimeout("60")"#))
    #expect(!source.contains(#""timeFrom""#))
  }

  /// A variable's saved selection is typed; a custom variable's options are trimmed as Grafana shows them.
  @Test func variableSelectionsAreTyped() throws {
    let result = try imported(
      "[]",
      variables: #"""
        [{"type": "custom", "name": "resolution", "query": "1s, 15s, 30s", "label": "",
          "current": {"text": "30s", "value": "30s"},
          "options": [{"selected": false, "text": "1s", "value": "1s"}, {"selected": false, "text": "15s", "value": "15s"}, {"selected": true, "text": "30s", "value": "30s"}]},
         {"type": "query", "name": "instance", "query": "label_values(up, instance)", "datasource": {"type": "prometheus", "uid": "p"},
          "multi": true, "includeAll": true, "current": {"selected": true, "text": ["All"], "value": ["$__all"]}}]
        """#)
    #expect(result.differences.isEmpty)
    let variables = result.dashboard.variables
    #expect(variables.first?.current == VariableSelection("30s"))
    #expect(variables.first?.label == "")
    #expect(variables.last?.current == VariableSelection(text: .several(["All"]), value: .several(["$__all"]), selected: true))
    let source = swift(result)
    #expect(source.contains(#".current("30s")"#))
    #expect(source.contains(#".current(VariableSelection(text: .several(["All"]), value: .several(["$__all"]), selected: true))"#))
    #expect(!source.contains(#""current""#) && !source.contains(#""options""#))
  }

  /// A panel list the typed layout cannot match stays raw whole, with no typed rows beside it that
  /// it would override: one or the other.
  @Test func aRawPanelListHasNoTypedPanelsBesideIt() throws {
    let result = try imported(
      #"[{"type": "row", "title": "Open", "collapsed": false, "id": 1, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": [{"type": "stat", "title": "Inside", "gridPos": {"x": 0, "y": 1, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}]}]}]"#
    )
    #expect(result.differences.isEmpty)
    #expect(result.dashboard.items.isEmpty)
    #expect(result.notes.map(\.description).contains { $0.contains("the panel list could not be matched") })
    #expect(!swift(result).contains("Row(") && !swift(result).contains("Stat("))
  }

  @Test func dataLinksAreTyped() throws {
    let result = try imported(
      #"[{"type": "table", "title": "Pods", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "up"}], "fieldConfig": {"defaults": {"links": [{"title": "Pod", "url": "/d/pod?var-pod=${__field.labels.pod}", "targetBlank": true}]}, "overrides": []}}]"#
    )
    #expect(result.differences.isEmpty)
    #expect(firstPanel(result)?.field.links == [DataLink("Pod", url: "/d/pod?var-pod=${__field.labels.pod}", newTab: true)])
    #expect(swift(result).contains(#"DataLink("Pod", url: "/d/pod?var-pod=${__field.labels.pod}", newTab: true)"#))
  }

  /// Members Grafana gives a dashboard on load are written by the spec, named in a note, never raw.
  @Test func loadTimeDefaultsAreNamedAndNotRemovedAgain() throws {
    let result = try imported(
      #"[{"type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}], "fieldConfig": {"defaults": {"thresholds": {"steps": [{"color": "green", "value": 0}, {"color": "red", "value": 1}]}, "mappings": [{"type": "value", "options": {"0": {"text": "Down"}}}]}}}]"#,
      variables: #"[{"type": "custom", "name": "env", "query": "a,b", "options": [], "hide": 0}]"#)
    #expect(result.differences.isEmpty)
    let names = result.notes.compactMap { note -> [String]? in
      if case .defaulted(let names) = note { return names }
      return nil
    }.first ?? []
    #expect(names.contains("thresholds.mode absolute (schema: required)"))
    #expect(names.contains("thresholds base step value null (schema: the first step is always -Infinity)"))
    #expect(names.contains("mapping result index (schema: its position)"))
    #expect(names.contains("fieldConfig.defaults.color (plugin)"))
    #expect(names.contains("fieldConfig.overrides (schema: required, [])"))
    #expect(names.contains("variable.multi (schema)"))
    let panel = try #require(firstPanel(result))
    #expect(panel.field.thresholds == Thresholds { Step(.green); Step(.red, from: 1) })
    #expect(panel.field.mappings == [.value("0", text: "Down")])
    let source = swift(result)
    #expect(!source.contains(#"["multi"]"#) && !source.contains(#""thresholds""#) && !source.contains(#""mappings""#))
  }

  /// Grafana's `flotToGraphOptions`: graph thresholds become steps and a threshold style, alias
  /// colours and series overrides become override rules.
  @Test func graphPanelsKeepThresholdsAndOverridesAsGrafanasMigrationDoes() throws {
    let result = try imported(
      #"[{"type": "graph", "title": "Load", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "node_load1"}], "thresholds": [{"value": 90, "op": "gt", "colorMode": "critical", "fill": true, "line": true}, {"value": 70, "op": "gt", "colorMode": "warning", "line": true}], "aliasColors": {"load": "dark-red"}, "seriesOverrides": [{"alias": "/idle/", "fill": 0, "linewidth": 2, "yaxis": 2}], "dashes": true}]"#
    )
    let panel = try #require(firstPanel(result))
    #expect(panel.kind.typeID == "timeseries")
    #expect(panel.field.thresholds == Thresholds { Step(.transparent); Step(.orange, from: 70); Step(.red, from: 90) })
    let series = try #require(panel.kind[TimeSeriesPanel.self])
    #expect(series.fieldConfig.thresholdsStyle == .init(mode: .lineArea))
    #expect(series.fieldConfig.lineStyle == .init(dash: [10, 10], fill: .dash))
    #expect(
      panel.overrides == [
        FieldOverride(.byName("load"), properties: [.color(.fixed(Color(rawValue: "dark-red")))]),
        FieldOverride(.byRegex("/idle/"), properties: [.custom("custom.fillOpacity", .double(0)), .custom("custom.lineWidth", 2)]),
      ])
    let dropped = result.notes.map(\.description).filter { $0.contains("graph → timeseries") }.joined()
    #expect(!dropped.contains("thresholds") && !dropped.contains("aliasColors") && !dropped.contains("seriesOverrides"))
  }

  /// Grafana's `statPanelChangedHandler`: a singlestat's background colouring and value name carry over.
  @Test func singlestatColouringCarriesOverToStat() throws {
    let result = try imported(
      #"[{"type": "singlestat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"refId": "A", "expr": "up"}], "colorBackground": true, "valueName": "name", "sparkline": {"show": true}}]"#
    )
    let stat = try #require(firstPanel(result)?.kind[StatPanel.self])
    #expect(stat.options.colorMode == .background && stat.options.textMode == .name && stat.options.graphMode == .area)
    #expect(!result.notes.map(\.description).joined().contains("colorBackground"))
  }

  /// A misspelled option key, at any depth of a kind's options, gets the nearest known key.
  @Test func misspelledOptionKeysGetTheNearestKnownKey() throws {
    let result = try imported(
      #"[{"type": "timeseries", "title": "CPU", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "up"}], "fieldConfig": {"defaults": {"custom": {"hideFrom": {"vis": false, "legend": false, "tooltip": false}}}, "overrides": []}}]"#
    )
    let warnings = result.notes.map(\.description).filter { $0.hasPrefix("warning:") }.joined(separator: "\n")
    #expect(warnings.contains(#""vis""#) && warnings.contains(#"did you mean "viz"?"#))
    #expect(result.differences.isEmpty)
  }
}
