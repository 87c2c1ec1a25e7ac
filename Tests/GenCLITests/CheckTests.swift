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
    #expect(run.out == "\(sandbox.output.path) matches the specs (\(try Renderer.render(Monitoring.dev.defaultCatalog).count + 1) files).\n")
    #expect(sandbox.gen(["--check"], catalog: Monitoring.dev.defaultCatalog).status == 0)
    // One count everywhere: what `gen` found unchanged is what `gen check` compared.
    let again = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    #expect(again.out == "0 written, 0 removed, \(try Renderer.render(Monitoring.dev.defaultCatalog).count + 1) unchanged in \(sandbox.output.path)\n")
  }

  /// The "Done when" of the generator issue: one changed threshold fails the check with a diff naming the file.
  @Test func changedThresholdInSpecsFailsWithADiffAgainstGenerated() throws {
    var changed = Monitoring.dev.defaultCatalog
    guard case .row(var row) = changed.dashboards[0].items[0] else { Issue.record("first item is not a row"); return }
    row.panels[1] = row.panels[1].thresholds { Step(.green); Step(.red, from: 0.1) }
    changed.dashboards[0].items[0] = .row(row)
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    let run = sandbox.gen(["check", "--environment", "dev"], catalog: changed)
    #expect(run.status == 1)
    let path = "dev/grafana/dashboards/orders-service.json"
    #expect(run.out.hasPrefix("changed: \(path)\n--- a/\(path)\n+++ b/\(path)\n@@ "))
    #expect(run.out.contains("-                \"value\": 0.05\n+                \"value\": 0.1\n"))
    #expect(run.err.contains("1 file(s) differ"))
  }

  @Test func reportsChangedMissingStaleAndUnexpectedFiles() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    try sandbox.write("dev/prometheus/prometheus.yml", "global: {}\n")
    try FileManager.default.removeItem(at: sandbox.output.appendingPathComponent("dev/grafana/provisioning/datasources/datasources.yaml"))
    var manifest = Manifest(parsing: sandbox.read(".gen-manifest") ?? "")
    manifest.entries["old.json"] = "dev/dashboard/old"
    try sandbox.write(".gen-manifest", manifest.text)
    try sandbox.write("old.json", "{}\n")
    try sandbox.write("stray.txt", "?\n")
    let before = sandbox.snapshot()
    let run = sandbox.gen(["check"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 1)
    #expect(run.out.contains("changed: dev/prometheus/prometheus.yml\n--- a/dev/prometheus/prometheus.yml"))
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
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    let run = sandbox.gen(["check"], catalog: broken)
    #expect(run.status == 1)
    #expect(run.out.isEmpty)
    #expect(run.err == """
      error: environment "dev" › prometheus "prometheus.yml": scrape_interval "15 seconds" is not a duration (like 30s, 5m, 1h30m)
      1 problem(s) found; nothing was written.

      """)
  }
}
