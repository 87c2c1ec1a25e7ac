import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

@Suite struct GenerateTests {
  @Test func writesEveryFileAndTheManifest() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    for file in try Renderer.render(Monitoring.dev.defaultCatalog) { #expect(sandbox.read("dev/" + file.path) == file.contents, "\(file.path)") }
    #expect(sandbox.read(".gen-manifest")?.contains("dev/grafana/dashboards/websocket-service-comprehensive-dashboard.json") == true)
    let count = try Renderer.render(Monitoring.dev.defaultCatalog).count + 1  // and the manifest
    #expect(run.out.hasSuffix("\(count) written, 0 removed, 0 unchanged in \(sandbox.output.path)\n"))
  }

  @Test func rewritesOnlyFilesWhoseBytesChanged() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen(["generate"], catalog: Monitoring.dev.defaultCatalog)
    let path = "dev/prometheus/simple-prometheus.yml"
    let before = try #require(sandbox.modificationDate(path))
    Thread.sleep(forTimeInterval: 0.05)
    let second = sandbox.gen(["generate"], catalog: Monitoring.dev.defaultCatalog)
    let count = try Renderer.render(Monitoring.dev.defaultCatalog).count + 1
    #expect(second.out == "0 written, 0 removed, \(count) unchanged in \(sandbox.output.path)\n")
    #expect(sandbox.modificationDate(path) == before)
  }

  @Test func removesStaleFilesItOwnsAndLeavesOthers() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    var manifest = Manifest(parsing: sandbox.read(".gen-manifest") ?? "")
    manifest.entries["dev/grafana/dashboards/old/retired.json"] = "dev/dashboard/retired"
    try sandbox.write(".gen-manifest", manifest.text)
    try sandbox.write("dev/grafana/dashboards/old/retired.json", "{}\n")
    try sandbox.write("notes.txt", "mine\n")
    let run = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    #expect(run.out.contains("removed dev/grafana/dashboards/old/retired.json"))
    #expect(sandbox.read("dev/grafana/dashboards/old/retired.json") == nil)
    #expect(!FileManager.default.fileExists(atPath: sandbox.output.appendingPathComponent("dev/grafana/dashboards/old").path))
    #expect(sandbox.read("notes.txt") == "mine\n")
  }

  @Test func invalidSpecsWriteNothingAndReportEveryProblem() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    try sandbox.write("../outside.txt", "untouched\n")
    let before = sandbox.snapshot()
    var broken = Monitoring.dev.defaultCatalog
    broken.dashboards[0].title = ""
    broken.prometheusConfigs[0].jobs.append(ScrapeJob("prometheus", targets: ["nohost"]))
    let run = sandbox.gen([], catalog: broken)
    #expect(run.status == 1)
    #expect(run.out.isEmpty)
    #expect(run.err == """
      error: environment "dev" › dashboard "": title is empty
      error: environment "dev" › prometheus "simple-prometheus.yml" › job "prometheus": job name is used more than once
      error: environment "dev" › prometheus "simple-prometheus.yml" › job "prometheus": target "nohost" has no port (host:port)
      3 problem(s) found; nothing was written.

      """)
    #expect(sandbox.snapshot() == before)
  }

  @Test func onlyFilterWritesOneSpec() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["--only", "dev/prometheus/*"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    #expect(sandbox.read("dev/prometheus/simple-prometheus.yml") != nil)
    #expect(sandbox.read("dev/grafana/provisioning/datasources/datasources.yaml") == nil)
    let none = sandbox.gen(["--only", "nothing"], catalog: Monitoring.dev.defaultCatalog)
    #expect(none.status == 1)
    #expect(none.err.contains("--only nothing matches no spec"))
  }

  @Test func listsSpecsAndPaths() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["list"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    let lines = run.out.split(separator: "\n")
    #expect(lines.count == (try Renderer.render(Monitoring.dev.defaultCatalog).count))
    #expect(lines.contains { $0.hasPrefix("dev/dashboard/websocket-service-comprehensive-dashboard") && $0.hasSuffix("dev/grafana/dashboards/websocket-service-comprehensive-dashboard.json") })
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func unknownArgumentsExitWithUsage() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["--no-such-flag"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 64)
    #expect(run.err.contains("Unknown option '--no-such-flag'"))
  }
}
