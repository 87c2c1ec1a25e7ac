import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

/// Every golden and starter dashboard, whatever its formats, lowered to v2 and checked by
/// `scripts/validate-dashboard-v2` against Grafana's v2 schema and the panel and query schemas,
/// strictly: every panel kind and transformation the DSL types comes out valid. Skipped (with a
/// note) when the schemas (`../shared/schemas`) or Python's `jsonschema` are not there.
@Suite struct DashboardV2SchemaTests {
  @Test func everyDashboardIsValidV2() throws {
    let root = GoldenFiles.packageRoot
    let shared = ProcessInfo.processInfo.environment["SHARED_DIR"].map { URL(fileURLWithPath: $0) }
      ?? root.deletingLastPathComponent().appendingPathComponent("shared")
    // The project's oracle venv when scripts/test made it, else the python3 on PATH.
    let venv = root.appendingPathComponent(".oracle/bin/python").path
    let python = FileManager.default.isExecutableFile(atPath: venv) ? [venv] : ["/usr/bin/env", "python3"]
    guard FileManager.default.fileExists(atPath: shared.appendingPathComponent("schemas/grafana").path) else {
      print("DashboardV2SchemaTests: skipped, no ../shared/schemas")
      return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("v2-schema-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for golden in GoldenTests.everyCatalog {
      for dashboard in golden.catalog.dashboards {
        let (resource, diagnostics) = DashboardV2Lowering.json(dashboard, placed: GridLayout.place(dashboard).items)
        #expect(diagnostics.isEmpty, "\(golden.name): \(diagnostics)")
        let file = folder.appendingPathComponent("\(golden.name)-\(Renderer.slug(dashboard.title)).json")
        try JSONWriter.write(resource).write(to: file, atomically: true, encoding: .utf8)
        paths.append(file.path)
      }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python[0])
    process.arguments = python.dropFirst() + [root.appendingPathComponent("scripts/validate-dashboard-v2").path, "--schemas", shared.appendingPathComponent("schemas/grafana").path] + paths
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if text.contains("No module named") {
      print("DashboardV2SchemaTests: skipped, \(python.joined(separator: " ")) has no jsonschema")
      return
    }
    #expect(process.terminationStatus == 0, "\(text)")
  }
}
