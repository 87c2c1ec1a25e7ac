import Foundation
import MonitoringRender
import Testing

@Suite struct UnifiedDiffTests {
  @Test func equalTextsHaveNoDiff() {
    #expect(UnifiedDiff.render(old: "a\nb\n", new: "a\nb\n", path: "f").isEmpty)
  }

  @Test func printsOneHunkWithContextAndLineNumbers() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(UnifiedDiff.render(old: old, new: new, path: "x.json") == """
      --- a/x.json
      +++ b/x.json
      @@ -2,7 +2,7 @@
       line 2
       line 3
       line 4
      -line 5
      +line five
       line 6
       line 7
       line 8

      """)
  }

  static let lines = (1...30).map { "line \($0)" }
  static let edits: [(String, [String])] = [
    ("two far-apart changes", lines.map { $0 == "line 3" ? "three" : $0 == "line 25" ? "twenty-five" : $0 }),
    ("insert at start, delete at end", ["new first"] + lines.dropLast(2)),
    ("everything replaced", ["a", "b"]),
    ("from empty", []),
  ]

  /// GNU diff is the oracle for hunk grouping and headers.
  @Test(arguments: edits.indices)
  func matchesGNUDiff(_ index: Int) throws {
    let old = Self.lines.joined(separator: "\n") + "\n"
    let newLines = Self.edits[index].1
    let new = newLines.isEmpty ? "" : newLines.joined(separator: "\n") + "\n"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("udiff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try old.write(to: folder.appendingPathComponent("old"), atomically: true, encoding: .utf8)
    try new.write(to: folder.appendingPathComponent("new"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    process.arguments = ["-u", "--label", "a/f", "--label", "b/f", "old", "new"]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(UnifiedDiff.render(old: old, new: new, path: "f") == output, "\(Self.edits[index].0)")
  }
}
