import ArgumentParser
import MonitoringDSL
import MonitoringRender

/// `gen [generate]`: writes every file whose bytes changed and removes stale files `gen` wrote before
/// (see ``OutputWrite`` for the order that keeps the folder repairable at any moment).
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
    try OutputWrite.generate(
      selected: selected, rendered: all, options: options, folder: OutputFolder(path: options.output), console: console)
  }
}
