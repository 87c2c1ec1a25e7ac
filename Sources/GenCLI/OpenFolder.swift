import MonitoringRender

/// The output folder, open: paths are looked up from it one name at a time without following links,
/// and the folders on the way stay open (one descriptor per folder, shared by every path in it).
final class OpenFolder {
  let folder: OutputFolder
  /// `nil` when the output folder does not exist (it reads as empty).
  let root: Directory?
  /// Whether this run created the output folder (removed again when the run fails).
  let created: Bool
  private var folders: [String: Directory] = [:]

  init(folder: OutputFolder, root: Directory?, created: Bool) {
    self.folder = folder
    self.root = root
    self.created = created
    if let root { folders[""] = root }
  }

  /// Where a relative path leads.
  enum Lookup {
    /// The regular file `name` in `folder`.
    case file(folder: Directory, name: String)
    /// Nothing there: the deepest folder that exists (`nil` without an output folder) and the names
    /// still to create below it (the last is the file).
    case missing(folder: Directory?, remaining: [String])
    /// A link, a file where a folder should be, a folder where a file should be, or a bad path.
    case blocked(String)
  }

  /// Looks `path` up name by name without following links. Throws only when the disk cannot be read.
  func lookup(_ path: String) throws(GenError) -> Lookup {
    if let problem = OutputPath.problem(path) { return .blocked("\(path.debugDescription): \(problem)") }
    let names = path.split(separator: "/").map(String.init)
    guard var current = root else { return .missing(folder: nil, remaining: names) }
    for (index, name) in names.enumerated() {
      let here = current.child(name)
      let isLast = index == names.count - 1
      if !isLast, let open = folders[here] {
        current = open
        continue
      }
      switch current.kind(of: name).kind {
      case .missing:
        return .missing(folder: current, remaining: Array(names[index...]))
      case .symlink:
        return .blocked(
          "\(here) is a symbolic link; gen does not follow links inside \(folder.name) (it would write \(isLast ? "" : "into ")what the link points to): replace it with \(isLast ? "a file" : "a folder") or remove it")
      case .folder where isLast:
        return .blocked("\(here) is a folder where gen writes a file")
      case .folder:
        let open = try current.openFolder(name)
        folders[here] = open
        current = open
      case .file where isLast:
        return .file(folder: current, name: name)
      case .file, .other:
        return .blocked(isLast ? "\(here) is not a regular file (a device, socket or pipe)" : "\(here) is not a folder, and gen writes \(path) inside it")
      }
    }
    return .blocked("\(path.debugDescription) is empty")  // not reached: a checked path has a name
  }

  /// The folder at a relative folder path already looked up or created (`""` is the output folder).
  func openedFolder(_ path: String) -> Directory? { folders[path] }

  /// Creates the folders `remaining` (all but the last name) below `folder`; returns the file's folder
  /// and reports each created folder.
  func makeFolders(below folder: Directory, _ remaining: [String], created: (String) throws -> Void) throws -> Directory {
    var current = folder
    for name in remaining.dropLast() {
      try current.makeFolder(name)
      let open = try current.openFolder(name)
      folders[open.path] = open
      try created(open.path)
      current = open
    }
    return current
  }

  /// Forgets a folder that was removed.
  func forget(_ path: String) { folders[path] = nil }

  enum Contents {
    case missing
    case text(String)
    case blocked(String)
  }

  /// The text of a file, without following links.
  func read(_ path: String) throws(GenError) -> Contents {
    switch try lookup(path) {
    case .missing: return .missing
    case .blocked(let problem): return .blocked(problem)
    case .file(let folder, let name): return .text(String(decoding: try folder.read(name), as: UTF8.self))
    }
  }

  /// One thing found in the folder (folders are walked into, not listed; links are never followed).
  struct Found {
    enum Kind { case file, symlink, other }
    var path: String
    var kind: Kind
  }

  /// Everything but folders under the output folder, as relative paths, sorted; the lock file is left out.
  func walk() throws(GenError) -> [Found] {
    guard let root else { return [] }
    var found: [Found] = []
    try walk(root, into: &found)
    return found.filter { $0.path != OutputFolder.lockName }
  }

  private func walk(_ current: Directory, into found: inout [Found]) throws(GenError) {
    for name in try current.names() {
      switch current.kind(of: name).kind {
      case .missing: continue
      case .folder:
        if let open = folders[current.child(name)] {
          try walk(open, into: &found)
        } else {
          try walk(try current.openFolder(name), into: &found)
        }
      case .file: found.append(Found(path: current.child(name), kind: .file))
      case .symlink: found.append(Found(path: current.child(name), kind: .symlink))
      case .other: found.append(Found(path: current.child(name), kind: .other))
      }
    }
  }

  /// Every regular file under the root, as relative paths, without `gen`'s lock and temporary files.
  func allFiles() throws(GenError) -> [String] {
    try walk().filter { $0.kind == .file && !OutputFolder.isTemporary(name: OutputFolder.lastName($0.path)) }.map(\.path)
  }
}
