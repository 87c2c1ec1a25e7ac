import Foundation
import MonitoringRender

/// The output folder on disk (`generated/` by default): the only place `gen` reads or writes files.
struct OutputFolder {
  let root: URL

  init(path: String) {
    root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
  }

  func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

  /// The text of a file, or `nil` when it does not exist.
  func read(_ relativePath: String) -> String? {
    guard let data = FileManager.default.contents(atPath: url(relativePath).path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  func manifest() -> Manifest? { read(Manifest.fileName).map(Manifest.init(parsing:)) }

  /// Writes through a temporary file in the same folder and a rename, so readers never see half a file.
  func writeAtomically(_ relativePath: String, contents: String) throws {
    let target = url(relativePath)
    let folder = target.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    try Data(contents.utf8).write(to: temporary)
    guard rename(temporary.path, target.path) == 0 else {
      let code = errno
      try? FileManager.default.removeItem(at: temporary)
      throw GenError.io("cannot move \(temporary.path) to \(target.path): \(String(cString: strerror(code)))")
    }
  }

  /// Removes a file and then any folders it leaves empty, up to the output root.
  func remove(_ relativePath: String) throws {
    try FileManager.default.removeItem(at: url(relativePath))
    var folder = url(relativePath).deletingLastPathComponent().standardizedFileURL
    while folder.path.count > root.path.count,
      let contents = try? FileManager.default.contentsOfDirectory(atPath: folder.path), contents.isEmpty
    {
      try FileManager.default.removeItem(at: folder)
      folder = folder.deletingLastPathComponent().standardizedFileURL
    }
  }

  /// Every regular file under the root, as relative paths.
  func allFiles() -> [String] {
    guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    else { return [] }
    var files: [String] = []
    for case let file as URL in enumerator {
      guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
      let path = file.standardizedFileURL.path
      files.append(String(path.dropFirst(root.path.count + 1)))
    }
    return files.sorted()
  }
}
