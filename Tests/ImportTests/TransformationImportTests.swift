import MonitoringDSL
import MonitoringImport
import Testing

@Suite struct TransformationImportTests {
  /// A dashboard of one table panel with `transformations` (a JSON array).
  static func dashboard(_ transformations: String) -> String {
    """
    {"uid": "t", "title": "T", "schemaVersion": 41, "panels": [
      {"type": "table", "title": "Pods", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "id": 1,
       "datasource": {"type": "prometheus", "uid": "prom"},
       "targets": [{"refId": "A", "expr": "up", "datasource": {"type": "prometheus", "uid": "prom"}}],
       "transformations": \(transformations)}
    ]}
    """
  }

  static func panel(_ imported: DashboardImport) -> Panel? {
    guard case .panel(let panel) = imported.dashboard.items.first else { return nil }
    return panel
  }

  @Test func typesGrafanasTransformationsAndPrintsThem() throws {
    let imported = try DashboardImporter.importDashboard(
      Self.dashboard(
        """
        [{"id": "seriesToColumns", "options": {"byField": "pod"}},
         {"id": "organize", "options": {"excludeByName": {"Time": true, "Value": false}, "indexByName": {}, "renameByName": {"pod": "Pod"}}},
         {"id": "calculateField", "disabled": false, "options": {"mode": "binary", "binary": {"left": "a", "operator": "+", "right": "b"}}},
         {"id": "filterByValue", "filter": {"id": "byRefId", "options": "A"},
          "options": {"filters": [{"fieldName": "Value", "config": {"id": "lowerOrEqual", "options": {"value": 5}}}], "type": "include", "match": "all"}},
         {"id": "sortBy", "options": {"fields": {}, "sort": [{"field": "Pod"}]}}]
        """), source: "t.json")
    #expect(!imported.notes.map(\.description).contains { $0.contains("transformation") })
    #expect(imported.differences.isEmpty)
    let panel = try #require(Self.panel(imported))
    #expect(panel.extraJSON?["transformations"] == nil)
    #expect(
      panel.transformations == [
        .other("seriesToColumns", options: ["byField": "pod"]),
        .organize(.init(excludeByName: ["Time": true, "Value": false], indexByName: [:], renameByName: ["pod": "Pod"])),
        .calculateField(.init(mode: .binary, binary: .init(left: .name("a"), operator: .add, right: .name("b")))).disabled(false),
        .filterByValue(.init(filters: [.init(fieldName: "Value", .lowerOrEqual(5))], type: .include, match: .all)).filter(.byRefID("A")),
        .sortBy(.init(fields: [:], sort: [.init(field: "Pod")])),
      ])
    let swift = DashboardSwiftPrinter.source(imported, typeName: "Pods")
    #expect(swift.contains(#"Transformation.other("seriesToColumns", options: .object(["byField": .string("pod")]))"#))
    #expect(swift.contains(#"binary: .init(left: .name("a"), operator: .add, right: .name("b"))"#))
    #expect(swift.contains(").disabled(false)"))
    #expect(swift.contains(#".filter(.byRefID("A"))"#))
    #expect(swift.contains(#"Transformation.sortBy(.init(fields: [:], sort: [.init(field: "Pod")]))"#))
  }

  /// A misspelled option key: a warning with the nearest known key; the key stays as raw JSON on the
  /// transformation, so the import is still exact and the rest stays typed.
  @Test func misspelledOptionKeyIsAWarningWithTheNearestKey() throws {
    let imported = try DashboardImporter.importDashboard(
      Self.dashboard(#"[{"id": "organize", "options": {"excludByName": {"Time": true}, "renameByName": {"a": "b"}}}]"#), source: "t.json")
    let notes = imported.notes.map(\.description)
    #expect(
      notes.contains(
        #"warning: panel "Pods" › transformation 1 "organize": options: unknown key "excludByName" (did you mean "excludeByName"?); kept as raw JSON"#
      ))
    #expect(imported.differences.isEmpty)
    let transformation = try #require(Self.panel(imported)?.transformations.first)
    #expect(transformation.kind == .organize(.init(renameByName: ["a": "b"])))
    #expect(transformation.extraJSON == ["options": ["excludByName": ["Time": true]]])
    let swift = DashboardSwiftPrinter.source(imported, typeName: "Pods")
    #expect(swift.contains(#".extraJSON(.object(["options": .object(["excludByName": .object(["Time": .bool(true)])])]))"#))
  }

  /// An id Grafana does not have: reported, and the whole list kept as raw JSON (the DSL would refuse the id).
  @Test func unknownIDLeavesTheTransformationsRaw() throws {
    let imported = try DashboardImporter.importDashboard(
      Self.dashboard(#"[{"id": "merge", "options": {}}, {"id": "sortby", "options": {}}]"#), source: "t.json")
    #expect(
      imported.notes.map(\.description).contains(
        #"warning: panel "Pods" › transformation 2 "sortby": unknown transformation id (did you mean "sortBy"?); the transformations are kept as raw JSON"#
      ))
    #expect(imported.differences.isEmpty)
    let panel = try #require(Self.panel(imported))
    #expect(panel.transformations.isEmpty)
    #expect(panel.extraJSON?["transformations"]?.elements.count == 2)
  }
}
