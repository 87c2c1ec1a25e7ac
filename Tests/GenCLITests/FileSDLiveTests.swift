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
  static let prometheus = "/usr/bin/prometheus"

  /// A port no one listens on now (the kernel's pick for port 0).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    try #require(bound, "no free port")
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The active targets of `job`: each one's `__address__` and `generation` label.
  static func targets(_ base: String, job: String) -> [(address: String, generation: String?)] {
    guard let url = URL(string: "\(base)/api/v1/targets?state=active"), let data = try? Data(contentsOf: url),
      let json = try? YAMLTree.value(parsing: String(decoding: data, as: UTF8.self)),
      case .array(let active)? = json["data"]?["activeTargets"]
    else { return [] }
    return active.compactMap { target in
      guard target["labels"]?["job"] == .string(job), case .string(let address)? = target["discoveredLabels"]?["__address__"] else { return nil }
      if case .string(let generation)? = target["labels"]?["generation"] { return (address, generation) }
      return (address, nil)
    }
  }

  /// Polls until `check` holds or `timeout` seconds pass; the seconds it took, or `nil`.
  static func wait(seconds timeout: Double, _ check: () -> Bool) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < timeout {
      if check() { return Date().timeIntervalSince(start) }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return nil
  }

  static func targetsFile(port: Int, host: String, generation: String) -> FileSDTargets {
    FileSDTargets("targets/self.json") { TargetGroup(targets: ["\(host):\(port)"], labels: ["generation": generation]) }
  }

  @Test func targetsFileIsDiscoveredAndItsRewriteIsPickedUp() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.prometheus), "install Debian prometheus (scripts/test does)")
    let sandbox = try Sandbox()
    let port = try Self.freePort()
    let config = PrometheusConfig("prometheus.yml") {
      ScrapeJob("self").discover { FileSD(refreshInterval: "5s") { Self.targetsFile(port: port, host: "127.0.0.1", generation: "1") } }
    }
    .global(scrapeInterval: "1s", scrapeTimeout: "1s", evaluationInterval: "1s")
    for file in try Renderer.render(Catalog { config }) { try sandbox.write(file.path, file.contents) }
    let folder = sandbox.output.appendingPathComponent("prometheus")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.prometheus)
    process.arguments = [
      "--config.file=\(folder.appendingPathComponent("prometheus.yml").path)",
      "--storage.tsdb.path=\(sandbox.root.appendingPathComponent("data").path)",
      "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn",
    ]
    let log = sandbox.root.appendingPathComponent("prometheus.log")
    try #require(FileManager.default.createFile(atPath: log.path, contents: nil))
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    let started = Date()
    try process.run()
    defer {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
    let base = "http://127.0.0.1:\(port)"
    let logText = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    let discovered = Self.wait(seconds: 30) {
      Self.targets(base, job: "self").map { "\($0.address) \($0.generation ?? "")" } == ["127.0.0.1:\(port) 1"]
    }
    try #require(discovered != nil, "the target of targets/self.json was not discovered: \(logText())")

    // The same typed model, rendered again and written in place: Prometheus watches the file.
    let rewritten = DiscoveryLowering.targetsFile(Self.targetsFile(port: port, host: "localhost", generation: "2"))
    let temporary = folder.appendingPathComponent("targets/.self.json.tmp")
    try rewritten.write(to: temporary, atomically: false, encoding: .utf8)
    try #require(rename(temporary.path, folder.appendingPathComponent("targets/self.json").path) == 0, "rename failed")
    let changed = Self.wait(seconds: 30) {
      Self.targets(base, job: "self").map { "\($0.address) \($0.generation ?? "")" } == ["localhost:\(port) 2"]
    }
    #expect(changed != nil, "the rewritten targets file was not picked up: \(logText())")
    print("file SD live: discovered \(String(format: "%.1f", discovered ?? 0)) s after the start, rewrite picked up after \(String(format: "%.1f", changed ?? 0)) s (total \(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
  }
}
