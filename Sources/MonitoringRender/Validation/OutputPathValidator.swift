/// Checks the paths of the files a catalog renders, before anything is written: each is a plain
/// relative path (``OutputPath``), none uses a name `gen` keeps for itself, no two are one file on a
/// case-insensitive file system, and no file has the name of a folder another file goes into.
/// Each diagnostic names the spec the file comes from (`origin`).
enum OutputPathValidator {
  static func validate(_ files: [(file: OutputFile, origin: [PathElement])]) -> [Diagnostic] {
    var collector = DiagnosticCollector()
    var byKey: [String: (path: String, origin: [PathElement])] = [:]
    var folders: [String: String] = [:]  // folded folder path → a file written inside it
    for (file, origin) in files {
      if let problem = OutputPath.problem(file.path) {
        collector.report(origin, "the file \(OutputPath.abbreviated(file.path)) cannot be written: \(problem)\(hint(origin))")
        continue
      }
      let names = file.path.split(separator: "/")
      if let reserved = names.first(where: { $0.hasPrefix(OutputPath.reservedPrefix) }) {
        collector.report(origin, "the file \(file.path.debugDescription) uses the name \(String(reserved).debugDescription); names starting with \"\(OutputPath.reservedPrefix)\" are gen's own")
        continue
      }
      let key = OutputPath.foldedKey(file.path)
      if let first = byKey[key] {
        if first.path != file.path {
          collector.report(origin, "the file \(file.path.debugDescription) and \(first.path.debugDescription) (from \(describe(first.origin))) differ only in letter case; on a case-insensitive file system (macOS' default) they are one file")
        } else if first.origin != origin {
          collector.report(origin, "the file \(file.path.debugDescription) is also written by \(describe(first.origin))")
        }
      } else {
        byKey[key] = (file.path, origin)
      }
      for end in names.indices.dropLast() {
        let folder = OutputPath.foldedKey(names[...end].joined(separator: "/"))
        if folders[folder] == nil { folders[folder] = file.path }
      }
    }
    for (file, origin) in files {
      if let inside = folders[OutputPath.foldedKey(file.path)] {
        collector.report(origin, "the file \(file.path.debugDescription) has the name of the folder of \(inside.debugDescription)")
      }
    }
    return collector.diagnostics
  }

  /// Checks environment names, which become the first folder of each of their files.
  static func validate(environments names: [String]) -> [Diagnostic] {
    var collector = DiagnosticCollector()
    var seen: [String: String] = [:]
    for name in names {
      if let problem = OutputPath.nameProblem(name) {
        collector.report([.environment(name)], "cannot be a folder name: \(problem)")
      } else if name.hasPrefix(OutputPath.reservedPrefix) {
        collector.report([.environment(name)], "names starting with \"\(OutputPath.reservedPrefix)\" are gen's own")
      } else if let first = seen[OutputPath.foldedKey(name)] {
        collector.report(
          [.environment(name)],
          first == name
            ? "is defined more than once" : "differs from environment \(first.debugDescription) only in letter case; on a case-insensitive file system (macOS' default) they are one folder")
      } else {
        seen[OutputPath.foldedKey(name)] = name
      }
    }
    return collector.diagnostics
  }

  private static func describe(_ origin: [PathElement]) -> String {
    origin.isEmpty ? "the catalog" : origin.map(\.description).joined(separator: " › ")
  }

  /// What to change: a dashboard's file name is its title's slug (the DSL has no separate file name).
  private static func hint(_ origin: [PathElement]) -> String {
    guard case .dashboard? = origin.last else { return "" }
    return "; a dashboard's file name is the slug of its title, so shorten the title"
  }
}
