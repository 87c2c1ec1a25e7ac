import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringRender

/// `gen list`: each spec and the file it renders to, and the settings each environment takes.
struct List: EnvironmentCommand {
  static let configuration = CommandConfiguration(abstract: "List the specs and the files they render.")

  @OptionGroup var options: OutputOptions

  func run(environments: [StackEnvironment], console: Console) throws {
    let (selected, _) = try options.render(environments, console: console)
    let width = selected.map(\.spec.count).max() ?? 0
    for file in selected {
      console.out(file.spec.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(options.output)/\(file.path)\n")
    }
    for environment in try options.environments(environments) where !environment.defaults.isEmpty {
      let settings = environment.defaults.keys.sorted().map { "\($0)=\(environment.defaults[$0] ?? "")" }
      console.out("\nenvironment \(environment.name) settings (--set KEY=VALUE): \(settings.joined(separator: " "))\n")
    }
  }
}
