import Foundation
import MonitoringRender

/// The output folder on disk (`generated/` by default): the only place `gen` reads or writes files.
///
/// Every path is confined to it: a path is a plain relative one (``OutputPath``) and is looked up
/// one name at a time from the folder, without following symbolic links, so nothing outside the
/// folder is ever read, written or deleted. A link inside it where `gen` would read or write is a
/// problem to report, not a way to go elsewhere.
struct OutputFolder {
  let root: URL
  /// The folder as the user named it, for messages.
  let name: String

  init(path: String) {
    root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    name = path
  }

  /// The lock file, held while `gen` writes (see ``OutputLock``); never in the manifest or the check.
  static let lockName = ".gen-lock"

  /// Opens the folder for reading (`create: false`; a missing folder reads as empty) or writing.
  func open(create: Bool) throws(GenError) -> OpenFolder {
    if create, !FileManager.default.fileExists(atPath: root.path) {
      do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
        throw GenError.io("cannot create the output folder \(name): \(error.localizedDescription)")
      }
      return OpenFolder(folder: self, root: try Directory.open(root: root.path), created: true)
    }
    return OpenFolder(folder: self, root: try Directory.open(root: root.path), created: false)
  }

  /// Writes one file through a temporary file beside it and a rename, synced, so readers never see
  /// half a file; the same confinement as the output folder (for `gen preview`'s folder).
  func writeAtomically(_ path: String, contents: String) throws {
    let open = try open(create: true)
    let folder: Directory
    let file: String
    switch try open.lookup(path) {
    case .blocked(let problem): throw GenError.unsafeOutput([problem], folder: name)
    case .file(let existing, let existingName): (folder, file) = (existing, existingName)
    case .missing(let deepest, let remaining):
      guard let deepest else { throw GenError.io("cannot open the folder \(name)") }
      folder = try open.makeFolders(below: deepest, remaining) { _ in }
      file = remaining[remaining.count - 1]
    }
    let temporary = Self.temporaryName(0)
    do {
      try folder.createFile(temporary, bytes: contents.utf8) {}
      try folder.rename(temporary, to: file)
    } catch {
      _ = try? folder.removeFile(temporary)
      throw error
    }
    try folder.sync()
  }

  /// The entries of a manifest that do not name a plain path inside the folder, or name `gen`'s own
  /// files. A manifest is text anyone can edit in a pull request: `gen` deletes what it lists, so it
  /// trusts none of it.
  static func manifestProblems(_ manifest: Manifest?) -> [String] {
    let entries = (manifest?.entries.keys).map { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } } ?? []
    return entries.compactMap { path in
      let listed = "\(Manifest.fileName) lists \(path.debugDescription)"
      let remedy = "gen writes and deletes nothing while it is listed: remove the line (gen writes the manifest again)"
      if let problem = OutputPath.problem(path) { return "\(listed): \(problem); \(remedy)" }
      if path.split(separator: "/").contains(where: { $0.hasPrefix(OutputPath.reservedPrefix) }) {
        return "\(listed), a name of gen's own bookkeeping; \(remedy)"
      }
      return nil
    }
  }

  // MARK: - Temporary files

  /// The name of a temporary file of this process: `.gen-<pid>-<n>.tmp`.
  static func temporaryName(_ index: Int) -> String { ".gen-\(ProcessInfo.processInfo.processIdentifier)-\(index).tmp" }

  /// `.gen-<digits>-<digits>.tmp`, the name of a temporary file of `gen`.
  static func isTemporary(name: String) -> Bool {
    guard name.hasPrefix(".gen-"), name.hasSuffix(".tmp") else { return false }
    let middle = name.dropFirst(5).dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
    return middle.count == 2 && middle.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
  }

  /// A temporary file an interrupted run left: `.gen-<pid>-<n>.tmp`, or the name earlier versions of
  /// `gen` used, `.<name>.<pid>.tmp` beside a file `<name>` that `gen` owns.
  static func isLeftover(_ path: String, owned: Set<String>) -> Bool {
    let name = lastName(path)
    if isTemporary(name: name) { return true }
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
    let stem = name.dropFirst().dropLast(4)
    guard let dot = stem.lastIndex(of: "."), dot > stem.startIndex else { return false }
    let pid = stem[stem.index(after: dot)...]
    guard !pid.isEmpty, pid.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
    let folder = path.dropLast(name.count)
    return owned.contains(String(folder) + String(stem[..<dot]))
  }

  static func lastName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }
}
