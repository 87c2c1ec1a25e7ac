import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringRender

/// Options every command shares: where the output goes, which environment and specs to take, and
/// settings that re-target an environment.
struct OutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "The output folder; each environment gets a folder in it.")
  var output = "generated"

  @Option(name: .shortAndLong, help: "Only this environment (e.g. dev, test).")
  var environment: String?

  @Option(name: .long, help: "Only this spec (a name from `gen list`, like 'dev/dashboard/*'; * and ? as wildcards).")
  var only: String?

  @Option(
    name: .customLong("set"), parsing: .singleValue,
    help: "Override a setting of the environment, KEY=VALUE (with --environment; `gen list` shows them).")
  var settings: [String] = []

  func validate() throws {
    if !settings.isEmpty, environment == nil { throw ValidationError("--set needs --environment") }
    for setting in settings where !setting.contains("=") { throw ValidationError("--set takes KEY=VALUE, not \(setting)") }
  }

  var overrides: [String: String] {
    Dictionary(settings.map { setting in
      let parts = setting.split(separator: "=", maxSplits: 1)
      return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }, uniquingKeysWith: { _, last in last })
  }

  func environments(_ all: [StackEnvironment]) throws -> [StackEnvironment] {
    guard let environment else { return all }
    guard let match = all.first(where: { $0.name == environment }) else {
      throw GenError.unknownEnvironment(environment, known: all.map(\.name))
    }
    return [match]
  }

  /// Renders the chosen environments (validation always sees each whole catalog), then keeps the
  /// selected specs. `rendered` is every file of the rendered environments.
  func render(_ all: [StackEnvironment], console: Console) throws -> (selected: [OutputFile], rendered: [OutputFile]) {
    let files: [OutputFile]
    do {
      files = try Renderer.render(try environments(all), overrides: overrides)
    } catch let failure as ValidationFailure {
      for diagnostic in failure.diagnostics { console.err("error: \(diagnostic)\n") }
      console.err("\(failure.diagnostics.count) problem(s) found; nothing was written.\n")
      throw ExitCode.failure
    }
    let selected = files.filter { isSelected(spec: $0.spec) }
    if let only, selected.isEmpty { throw GenError.noSpecMatches(only, command: console.command) }
    return (selected, files)
  }

  func isSelected(spec: String) -> Bool {
    if let environment, !spec.hasPrefix(environment + "/") { return false }
    guard let only else { return true }
    return fnmatch(only, spec, 0) == 0
  }

  /// The manifest after writing: the previous entries this run did not select, plus what it rendered.
  func manifest(previous: Manifest?, rendered: [OutputFile]) -> Manifest {
    var entries = (previous?.entries ?? [:]).filter { !isSelected(spec: $0.value) }
    for file in rendered where isSelected(spec: file.spec) { entries[file.path] = file.spec }
    return Manifest(entries: entries)
  }
}
