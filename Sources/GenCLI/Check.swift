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
    let open = try OutputFolder(path: options.output).open(create: false)
    let lock = try OutputLock.shared(in: open.root, named: options.output)
    defer { lock?.release() }
    // A manifest that cannot be read safely (a link) is reported below, as a file of its own.
    var previous: Manifest?
    if case .text(let text) = try open.read(Manifest.fileName) { previous = Manifest(parsing: text) }
    var problems = 0
    for problem in OutputFolder.manifestProblems(previous) {
      console.out("unsafe: \(problem)\n")
      problems += 1
    }
    // The manifest counts as a file, as `gen` counts it when it writes.
    let expected = selected + [options.manifest(previous: previous, rendered: all).file]
    for file in expected {
      switch try open.read(file.path) {
      case .missing:
        console.out("missing: \(file.path)\n")
        problems += 1
      case .blocked(let problem):
        console.out("unsafe: \(problem)\n")
        problems += 1
      case .text(let committed):
        let diff = UnifiedDiff.render(old: committed, new: file.contents, path: file.path)
        if !diff.isEmpty {
          console.out("changed: \(file.path)\n\(diff)")
          problems += 1
        }
      }
    }
    let rendered = Set(all.map(\.path) + [Manifest.fileName])
    let owned = previous?.entries ?? [:]
    let ownedPaths = Set(owned.keys).union(rendered)
    for found in try open.walk() where !rendered.contains(found.path) {
      if found.kind == .file, OutputFolder.isLeftover(found.path, owned: ownedPaths) {
        console.out("leftover: \(found.path) (a temporary file of an interrupted gen run; `\(console.command)` removes it)\n")
        continue
      }
      if let spec = owned[found.path] {
        guard options.isSelected(spec: spec) else { continue }
        console.out("stale: \(found.path) (no spec renders it any more; `\(console.command)` removes it)\n")
      } else {
        guard options.only == nil, options.environment == nil else { continue }
        console.out("unexpected: \(found.path) (not written by gen; remove it or move it out of \(options.output))\n")
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
