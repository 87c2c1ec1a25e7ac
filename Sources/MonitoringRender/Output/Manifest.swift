/// The list of files `gen` owns in an output folder, written as `.gen-manifest` beside them.
/// Only files named here are ever deleted as stale, so `gen` never removes a file it did not write.
public struct Manifest: Hashable, Sendable {
  public static let fileName = ".gen-manifest"

  /// Path → spec.
  public var entries: [String: String]

  public init(files: [OutputFile]) {
    entries = Dictionary(files.map { ($0.path, $0.spec) }, uniquingKeysWith: { first, _ in first })
  }

  public init(entries: [String: String]) { self.entries = entries }

  /// Parses a manifest's text; unreadable lines are ignored (the file is regenerated on every run).
  public init(parsing text: String) {
    var entries: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", maxSplits: 1)
      if fields.count == 2 { entries[String(fields[0])] = String(fields[1]) }
    }
    self.entries = entries
  }

  public var text: String {
    let lines = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\($0)\t\(entries[$0] ?? "")" }
    return "# Files written by `swift run gen` (path, spec). Do not edit.\n" + lines.joined(separator: "\n") + "\n"
  }

  /// The manifest as an output file of its own, so the drift check covers it too.
  public var file: OutputFile { OutputFile(path: Self.fileName, spec: "manifest", contents: text) }
}
