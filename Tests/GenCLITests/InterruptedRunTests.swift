import Foundation
import GenCLI
import MonitoringDSL
import MonitoringRender
import Synchronization
import Testing

/// A run killed at any moment leaves a folder the next run repairs with no manual step, and a
/// file-system error before the renames leaves the folder as it was.
@Suite struct InterruptedRunTests {
  /// Before: a retired dashboard and a rule file (its folder goes too). After: changed bytes, a
  /// changed metric catalogue and a provider file in a new folder.
  static let before = SmallCatalog.make(extraDashboard: "Retired", ruleFiles: ["old.yml"])
  static let after = SmallCatalog.make(version: 2, ruleFiles: [], withRequests: true, provider: true)

  struct InjectedFault: Error, CustomStringConvertible {
    var step: WriteStep
    var description: String { "injected fault after \(step)" }
  }

  /// Runs `gen` on `catalog` with `hook` after every write step; returns the run and the steps seen.
  static func gen(_ sandbox: Sandbox, _ catalog: Catalog, output: URL? = nil, hook: @escaping @Sendable (Int, WriteStep) throws -> Void)
    -> (run: Sandbox.Run, steps: [WriteStep])
  {
    let steps = Mutex<[WriteStep]>([])
    let run = GenTestHooks.$afterStep.withValue({ step in
      let index = steps.withLock { steps in
        steps.append(step)
        return steps.count - 1
      }
      try hook(index, step)
    }) {
      sandbox.gen([], catalog: catalog, output: output?.path)
    }
    return (run, steps.withLock { $0 })
  }

  static func kind(_ step: WriteStep) -> String {
    switch step {
    case .locked: "locked"
    case .removedLeftover: "removed leftover"
    case .createdFolder: "created folder"
    case .createdTemporary: "created temporary"
    case .staged: "staged"
    case .wroteUnionManifest: "wrote union"
    case .renamed: "renamed"
    case .removedStale: "removed stale"
    case .removedFolder: "removed folder"
    case .wroteManifest: "wrote manifest"
    }
  }

