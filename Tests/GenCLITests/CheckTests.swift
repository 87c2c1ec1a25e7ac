import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

@Suite struct CheckTests {
  @Test func cleanFolderPasses() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    let run = sandbox.gen(["check"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    #expect(run.out == "\(sandbox.output.path) matches the specs (\(try Renderer.render(Monitoring.dev.defaultCatalog).count) files).\n")
    #expect(sandbox.gen(["--check"], catalog: Monitoring.dev.defaultCatalog).status == 0)
  }

  /// The "Done when" of the generator issue: one changed threshold fails the check with a diff naming the file.
  @Test func changedThresholdInSpecsFailsWithADiffAgainstGenerated() throws {
    var changed = Monitoring.dev.defaultCatalog
    guard case .row(var row) = changed.dashboards[0].items[0] else { Issue.record("first item is not a row"); return }
    row.panels[0] = row.panels[0].thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 40) }
    changed.dashboards[0].items[0] = .row(row)
    let sandbox = try Sandbox()
    let generated = GoldenPaths.generated.path
    let run = sandbox.gen(["check", "--environment", "dev"], catalog: changed, output: generated)
    #expect(run.status == 1)
    let path = "dev/grafana/dashboards/websocket-service-comprehensive-dashboard.json"
    #expect(run.out.hasPrefix("changed: \(path)\n--- a/\(path)\n+++ b/\(path)\n@@ "))
    #expect(run.out.contains("-                \"value\": 50\n+                \"value\": 40\n"))
    #expect(run.err.contains("1 file(s) differ"))
  }

  @Test func reportsChangedMissingStaleAndUnexpectedFiles() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    try sandbox.write("dev/prometheus/simple-prometheus.yml", "global: {}\n")
    try FileManager.default.removeItem(at: sandbox.output.appendingPathComponent("dev/grafana/provisioning/datasources/datasources.yaml"))
    var manifest = Manifest(parsing: sandbox.read(".gen-manifest") ?? "")
    manifest.entries["old.json"] = "dev/dashboard/old"
    try sandbox.write(".gen-manifest", manifest.text)
    try sandbox.write("old.json", "{}\n")
    try sandbox.write("stray.txt", "?\n")
    let before = sandbox.snapshot()
    let run = sandbox.gen(["check"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 1)
    #expect(run.out.contains("changed: dev/prometheus/simple-prometheus.yml\n--- a/dev/prometheus/simple-prometheus.yml"))
    #expect(run.out.contains("-global: {}\n+global:\n"))
    #expect(run.out.contains("missing: dev/grafana/provisioning/datasources/datasources.yaml\n"))
    #expect(run.out.contains("changed: .gen-manifest"))
    #expect(run.out.contains("stale: old.json"))
    #expect(run.out.contains("unexpected: stray.txt"))
    #expect(run.err.contains("5 file(s) differ"))
    #expect(sandbox.snapshot() == before)
  }

  @Test func invalidSpecsFailTheCheckWithDiagnostics() throws {
    let sandbox = try Sandbox()
    var broken = Monitoring.dev.defaultCatalog
    broken.prometheusConfigs[0].scrapeInterval = "15 seconds"
    let run = sandbox.gen(["check"], catalog: broken, output: GoldenPaths.generated.path)
    #expect(run.status == 1)
    #expect(run.out.isEmpty)
    #expect(run.err == """
      error: environment "dev" › prometheus "simple-prometheus.yml": scrape_interval "15 seconds" is not a duration (like 30s, 5m, 1h30m)
      1 problem(s) found; nothing was written.

      """)
  }
}

enum GoldenPaths {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let generated = packageRoot.appendingPathComponent("generated")
}
