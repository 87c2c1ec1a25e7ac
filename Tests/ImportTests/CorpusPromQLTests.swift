import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

/// The corpus as `gen import` brings it in: validation parses every imported expression (rules as
/// Prometheus reads them, dashboards as Grafana does) and finds no PromQL problem, since promtool
/// accepts every one of them.
@Suite struct CorpusPromQLTests {
  static let corpus: URL = {
    let shared = ProcessInfo.processInfo.environment["SHARED_DIR"].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("shared")
    return shared.appendingPathComponent("corpus")
  }()

  func files(_ folder: String) throws -> [URL] {
    let url = Self.corpus.appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map { url.appendingPathComponent($0) }
  }

  /// The diagnostics about PromQL (parse errors and the pint-style checks) of a catalog.
  func promQLDiagnostics(_ catalog: Catalog) -> [String] {
    let markers = ["PromQL parse error", "rate()", "raw counter", "absent()", "$__rate_interval"]
    do {
      _ = try Renderer.render(catalog)
      return []
    } catch {
      return error.diagnostics.map(\.description).filter { text in markers.contains { text.contains($0) } }
    }
  }

  @Test func importedCorpusHasNoPromQLProblems() throws {
    try #require(FileManager.default.fileExists(atPath: Self.corpus.path), "the shared corpus is missing; set SHARED_DIR")
    var problems: [String] = []
    var imported = 0
    for file in try files("dashboards") {
      let dashboard = try DashboardImporter.importDashboard(try String(contentsOf: file, encoding: .utf8), source: file.lastPathComponent).dashboard
      problems += promQLDiagnostics(Catalog { dashboard })
      imported += 1
    }
    for file in try files("rules") {
      let rules = try RuleImporter.importRules(try String(contentsOf: file, encoding: .utf8), source: file.lastPathComponent, fileName: "r.yml").file
      problems += promQLDiagnostics(Catalog { rules })
      imported += 1
    }
    #expect(imported == 11)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func aBrokenImportedQueryIsCaught() throws {
    let file = Self.corpus.appendingPathComponent("dashboards/node-exporter-full.json")
    try #require(FileManager.default.fileExists(atPath: file.path), "the shared corpus is missing; set SHARED_DIR")
    let text = try String(contentsOf: file, encoding: .utf8)
    let range = try #require(text.range(of: #""expr": ""#))
    let broken = text.replacingCharacters(in: range, with: #""expr": "sum by ("#)
    let dashboard = try DashboardImporter.importDashboard(broken, source: "broken.json").dashboard
    let problems = promQLDiagnostics(Catalog { dashboard })
    #expect(problems.count == 1)
    #expect(problems.first?.contains("PromQL parse error at column ") == true, "\(problems)")
  }
}
