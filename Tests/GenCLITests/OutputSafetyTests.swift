import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

/// Nothing outside the output folder, ever: manifest entries are input, not trust, and links inside
/// the folder are reported, never followed.
@Suite struct OutputSafetyTests {
  /// Entries that lead out of the output folder, as a pull request could write them.
  static let escapingEntries = ["../etc-like/passwd", "ABSOLUTE", "dev/../../etc-like/passwd", "dev//../../etc-like/passwd"]

  @Test(arguments: escapingEntries)
  func manifestEntryOutsideTheFolderDeletesNothing(_ template: String) throws {
    let sandbox = try Sandbox()
    let canary = try sandbox.canary("etc-like/passwd", "root:x:0:0\n")
    let entry = template == "ABSOLUTE" ? canary.path : template
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    var manifest = Manifest(parsing: sandbox.read(".gen-manifest") ?? "")
    manifest.entries[entry] = "dev/dashboard/retired"
    try sandbox.write(".gen-manifest", manifest.text)
    let before = sandbox.tree()

    let check = sandbox.gen(["check"], catalog: SmallCatalog.make())
    #expect(check.status == 1)
    #expect(check.out.contains("unsafe: .gen-manifest lists \(entry.debugDescription)"), "\(check.out)")

    let run = sandbox.gen([], catalog: SmallCatalog.make(version: 2))
    #expect(run.status == 1)
    #expect(run.err.contains("error: .gen-manifest lists \(entry.debugDescription)"), "\(run.err)")
    #expect(run.err.hasSuffix("1 problem(s) in \(sandbox.output.path); nothing was written.\n"))
    #expect(sandbox.contents(canary) == "root:x:0:0\n")
    #expect(sandbox.tree() == before)
  }

  /// Entries naming gen's own files (the lock, a temporary file, the manifest) are refused too.
  @Test func manifestEntryNamingGenOwnFilesIsRefused() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    var manifest = Manifest(parsing: sandbox.read(".gen-manifest") ?? "")
    for entry in [".gen-manifest", "dev/.gen-4242-1.tmp"] { manifest.entries[entry] = "dev/dashboard/retired" }
    try sandbox.write(".gen-manifest", manifest.text)
    try sandbox.write("dev/.gen-4242-1.tmp", "partial")
    let before = sandbox.tree()
    let run = sandbox.gen([], catalog: SmallCatalog.make(version: 2))
    #expect(run.status == 1)
    #expect(run.err == """
      error: .gen-manifest lists ".gen-manifest", a name of gen's own bookkeeping; gen writes and deletes nothing while it is listed: remove the line (gen writes the manifest again)
      error: .gen-manifest lists "dev/.gen-4242-1.tmp", a name of gen's own bookkeeping; gen writes and deletes nothing while it is listed: remove the line (gen writes the manifest again)
      2 problem(s) in \(sandbox.output.path); nothing was written.

