import Foundation
import GenCLI
import MonitoringDSL
import MonitoringRender
import Testing

/// Two `gen` processes on one output folder: the lock makes the second wait (or fail with a clear
/// message); neither fails with a raw error, and the folder ends exact.
@Suite struct ConcurrentRunTests {
  static var genBinary: URL { DeterminismTests.genBinary }

  /// Starts the starter's `gen` (StarterGen) with `arguments`.
  static func start(_ arguments: [String]) throws -> (process: Process, out: Pipe, err: Pipe) {
    let process = Process()
    process.executableURL = genBinary
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return (process, out, err)
  }

  static func finish(_ started: (process: Process, out: Pipe, err: Pipe)) -> Sandbox.Run {
    let out = started.out.fileHandleForReading.readDataToEndOfFile()
    let err = started.err.fileHandleForReading.readDataToEndOfFile()
    started.process.waitUntilExit()
    return Sandbox.Run(
      status: started.process.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
  }

  /// Each round: 300 stale files both runs want to remove, then two runs started together.
  @Test func twoProcessesOnOneFolderLeaveItExact() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.genBinary.path), "build gen first: \(Self.genBinary.path)")
    let sandbox = try Sandbox()
    let clean = sandbox.root.appendingPathComponent("clean")
    #expect(Self.finish(try Self.start(["--output", clean.path])).status == 0)
    let expected = sandbox.tree(clean)
    for round in 1...3 {
      let folder = sandbox.root.appendingPathComponent("shared")
      #expect(Self.finish(try Self.start(["--output", folder.path])).status == 0)
      var manifest = Manifest(parsing: sandbox.contents(folder.appendingPathComponent(".gen-manifest")) ?? "")
      for index in 0..<300 {
        let path = "dev/grafana/dashboards/retired/\(index).json"
        manifest.entries[path] = "dev/dashboard/retired-\(index)"
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: url)
      }
      try Data(manifest.text.utf8).write(to: folder.appendingPathComponent(".gen-manifest"))
      // Both dirty the same files too.
      try Data("changed\n".utf8).write(to: folder.appendingPathComponent("dev/prometheus/prometheus.yml"))

      let first = try Self.start(["--output", folder.path])
      let second = try Self.start(["--output", folder.path])
      let runs = [Self.finish(first), Self.finish(second)]
      for run in runs {
        let waitedAndFailedClearly = run.status == 1
          && run.err == "error: another gen is writing \(folder.path) (it holds \(folder.path)/.gen-lock); try again when it has finished\n"
        #expect(run.status == 0 || waitedAndFailedClearly, "round \(round): \(run.status) \(run.err)")
      }
      let removals = runs.map { $0.out.components(separatedBy: "removed dev/grafana/dashboards/retired/").count - 1 }
      #expect(removals.reduce(0, +) == 300, "round \(round): each stale file removed exactly once")
      #expect(sandbox.tree(folder) == expected, "round \(round)")
      let check = Self.finish(try Self.start(["check", "--output", folder.path]))
      #expect(check.status == 0, "round \(round): \(check.out)")
      try FileManager.default.removeItem(at: folder)
    }
  }

  /// While another process holds the lock, `gen` waits, then fails with a message naming the lock,
  /// and writes nothing; `gen check` waits for it as well.
  @Test func aHeldLockIsAClearFailure() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let lockPath = sandbox.output.appendingPathComponent(".gen-lock").path
    let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
    try #require(fd >= 0)
    defer { close(fd) }
    try #require(flock(fd, LOCK_EX) == 0)
    let before = sandbox.tree()
    let started = Date()
    let (run, check) = GenTestHooks.$lockTimeout.withValue(0.3) {
      (sandbox.gen([], catalog: SmallCatalog.make(version: 2)), sandbox.gen(["check"], catalog: SmallCatalog.make()))
    }
    #expect(Date().timeIntervalSince(started) >= 0.6)
    let message = "error: another gen is writing \(sandbox.output.path) (it holds \(sandbox.output.path)/.gen-lock); try again when it has finished\n"
    #expect(run.status == 1)
    #expect(run.err == message)
    #expect(check.status == 1)
    #expect(check.err == message)
    #expect(sandbox.tree() == before)

    flock(fd, LOCK_UN)
    let after = sandbox.gen([], catalog: SmallCatalog.make(version: 2))
    #expect(after.status == 0, "\(after.err)")
    #expect(sandbox.tree() == (try sandbox.cleanRender(SmallCatalog.make(version: 2))))
  }
}
