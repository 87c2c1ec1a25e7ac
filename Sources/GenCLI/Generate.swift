import ArgumentParser
import MonitoringDSL
import MonitoringRender

/// `gen [generate]`: writes every file whose bytes changed and removes stale files `gen` wrote before.
struct Generate: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Render the specs into the output folder (the default command).")

  @OptionGroup var options: OutputOptions

  @Flag(name: .long, help: "Do not write; compare with the output folder like `gen check`.")
  var check = false

  func validate() throws {
    if check, !options.settings.isEmpty { throw ValidationError("--check compares the committed output; it takes no --set") }
  }

  func run(environments: [StackEnvironment], console: Console) throws {
    if check {
      return try Check(options: options).run(environments: environments, console: console)
    }
    let (selected, all) = try options.render(environments, console: console)
    let folder = OutputFolder(path: options.output)
    let previous = folder.manifest()
    let manifest = options.manifest(previous: previous, rendered: all)
    var written = 0
    var unchanged = 0
    for file in selected + [manifest.file] {
      if folder.read(file.path) == file.contents {
        unchanged += 1
        continue
      }
      try folder.writeAtomically(file.path, contents: file.contents)
      console.out("wrote   \(file.path)\n")
      written += 1
    }
    var removed = 0
    let current = Set(all.map(\.path))
    for (path, spec) in (previous?.entries ?? [:]).sorted(by: { $0.key < $1.key })
    where !current.contains(path) && options.isSelected(spec: spec) && folder.read(path) != nil {
      try folder.remove(path)
      console.out("removed \(path)\n")
      removed += 1
    }
    console.out("\(written) written, \(removed) removed, \(unchanged) unchanged in \(options.output)\n")
  }
}
