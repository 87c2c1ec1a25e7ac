import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

/// `gen import` reads v2 resources: the classic and the v2 rendering of one dashboard import to the
/// same printed spec.
@Suite struct DashboardV2ImportTests {
  static let goldens = Fixtures.folder.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("GoldenTests/Fixtures")

  static func text(_ path: String) throws -> String {
    try String(contentsOf: goldens.appendingPathComponent(path), encoding: .utf8)
  }

  static func printed(_ text: String) throws -> (swift: String, notes: [String], exact: Bool) {
    let imported = try DashboardImporter.importDashboard(text, source: "d.json")
    // The header lists the notes; the one saying the file was v2 is the only line that may differ.
    let swift = DashboardSwiftPrinter.source(imported, typeName: "Imported").split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("// note: read the dashboard schema v2 resource") }.joined(separator: "\n")
    return (swift, imported.notes.map(\.description), imported.differences.isEmpty)
  }

  @Test func classicAndV2GoldenImportToTheSameSpec() throws {
    let classic = try Self.printed(Self.text("schema-v2/grafana/dashboards/schema-v2.json"))
    let v2 = try Self.printed(Self.text("schema-v2/grafana/dashboards-v2/schema-v2.json"))
    #expect(classic.exact && v2.exact)
    #expect(v2.swift == classic.swift)
    #expect(v2.notes.contains { $0.contains("read the dashboard schema v2 resource (dashboard.grafana.app/v2beta1) as its classic model") })
    #expect(!classic.swift.contains(".extraJSON(") && !classic.swift.contains(".removingJSON("))
  }

  /// Every golden classic dashboard, lowered to v2 here, imports to the spec its classic file does.
  @Test func everyGoldenDashboardImportsTheSameFromV2() throws {
    let files = try FileManager.default.subpathsOfDirectory(atPath: Self.goldens.path)
      .filter { $0.contains("grafana/dashboards/") && $0.hasSuffix(".json") }.sorted()
    #expect(files.count > 5)
    for file in files {
      // v2 carries no schema version and reads as Grafana 13's: compare with the classic file at it.
      let model = try JSONParser.parse(Self.text(file)).merging(["schemaVersion": 42])
      let (resource, diagnostics) = DashboardV2Lowering.resource(fromClassic: model, path: [])
      #expect(diagnostics.isEmpty, "\(file)")
      let classic = try Self.printed(JSONWriter.write(model)).swift
      let v2 = try Self.printed(JSONWriter.write(resource)).swift
      #expect(v2 == classic, "\(file)")
    }
  }
}
