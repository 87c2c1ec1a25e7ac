import Foundation
import GenCLI
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Synchronization
import Testing

@Suite struct GenerateTests {
  @Test func writesEveryFileAndTheManifest() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    for file in try Renderer.render(Monitoring.dev.defaultCatalog) { #expect(sandbox.read("dev/" + file.path) == file.contents, "\(file.path)") }
    #expect(sandbox.read(".gen-manifest")?.contains("dev/grafana/dashboards/orders-service.json") == true)
    let count = try Renderer.render(Monitoring.dev.defaultCatalog).count + 1  // and the manifest
    #expect(run.out.hasSuffix("\(count) written, 0 removed, 0 unchanged in \(sandbox.output.path)\n"))
  }

  @Test func rewritesOnlyFilesWhoseBytesChanged() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen(["generate"], catalog: Monitoring.dev.defaultCatalog)
    let path = "dev/prometheus/prometheus.yml"
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
      error: environment "dev" › prometheus "prometheus.yml" › job "prometheus": job name is used more than once
      error: environment "dev" › prometheus "prometheus.yml" › job "prometheus": target "nohost" has no port (host:port)
      3 problem(s) found; nothing was written.

      """)
    #expect(sandbox.snapshot() == before)
  }

  @Test func onlyFilterWritesOneSpec() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["--only", "dev/prometheus/*"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    #expect(sandbox.read("dev/prometheus/prometheus.yml") != nil)
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
    #expect(lines.contains { $0.hasPrefix("dev/dashboard/orders-service") && $0.hasSuffix("dev/grafana/dashboards/orders-service.json") })
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func unknownArgumentsExitWithUsage() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["--no-such-flag"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 64)
    #expect(run.err.contains("Unknown option '--no-such-flag'"))
  }
}

/// A mistyped subcommand gets the nearest one, not the usage of `generate`; hints name the
/// command that is running.
@Suite struct CommandLineTests {
  @Test func mistypedSubcommandsSuggestTheNearest() throws {
    let run = try Sandbox().genExactly(["lsit"])
    #expect(run.status == 64)
    #expect(run.err.hasPrefix("error: unknown command 'lsit' (did you mean \"list\"?)\n"))
    let far = try Sandbox().genExactly(["frobnicate"])
    #expect(far.status == 64)
    #expect(far.err.hasPrefix("error: unknown command 'frobnicate'\nCommands: generate, check"))
  }

  @Test func hintsNameTheRunningCommand() throws {
    #expect(Console.invokedCommand("/home/me/orders/.build/debug/monitor") == "swift run monitor")
    #expect(Console.invokedCommand("/usr/local/bin/gen") == "/usr/local/bin/gen")
    let sandbox = try Sandbox()
    _ = sandbox.gen([], catalog: Monitoring.dev.defaultCatalog)
    try sandbox.write("dev/prometheus/prometheus.yml", "changed\n")
    let console = Console(out: { _ in }, err: { text in Self.captured.withLock { $0 += text } }, command: "swift run monitor")
    #expect(Gen.main(environments: [Monitoring.dev], arguments: ["check", "--output", sandbox.output.path], console: console) == 1)
    #expect(Self.captured.withLock { $0 }.contains("Run `swift run monitor`."))
  }

  static let captured = Mutex("")
}
