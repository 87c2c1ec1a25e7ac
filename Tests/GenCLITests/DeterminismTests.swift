import Foundation
import MonitoringRender
import StarterSpecs
import Testing

/// Separate processes seed their hashing differently, so dictionary order differs between them:
/// the bytes must not.
@Suite struct DeterminismTests {
  /// The starter's `gen` (target StarterGen), built next to the tests.
  static var genBinary: URL {
    if let path = ProcessInfo.processInfo.environment["STARTER_GEN"] { return URL(fileURLWithPath: path) }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug/StarterGen")
  }

  func runGen(output: URL) throws -> Int32 {
    let process = Process()
    process.executableURL = Self.genBinary
    process.arguments = ["--output", output.path]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test func separateProcessesWriteIdenticalBytes() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.genBinary.path), "build gen first: \(Self.genBinary.path)")
    let sandbox = try Sandbox()
    var snapshots: [[String: String]] = []
    for run in 1...3 {
      let output = sandbox.root.appendingPathComponent("run\(run)")
      #expect(try runGen(output: output) == 0)
      var files: [String: String] = [:]
      let enumerator = FileManager.default.enumerator(atPath: output.path)
      while let path = enumerator?.nextObject() as? String {
        if let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) {
          files[path] = String(decoding: data, as: UTF8.self)
        }
      }
      snapshots.append(files)
    }
    #expect(snapshots[0].count == (try Renderer.render(Monitoring.environments).count) + 1)
    #expect(snapshots[0] == snapshots[1])
    #expect(snapshots[0] == snapshots[2])
    // And equal to what this process renders.
    let rendered = try Renderer.render(Monitoring.environments)
    for file in rendered + [Manifest(files: rendered).file] {
      #expect(snapshots[0][file.path] == file.contents, "\(file.path)")
    }
  }
}
