import ArgumentParser
import MonitoringDSL
import MonitoringRender

/// `gen check` (or `gen --check`): renders in memory and compares with the output folder. Prints a
/// unified diff per changed file and names missing, stale and unexpected files; exits 1 on drift.
struct Check: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fail with a diff when the output folder differs from what the specs render.")

  @OptionGroup var options: OutputOptions

  init() {}
  init(options: OutputOptions) { self.options = options }

  func validate() throws {
    if !options.settings.isEmpty { throw ValidationError("check compares the committed output; it takes no --set") }
  }

  func run(environments: [StackEnvironment], console: Console) throws {
    let (selected, all) = try options.render(environments, console: console)
    let folder = OutputFolder(path: options.output)
    var problems = 0
    // The manifest counts as a file, as `gen` counts it when it writes.
    let expected = selected + [options.manifest(previous: folder.manifest(), rendered: all).file]
    for file in expected {
      guard let committed = folder.read(file.path) else {
        console.out("missing: \(file.path)\n")
        problems += 1
        continue
      }
      let diff = UnifiedDiff.render(old: committed, new: file.contents, path: file.path)
      if !diff.isEmpty {
        console.out("changed: \(file.path)\n\(diff)")
        problems += 1
      }
    }
    let rendered = Set(all.map(\.path) + [Manifest.fileName])
    let owned = folder.manifest()?.entries ?? [:]
    for path in folder.allFiles() where !rendered.contains(path) {
      if let spec = owned[path] {
        guard options.isSelected(spec: spec) else { continue }
        console.out("stale: \(path) (no spec renders it any more; `\(console.command)` removes it)\n")
      } else {
        guard options.only == nil, options.environment == nil else { continue }
        console.out("unexpected: \(path) (not written by gen; remove it or move it out of \(options.output))\n")
      }
      problems += 1
    }
    if problems > 0 {
      console.err("\(options.output) is out of date with the specs: \(problems) file(s) differ. Run `\(console.command)`.\n")
      throw ExitCode.failure
    }
    console.out("\(options.output) matches the specs (\(expected.count) files).\n")
  }
}