      """)
    #expect(sandbox.tree() == before)
  }

  /// `dev/grafana/dashboards` is a link to a folder outside: gen neither writes into it nor reads it.
  @Test func linkedFolderIsReportedNotWrittenThrough() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let dashboards = sandbox.output.appendingPathComponent("dev/grafana/dashboards")
    let elsewhere = sandbox.root.appendingPathComponent("elsewhere")
    try FileManager.default.moveItem(at: dashboards, to: elsewhere)
    try FileManager.default.createSymbolicLink(at: dashboards, withDestinationURL: elsewhere)
    _ = try sandbox.canary("elsewhere/canary.txt")
    let outside = sandbox.tree(elsewhere)
    let before = sandbox.tree()

    let check = sandbox.gen(["check"], catalog: SmallCatalog.make())
    #expect(check.status == 1)
    #expect(check.out.contains("unsafe: dev/grafana/dashboards is a symbolic link"), "\(check.out)")

    let run = sandbox.gen([], catalog: SmallCatalog.make(version: 2))
    #expect(run.status == 1)
    #expect(run.err.contains("error: dev/grafana/dashboards is a symbolic link; gen does not follow links"), "\(run.err)")
    #expect(sandbox.tree(elsewhere) == outside)
    #expect(sandbox.tree() == before)
  }

  /// A stale entry under a linked folder: removing it would delete a file outside.
  @Test func staleEntryUnderALinkedFolderDeletesNothing() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let canary = try sandbox.canary("etc-like/passwd", "root:x:0:0\n")
    try FileManager.default.createSymbolicLink(
      at: sandbox.output.appendingPathComponent("dev/etc"), withDestinationURL: canary.deletingLastPathComponent())
    var manifest = Manifest(parsing: sandbox.read(".gen-manifest") ?? "")
    manifest.entries["dev/etc/passwd"] = "dev/dashboard/retired"
    try sandbox.write(".gen-manifest", manifest.text)
    let before = sandbox.tree()

    let run = sandbox.gen([], catalog: SmallCatalog.make())
    #expect(run.status == 1)
    #expect(run.err.contains("error: dev/etc is a symbolic link"), "\(run.err)")
    #expect(sandbox.contents(canary) == "root:x:0:0\n")
    #expect(FileManager.default.fileExists(atPath: canary.deletingLastPathComponent().path))
    #expect(sandbox.tree() == before)
  }

  /// `dev/catalogue/metrics.json` is a link to a file outside: neither replaced nor written through.
  @Test func linkedFileIsReportedNotReplaced() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let metrics = sandbox.output.appendingPathComponent("dev/catalogue/metrics.json")
    let canary = try sandbox.canary("outside/metrics.json", sandbox.read("dev/catalogue/metrics.json") ?? "")
    try FileManager.default.removeItem(at: metrics)
    try FileManager.default.createSymbolicLink(at: metrics, withDestinationURL: canary)
    let before = sandbox.tree()
    let outside = sandbox.contents(canary)

    let check = sandbox.gen(["check"], catalog: SmallCatalog.make())
    #expect(check.status == 1)
    #expect(check.out.contains("unsafe: dev/catalogue/metrics.json is a symbolic link"), "\(check.out)")

    let run = sandbox.gen([], catalog: SmallCatalog.make(withRequests: true))
    #expect(run.status == 1)
    #expect(run.err.contains("error: dev/catalogue/metrics.json is a symbolic link"), "\(run.err)")
    #expect(sandbox.contents(canary) == outside)
    #expect(sandbox.tree() == before)
  }

  /// The same links, but where nothing changes: gen still refuses, since it would read through them.
  @Test func linkedFileIsReportedEvenWhenItsBytesMatch() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let path = "dev/prometheus/prometheus.yml"
    let canary = try sandbox.canary("outside/prometheus.yml", sandbox.read(path) ?? "")
    try FileManager.default.removeItem(at: sandbox.output.appendingPathComponent(path))
    try FileManager.default.createSymbolicLink(at: sandbox.output.appendingPathComponent(path), withDestinationURL: canary)
    let run = sandbox.gen([], catalog: SmallCatalog.make())
    #expect(run.status == 1)
    #expect(run.err.contains("error: \(path) is a symbolic link"), "\(run.err)")
    #expect(sandbox.tree()[path] == "-> \(canary.path)")
  }

  /// A manifest edited by hand (lines reordered, a comment added) lists the same files: gen writes
  /// it back as it writes it, and the check passes.
  @Test func handEditedManifestIsWrittenBack() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let clean = sandbox.tree()
    let lines = (sandbox.read(".gen-manifest") ?? "").split(separator: "\n")
    try sandbox.write(".gen-manifest", "# edited\n" + lines.reversed().joined(separator: "\n") + "\n")
    let run = sandbox.gen([], catalog: SmallCatalog.make())
    #expect(run.status == 0)
    #expect(run.out.hasSuffix("wrote   .gen-manifest\n1 written, 0 removed, \(clean.count - 1) unchanged in \(sandbox.output.path)\n"))
    #expect(sandbox.tree() == clean)
  }
}
