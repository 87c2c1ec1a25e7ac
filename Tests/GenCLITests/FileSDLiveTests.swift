import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// File SD against the real Prometheus 2.42 on loopback: the targets file `gen` writes is
/// discovered, and rewriting it at run time through the same typed model changes the targets
/// without a reload. Prometheus runs in the test's own folder on a free port and is stopped by
/// its PID, also when the test fails.
@Suite(.serialized) struct FileSDLiveTests {
  static func targetsFile(port: Int, host: String, generation: String) -> FileSDTargets {
    FileSDTargets("targets/self.json") { TargetGroup(targets: ["\(host):\(port)"], labels: ["generation": generation]) }
  }

  static func discovered(_ base: String) -> [String] {
    LivePrometheus.targets(base, job: "self").map { "\($0.address) \($0.labels["generation"] ?? "")" }
  }

  @Test func targetsFileIsDiscoveredAndItsRewriteIsPickedUp() throws {
    try #require(FileManager.default.isExecutableFile(atPath: LivePrometheus.binary), "install Debian prometheus (scripts/test does)")
    let sandbox = try Sandbox()
    let port = try LivePrometheus.freePort()
    let config = PrometheusConfig("prometheus.yml") {
      ScrapeJob("self").discover { FileSD(refreshInterval: "5s") { Self.targetsFile(port: port, host: "127.0.0.1", generation: "1") } }
    }
    .global(scrapeInterval: "1s", scrapeTimeout: "1s", evaluationInterval: "1s")
    for file in try Renderer.render(Catalog { config }) { try sandbox.write(file.path, file.contents) }
    let folder = sandbox.output.appendingPathComponent("prometheus")

    let started = Date()
    let prometheus = try LiveProcess(
      LivePrometheus.binary,
      LivePrometheus.arguments(
        config: folder.appendingPathComponent("prometheus.yml"), data: sandbox.root.appendingPathComponent("data"), port: port),
      log: sandbox.root.appendingPathComponent("prometheus.log"))
    let base = "http://127.0.0.1:\(port)"

    let discovered = LivePrometheus.wait(seconds: 30) { Self.discovered(base) == ["127.0.0.1:\(port) 1"] }
    try #require(discovered != nil, "the target of targets/self.json was not discovered: \(prometheus.output)")

    // The same typed model, rendered again and written in place: Prometheus watches the file.
    let rewritten = DiscoveryLowering.targetsFile(Self.targetsFile(port: port, host: "localhost", generation: "2"))
    let temporary = folder.appendingPathComponent("targets/.self.json.tmp")
    try rewritten.write(to: temporary, atomically: false, encoding: .utf8)
    try #require(rename(temporary.path, folder.appendingPathComponent("targets/self.json").path) == 0, "rename failed")
    let changed = LivePrometheus.wait(seconds: 30) { Self.discovered(base) == ["localhost:\(port) 2"] }
    #expect(changed != nil, "the rewritten targets file was not picked up: \(prometheus.output)")
    print("file SD live: discovered \(String(format: "%.1f", discovered ?? 0)) s after the start, rewrite picked up after \(String(format: "%.1f", changed ?? 0)) s (total \(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
  }
}
