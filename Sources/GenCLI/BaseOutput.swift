import Foundation
import MonitoringRender

/// The output files a review compares the specs against: the output folder as it is on disk, or as
/// it was committed at a git ref (`--base origin/main`). Paths are relative to the output folder.
struct BaseOutput {
  /// Every file but the manifest, which is bookkeeping, not monitoring.
  var files: [String: String]
  /// Which spec wrote each file, to select base files with `--only` and `--environment`.
  var manifest: Manifest?

  init(ref: String?, output: String) throws {
    var files = try Self.read(ref: ref, output: output)
    manifest = files.removeValue(forKey: Manifest.fileName).map(Manifest.init(parsing:))
    self.files = files
  }

  private static func read(ref: String?, output: String) throws -> [String: String] {
    guard let ref else {
      let open = try OutputFolder(path: output).open(create: false)
      let lock = try OutputLock.shared(in: open.root, named: output)
      defer { lock?.release() }
      var files: [String: String] = [:]
      let all = try open.allFiles()
      let owned = Set(all)
      for path in all where !OutputFolder.isLeftover(path, owned: owned) {
        if case .text(let text) = try open.read(path) { files[path] = text }
      }
      return files
    }
    let directory = URL(fileURLWithPath: output, isDirectory: true).standardizedFileURL
    guard FileManager.default.fileExists(atPath: directory.path) else {
      throw GenError.io("--base needs the output folder \(output) inside a git work tree")
    }
    // Paths from the repository root, and the output folder's own place in it.
    let prefix = try git(["rev-parse", "--show-prefix"], in: directory).trimmingCharacters(in: .newlines)
    let listing = try git(["ls-tree", "-r", "-z", "--full-name", "--name-only", ref, "--", "."], in: directory)
    var files: [String: String] = [:]
    for fullPath in listing.split(separator: "\0").map(String.init) where fullPath.hasPrefix(prefix) {
      files[String(fullPath.dropFirst(prefix.count))] = try git(["cat-file", "blob", "\(ref):\(fullPath)"], in: directory)
    }
    return files
  }

  private static func git(_ arguments: [String], in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch { throw GenError.io("cannot run git: \(error.localizedDescription)") }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw GenError.io("git \(arguments.joined(separator: " ")) failed: \(reason)")
    }
    return String(decoding: data, as: UTF8.self)
  }
}
