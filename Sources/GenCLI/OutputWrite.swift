import Foundation
import MonitoringRender

/// One run of `gen` writing the output folder, in an order where a kill at any moment leaves a
/// folder the next run repairs, and a failure before the first rename leaves it as it was:
///
/// 1. take the lock (``OutputLock``), read the manifest and look every path up: a manifest entry
///    outside the folder, or a link where `gen` would write, stops the run before anything changes;
/// 2. remove the temporary files an interrupted run left;
/// 3. stage: write every changed file to a temporary file beside it, synced to disk (a failure
///    removes them, and the folders made for them, and nothing else has changed);
/// 4. write the union manifest (the files owned before and after this run), so that every file of
///    `gen`'s on disk is listed from here on, whatever happens next;
/// 5. rename each temporary file onto its file, then sync each folder;
/// 6. remove the stale files (and the folders they leave empty);
/// 7. write the final manifest, then remove the lock.
///
/// After a kill in 3 the next run removes the temporary files; after 4, 5 or 6 it finds every file
/// listed, rewrites what differs and removes what no spec renders any more.
struct OutputWrite {
  let open: OpenFolder
  let console: Console
  private var staged: [(path: String, folder: Directory, temporary: String, name: String)] = []
  private var createdFolders: [String] = []
  private var temporaryCount = 0

  init(open: OpenFolder, console: Console) {
    self.open = open
    self.console = console
  }

  private var name: String { open.folder.name }

  private func step(_ step: WriteStep) throws { try GenTestHooks.afterStep?(step) }

  /// Writes the selected files whose bytes changed and the manifest, and removes stale files.
  static func generate(selected: [OutputFile], rendered: [OutputFile], options: OutputOptions, folder: OutputFolder, console: Console)
    throws
  {
    let open = try folder.open(create: true)
    guard let root = open.root else { throw GenError.io("cannot open the output folder \(folder.name)") }
    var succeeded = false
    let lock = try OutputLock.exclusive(in: root, named: folder.name)
    defer {
      lock.release()
      if open.created, !succeeded { _ = rmdir(folder.root.path) }  // only when it is still empty
    }
    var write = OutputWrite(open: open, console: console)
    try write.run(selected: selected, rendered: rendered, options: options)
    succeeded = true
  }

  private mutating func run(selected: [OutputFile], rendered: [OutputFile], options: OutputOptions) throws {
    do { try step(.locked) } catch { throw GenError.io("\(Self.reason(error)); \(name) was left as it was") }
    let manifestText: String?  // the bytes on disk, which need not be what the parsed entries print
    switch try open.read(Manifest.fileName) {
    case .missing: manifestText = nil
    case .text(let text): manifestText = text
    case .blocked(let problem): throw GenError.unsafeOutput([problem], folder: name)
    }
    let previous = manifestText.map(Manifest.init(parsing:))
    var problems = OutputFolder.manifestProblems(previous)
    let manifest = options.manifest(previous: previous, rendered: rendered)
    let current = Set(rendered.map(\.path))

    var changed: [OutputFile] = []
    var unchanged = 0
    for file in selected + [manifest.file] {
      switch try open.lookup(file.path) {
      case .blocked(let problem): problems.append(problem)
      case .missing: changed.append(file)
      case .file(let folder, let name):
        if try folder.read(name).elementsEqual(file.contents.utf8) { unchanged += 1 } else { changed.append(file) }
      }
    }
    var stale: [(path: String, spec: String, folder: Directory, name: String)] = []
    for (path, spec) in (previous?.entries ?? [:]).sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    where !current.contains(path) && options.isSelected(spec: spec) && OutputPath.problem(path) == nil {
      switch try open.lookup(path) {
      case .blocked(let problem): problems.append(problem)
      case .missing: continue
      case .file(let folder, let name): stale.append((path, spec, folder, name))
      }
    }
    guard problems.isEmpty else { throw GenError.unsafeOutput(problems, folder: name) }

    var removed = 0
    let files = changed.filter { $0.path != Manifest.fileName }
    do {
      // Only what interrupted runs left goes before the folder is as it was.
      removed = try removeLeftovers(owned: current.union(previous.map { Array($0.entries.keys) } ?? []))
      for file in files { try stage(file) }
    } catch {
      discardStaged()
      throw GenError.io("\(Self.reason(error)); \(name) was left as it was")
    }

    let finalText = manifest.text
    var union = manifest
    for entry in stale { union.entries[entry.path] = entry.spec }
    do {
      // The manifest on disk lists every file this run may leave behind, before any appears or goes.
      var manifestOnDisk = manifestText
      if union.text != manifestOnDisk, !(files.isEmpty && stale.isEmpty) {
        try replaceManifest(union.text)
        try step(.wroteUnionManifest)
        manifestOnDisk = union.text
      }
      try renameStaged()
      removed += try removeStale(stale, current: current)
      if finalText != manifestOnDisk {
        try replaceManifest(finalText)
        try step(.wroteManifest)
      }
    } catch {
      discardStaged()
      throw GenError.io("\(Self.reason(error)); run gen again to finish (every file it wrote so far is in \(Manifest.fileName))")
    }
    let written = changed.count
    for file in changed where file.path == Manifest.fileName { console.out("wrote   \(file.path)\n") }
    console.out("\(written) written, \(removed) removed, \(unchanged) unchanged in \(name)\n")
  }

