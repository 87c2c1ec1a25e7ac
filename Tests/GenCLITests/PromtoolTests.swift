import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

/// The generated rule unit tests pin each alert to its `for` boundary: promtool passes them as
/// generated and fails them when the rule's threshold or the scenario's boundary moves.
@Suite struct PromtoolTests {
  static let promtool = "/usr/bin/promtool"

  /// Renders `catalog` into a sandbox and runs `promtool test rules` on every generated test file.
  func promtoolTestRules(_ catalog: Catalog) throws -> (status: Int32, output: String) {
    let sandbox = try Sandbox()
    let files = try Renderer.render(catalog)
    for file in files { try sandbox.write(file.path, file.contents) }
    let tests = files.map(\.path).filter { $0.hasPrefix("prometheus/tests/") }
    try #require(!tests.isEmpty)
    return try Self.testRules(tests.map { sandbox.output.appendingPathComponent($0).path })
  }

  /// `promtool test rules FILES…`: its exit status and what it printed.
  static func testRules(_ files: [String]) throws -> (status: Int32, output: String) { try run(["test", "rules"] + files) }

  /// `promtool ARGUMENTS…`: its exit status and what it printed (stdout and stderr).
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: promtool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  /// Replaces one alert of the starter's rule file.
  func changingAlert(_ name: String, _ change: (inout AlertRule) -> Void) -> Catalog {
    var catalog = Monitoring.dev.defaultCatalog
    for fileIndex in catalog.ruleFiles.indices {
      for groupIndex in catalog.ruleFiles[fileIndex].groups.indices {
        for (ruleIndex, rule) in catalog.ruleFiles[fileIndex].groups[groupIndex].rules.enumerated() {
          if case .alert(var alert) = rule, alert.name == name {
            change(&alert)
            catalog.ruleFiles[fileIndex].groups[groupIndex].rules[ruleIndex] = .alert(alert)
          }
        }
      }
    }
    return catalog
  }

  @Test func generatedTestsPass() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.promtool), "install Debian prometheus (scripts/test does)")
    let (status, output) = try promtoolTestRules(Monitoring.dev.defaultCatalog)
    #expect(status == 0, "\(output)")
  }

  @Test func movingTheThresholdFailsTheTest() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.promtool), "install Debian prometheus (scripts/test does)")
    // One request in ten fails in the scenario: a threshold of 12 % never fires.
    let catalog = changingAlert("HighErrorRate") {
      $0.expr = .binary(.raw(#"sum by (job) (rate(http_requests_total{job="orders",code=~"5.."}[5m])) / sum by (job) (rate(http_requests_total{job="orders"}[5m]))"#), .greater, .number(0.12), returnBool: false, matching: nil)
    }
    let (status, output) = try promtoolTestRules(catalog)
    #expect(status == 1)
    #expect(output.contains("alertname: HighErrorRate, time: 6m"))
  }

  @Test func movingTheBoundaryEitherWayFailsTheTest() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.promtool), "install Debian prometheus (scripts/test does)")
    // The real start is 1m, the first evaluation with two samples in the rate's window.
    for start: PromDuration in ["45s", "1m15s"] {
      let catalog = changingAlert("HighErrorRate") { $0.test?.conditionFrom = start }
      let (status, output) = try promtoolTestRules(catalog)
      #expect(status == 1, "conditionFrom \(start.text)")
      #expect(output.contains("alertname: HighErrorRate"))
    }
  }

  @Test func shorteningForFailsTheTest() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.promtool), "install Debian prometheus (scripts/test does)")
    var catalog = changingAlert("HighRequestLatency") { _ in }
    // The rule fires after 5m instead of 10m while the test still expects 10m.
    let rendered = try Renderer.render(catalog)
    catalog = changingAlert("HighRequestLatency") { $0.duration = "5m" }
    let sandbox = try Sandbox()
    for file in rendered { try sandbox.write(file.path, file.contents) }
    for file in try Renderer.render(catalog) where file.path.hasPrefix("prometheus/rules/") { try sandbox.write(file.path, file.contents) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.promtool)
    let tests = sandbox.output.appendingPathComponent("prometheus/tests/orders.rules_test.yml")
    try #require(FileManager.default.fileExists(atPath: tests.path))
    process.arguments = ["test", "rules", tests.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
  }
}
