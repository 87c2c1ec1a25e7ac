import Foundation
import MonitoringRender

/// Compares rendered files with a folder of expected files. With `GEN_RECORD=1` it rewrites the folder
/// instead and still fails, so a recording never passes by surprise (CI never sets it).
enum GoldenFiles {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let isRecording = ProcessInfo.processInfo.environment["GEN_RECORD"] == "1"

  /// Problems found, each naming the file, with a unified diff for changed files.
  static func compare(_ files: [OutputFile], with folder: URL) -> [String] {
    if isRecording {
      try? FileManager.default.removeItem(at: folder)
      for file in files {
        let url = folder.appendingPathComponent(file.path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(file.contents.utf8).write(to: url)
      }
      return ["Recorded new baseline in \(folder.path); unset GEN_RECORD and review the diff."]
    }
    var problems: [String] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file.path).path) else {
        problems.append("missing expected file \(file.path)")
        continue
      }
      let diff = UnifiedDiff.render(old: String(decoding: data, as: UTF8.self), new: file.contents, path: file.path)
      if !diff.isEmpty { problems.append("\(file.path) differs:\n\(diff)") }
    }
    let expected = Set(files.map(\.path))
    for path in filesUnder(folder) where !expected.contains(path) {
      problems.append("\(path) is expected but no longer rendered")
    }
    return problems
  }

  static func filesUnder(_ folder: URL) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { path in
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
      return !isFolder.boolValue && !path.hasPrefix(".") && !path.contains("/.")
    }.sorted()
  }
}