  // MARK: - Steps

  /// Removes the temporary files of interrupted runs (ours, and the names earlier versions used).
  private func removeLeftovers(owned: Set<String>) throws -> Int {
    var removed = 0
    for found in try open.walk() where found.kind == .file && OutputFolder.isLeftover(found.path, owned: owned) {
      guard case .file(let folder, let file) = try open.lookup(found.path) else { continue }
      try folder.removeFile(file)
      try step(.removedLeftover(found.path))
      console.out("removed \(found.path) (left by an interrupted run)\n")
      removed += 1
    }
    return removed
  }

  /// Writes a file's bytes to a new temporary file beside it, synced; folders are created as needed.
  private mutating func stage(_ file: OutputFile) throws {
    let folder: Directory
    let name: String
    switch try open.lookup(file.path) {
    case .blocked(let problem): throw GenError.io(problem)
    case .file(let existing, let existingName):
      folder = existing
      name = existingName
    case .missing(let deepest, let remaining):
      guard let deepest else { throw GenError.io("the output folder \(self.name) is gone") }
      var made: [String] = []
      defer { createdFolders += made }
      folder = try open.makeFolders(below: deepest, remaining) { path in
        made.append(path)
        try step(.createdFolder(path))
      }
      name = remaining[remaining.count - 1]
    }
    temporaryCount += 1
    let temporary = OutputFolder.temporaryName(temporaryCount)
    var created = false
    defer { if created { staged.append((file.path, folder, temporary, name)) } }
    try folder.createFile(temporary, bytes: file.contents.utf8) {
      created = true
      try step(.createdTemporary(file.path))
    }
    try step(.staged(file.path))
  }

  /// Renames every staged file onto its path, then syncs the folders.
  private mutating func renameStaged() throws {
    var folders: [String: Directory] = [:]
    while !staged.isEmpty {
      let file = staged[0]
      try file.folder.rename(file.temporary, to: file.name)
      staged.removeFirst()
      folders[file.folder.path] = file.folder
      console.out("wrote   \(file.path)\n")
      try step(.renamed(file.path))
    }
    for (_, folder) in folders.sorted(by: { $0.key < $1.key }) { try folder.sync() }
    // Folders created for new files: their parents now hold a new name.
    for path in createdFolders {
      let parent = path.split(separator: "/").dropLast().joined(separator: "/")
      try open.openedFolder(parent)?.sync()
    }
    createdFolders = []
  }

  /// The manifest through a temporary file and a rename, synced.
  private mutating func replaceManifest(_ text: String) throws {
    guard let root = open.root else { throw GenError.io("the output folder \(name) is gone") }
    temporaryCount += 1
    let temporary = OutputFolder.temporaryName(temporaryCount)
    do {
      try root.createFile(temporary, bytes: text.utf8) {}
      try root.rename(temporary, to: Manifest.fileName)
    } catch {
      _ = try? root.removeFile(temporary)
      throw error
    }
    try root.sync()
  }

  /// Removes stale files and the folders they leave empty (never the output folder itself).
  private func removeStale(_ stale: [(path: String, spec: String, folder: Directory, name: String)], current: Set<String>) throws -> Int {
    let folded = Set(current.map(OutputPath.foldedKey))
    var removed = 0
    var touched: [String: Directory] = [:]
    for entry in stale {
      // On a case-insensitive file system `Ops.json` (stale) may be the very file `ops.json` just written.
      if folded.contains(OutputPath.foldedKey(entry.path)), isSameFile(entry, asOneOf: current) { continue }
      try entry.folder.removeFile(entry.name)
      console.out("removed \(entry.path)\n")
      removed += 1
      try step(.removedStale(entry.path))
      touched[entry.folder.path] = entry.folder
      var names = entry.path.split(separator: "/").map(String.init).dropLast()
      while let last = names.popLast() {
        let parentPath = names.joined(separator: "/")
        guard let parent = open.openedFolder(parentPath), parent.removeFolderIfEmpty(last) else { break }
        let path = parent.child(last)
        open.forget(path)
        touched[path] = nil
        touched[parentPath] = parent
        try step(.removedFolder(path))
      }
    }
    for (_, folder) in touched.sorted(by: { $0.key < $1.key }) { try folder.sync() }
    return removed
  }

  private func isSameFile(_ entry: (path: String, spec: String, folder: Directory, name: String), asOneOf current: Set<String>) -> Bool {
    let old = entry.folder.kind(of: entry.name).status
    for path in current where OutputPath.foldedKey(path) == OutputPath.foldedKey(entry.path) {
      guard case .file(let folder, let name)? = try? open.lookup(path) else { continue }
      let new = folder.kind(of: name).status
      if new.st_ino == old.st_ino, new.st_dev == old.st_dev { return true }
    }
    return false
  }

  /// Removes the temporary files not yet renamed, and the folders made for them when they are empty.
  private mutating func discardStaged() {
    for file in staged { _ = try? file.folder.removeFile(file.temporary) }
    staged = []
    for path in createdFolders.reversed() {
      var names = path.split(separator: "/").map(String.init)
      guard let last = names.popLast(), let parent = open.openedFolder(names.joined(separator: "/")) else { continue }
      if parent.removeFolderIfEmpty(last) { open.forget(path) }
    }
    createdFolders = []
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? GenError, case .io(let message) = error { return message }
    return "\(error)"
  }
}
