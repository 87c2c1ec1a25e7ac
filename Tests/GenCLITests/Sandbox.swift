import Foundation
import GenCLI
import MonitoringDSL
import Synchronization
import Testing

/// A temporary folder with a `gen` run in it; output captured, folder removed afterwards.
final class Sandbox {
  let root: URL
  var output: URL { root.appendingPathComponent("generated") }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("gen-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  struct Run {
    let status: Int32
    let out: String
    let err: String
  }

  /// Runs `gen` in-process on `catalog` as the one environment "dev", with `--output` pointing into
  /// the sandbox unless given.
  func gen(_ arguments: [String], catalog: Catalog, output: String? = nil) -> Run {
    gen(arguments, environments: [StackEnvironment("dev") { _ in catalog }], output: output)
  }

  /// Runs `gen` in-process on `environments`.
  func gen(_ arguments: [String], environments: [StackEnvironment], output: String? = nil) -> Run {
    genExactly(arguments + ["--output", output ?? self.output.path], environments: environments)
  }

  /// Runs `gen` in-process with exactly `arguments` (for commands without an output folder).
  func genExactly(_ arguments: [String], environments: [StackEnvironment] = []) -> Run {
    let out = Mutex("")
    let err = Mutex("")
    let console = Console(out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } })
    let status = Gen.main(environments: environments, arguments: arguments, console: console)
    return Run(status: status, out: out.withLock { $0 }, err: err.withLock { $0 })
  }

  /// Runs git in the sandbox; fails the test when git does.
  func git(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = root
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
  }

  /// Commits everything in the sandbox (a repository already) as `message`.
  func commitAll(_ message: String) throws {
    try git(["add", "."])
    try git(["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", message])
  }

  func read(_ path: String) -> String? {
    FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
  }

  func write(_ path: String, _ text: String) throws {
    let url = output.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Every file under the sandbox (not only the output folder), relative, with its bytes.
  func snapshot() -> [String: String] {
    var files: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let path = enumerator?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) {
        files[path] = String(decoding: data, as: UTF8.self)
      }
    }
    return files
  }

  func modificationDate(_ path: String) -> Date? {
    try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.modificationDate] as? Date
  }
}
