import ArgumentParser
public import MonitoringDSL
import MonitoringRender

/// A command that works on the compiled environments of specs.
protocol EnvironmentCommand: ParsableCommand {
  func run(environments: [StackEnvironment], console: Console) throws
}

/// The root of the command line: `generate` (default), `check`, `diff`, `lint`, `list`, `preview`, `import`.
struct GenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gen",
    abstract: "Generate Grafana, Prometheus and provisioning files from the Swift specs.",
    subcommands: [Generate.self, Check.self, Diff.self, Lint.self, List.self, Preview.self, Import.self, Init.self, Verify.self],
    defaultSubcommand: Generate.self)

  static var subcommandNames: [String] {
    configuration.subcommands.map { $0._commandName } + ["help"]
  }
}

/// The `gen` command line over the environments of a user's specs: the whole of a user's
/// `Sources/gen/main.swift` (the executable may have any name).
/// ```swift
/// import Foundation
/// import GenCLI
/// import Specs
///
/// exit(Gen.main(environments: Monitoring.environments))
/// ```
public enum Gen {
  /// Parses `arguments` (the process's own by default), runs the command on the environments and
  /// returns the process exit code.
  public static func main(
    environments: [StackEnvironment], arguments: [String] = Array(CommandLine.arguments.dropFirst()),
    console: Console = .standard
  ) -> Int32 {
    if let unknown = unknownSubcommand(arguments) {
      console.err("error: unknown command '\(unknown)'\(NearestName.suggestion(for: unknown, in: GenCommand.subcommandNames))\n")
      console.err("Commands: \(GenCommand.subcommandNames.joined(separator: ", ")) (generate when none is given).\n")
      return ExitCode.validationFailure.rawValue
    }
    do {
      var command = try GenCommand.parseAsRoot(arguments)
      guard let environmentCommand = command as? any EnvironmentCommand else {
        try command.run()
        return 0
      }
      try environmentCommand.run(environments: environments, console: console)
      return 0
    } catch let error as GenError {
      console.err("\(error)\n")
      return 1
    } catch {
      let code = GenCommand.exitCode(for: error)
      let message = GenCommand.fullMessage(for: error)
      if !message.isEmpty { (code == .success ? console.out : console.err)(message + "\n") }
      return code.rawValue
    }
  }

  /// A first argument that is no option and no subcommand: the default command (generate) takes no
  /// arguments, so it is a mistyped subcommand (`gen lsit`), not something for generate to reject.
  static func unknownSubcommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), !GenCommand.subcommandNames.contains(first) else { return nil }
    return first
  }
}