  /// The folder as a kill after each step leaves it (disk state is all a kill leaves), then the next
  /// run on it, with the new specs and with the old ones: each ends equal to a clean render, and
  /// `gen check` passes.
  @Test func killAfterEveryStepIsRepairedByTheNextRun() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Self.before).status == 0)
    let killed = sandbox.root.appendingPathComponent("killed")
    let output = sandbox.output
    let (run, steps) = Self.gen(sandbox, Self.after) { index, _ in
      try FileManager.default.copyItem(at: output, to: killed.appendingPathComponent("\(index)"))
    }
    #expect(run.status == 0, "\(run.err)")
    // Every kind of step happened, so every kind of kill point is covered.
    let kinds = Set(steps.map(Self.kind))
    #expect(kinds.isSuperset(of: [
      "locked", "created folder", "created temporary", "staged", "wrote union", "renamed", "removed stale", "removed folder",
      "wrote manifest",
    ]), "\(steps)")
    #expect(steps.count >= 15)
    let clean = (after: try sandbox.cleanRender(Self.after), before: try sandbox.cleanRender(Self.before))
    #expect(sandbox.tree() == clean.after)
    for (index, step) in steps.enumerated() {
      for (catalog, expected, name) in [(Self.after, clean.after, "after"), (Self.before, clean.before, "before")] {
        let copy = sandbox.root.appendingPathComponent("repair-\(name)-\(index)")
        try FileManager.default.copyItem(at: killed.appendingPathComponent("\(index)"), to: copy)
        let repair = sandbox.gen([], catalog: catalog, output: copy.path)
        #expect(repair.status == 0, "killed after \(step), repaired with the \(name) specs: \(repair.err)")
        #expect(sandbox.tree(copy) == expected, "killed after \(step), repaired with the \(name) specs")
        let check = sandbox.gen(["check"], catalog: catalog, output: copy.path)
        #expect(check.status == 0, "killed after \(step), checked with the \(name) specs: \(check.out)")
        #expect(!check.out.contains("leftover"))
      }
    }
  }

  /// A kill leaves the temporary files and the lock file: `gen check` still passes (and names the
  /// leftovers) when the real files are right.
  @Test func checkAfterAKillDuringStagingNamesTheLeftovers() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Self.before).status == 0)
    let killed = sandbox.root.appendingPathComponent("killed")
    let output = sandbox.output
    _ = Self.gen(sandbox, Self.after) { _, step in
      if case .staged = step, !FileManager.default.fileExists(atPath: killed.path) {
        try FileManager.default.copyItem(at: output, to: killed)
      }
    }
    let names = try FileManager.default.subpathsOfDirectory(atPath: killed.path)
    let temporary = try #require(names.first { $0.hasSuffix(".tmp") })
    #expect(names.contains(".gen-lock"))
    let check = sandbox.gen(["check"], catalog: Self.before, output: killed.path)
    #expect(check.status == 0, "\(check.out)")
    #expect(check.out.contains("leftover: \(temporary) (a temporary file of an interrupted gen run; `swift run gen` removes it)\n"))
  }

  /// Temporary files of killed runs, with gen's name and with the name earlier versions used, are
  /// removed by the next run; `gen check` does not fail on them. Look-alikes not beside a file gen
  /// owns are the user's.
  @Test func leftoverTemporaryFilesAreRemovedByTheNextRun() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Self.after).status == 0)
    let clean = sandbox.tree()
    try sandbox.write("dev/catalogue/.metrics.json.4242.tmp", "{\"metr")  // the reviewer's leftover
    try sandbox.write("dev/prometheus/.gen-4242-3.tmp", "glob")
    try sandbox.write(".gen-4242-9.tmp", "# Files written")

    let check = sandbox.gen(["check"], catalog: Self.after)
    #expect(check.status == 0, "\(check.out)")
    #expect(check.out.contains("leftover: dev/catalogue/.metrics.json.4242.tmp ("))
    #expect(check.out.contains("leftover: dev/prometheus/.gen-4242-3.tmp ("))
    #expect(check.out.contains("leftover: .gen-4242-9.tmp ("))

    let run = sandbox.gen([], catalog: Self.after)
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.contains("removed dev/catalogue/.metrics.json.4242.tmp (left by an interrupted run)\n"))
    #expect(run.out.hasSuffix("0 written, 3 removed, \(clean.count) unchanged in \(sandbox.output.path)\n"))
    #expect(sandbox.tree() == clean)
    #expect(sandbox.gen(["check"], catalog: Self.after).out == "\(sandbox.output.path) matches the specs (\(clean.count) files).\n")
  }

  @Test func lookalikesOfTemporaryFilesAreLeftAlone() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Self.after).status == 0)
    try sandbox.write("dev/.notes.4242.tmp", "mine\n")  // no dev/notes of gen's
    try sandbox.write("dev/prometheus/.gen-x-1.tmp", "mine\n")
    let run = sandbox.gen([], catalog: Self.after)
    #expect(run.status == 0)
    #expect(sandbox.read("dev/.notes.4242.tmp") == "mine\n")
    #expect(sandbox.read("dev/prometheus/.gen-x-1.tmp") == "mine\n")
    let check = sandbox.gen(["check"], catalog: Self.after)
    #expect(check.status == 1)
    #expect(check.out.contains("unexpected: dev/.notes.4242.tmp"))
  }

  /// A file-system error at any step before the renames (simulated by the seam): a diagnostic with
  /// the path, exit 1, and the folder exactly as it was, temporary files and new folders removed.
  /// At a later step: a diagnostic, and the next run finishes the job.
  @Test func failureAtEveryStepIsADiagnosticAndLeavesARepairableFolder() throws {
    let template = try Sandbox()
    #expect(template.gen([], catalog: Self.before).status == 0)
    let steps = Self.gen(template, Self.after) { _, _ in }.steps
    let firstRename = try #require(steps.firstIndex(of: .wroteUnionManifest))
    let clean = try template.cleanRender(Self.after)
    for (index, step) in steps.enumerated() {
      let sandbox = try Sandbox()
      #expect(sandbox.gen([], catalog: Self.before).status == 0)
      let before = sandbox.tree()
      let run = Self.gen(sandbox, Self.after) { at, step in
        if at == index { throw InjectedFault(step: step) }
      }.run
      #expect(run.status == 1, "failed after \(step)")
      #expect(run.err.hasPrefix("error: injected fault after \(step); "), "\(run.err)")
      if index < firstRename {
        #expect(run.err.hasSuffix("\(sandbox.output.path) was left as it was\n"), "\(run.err)")
        #expect(sandbox.tree() == before, "failed after \(step)")
      } else {
        #expect(run.err.hasSuffix("run gen again to finish (every file it wrote so far is in .gen-manifest)\n"), "\(run.err)")
      }
      #expect(!sandbox.tree().keys.contains { $0.hasSuffix(".tmp") || $0 == ".gen-lock" }, "failed after \(step)")
      #expect(sandbox.gen([], catalog: Self.after).status == 0)
      #expect(sandbox.tree() == clean, "failed after \(step), then run again")
    }
  }
}
