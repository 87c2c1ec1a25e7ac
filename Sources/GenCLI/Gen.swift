import ArgumentParser
public import MonitoringDSL

/// A command that works on the compiled environments of specs.
protocol EnvironmentCommand: ParsableCommand {
  func run(environments: [StackEnvironment], console: Console) throws
}

/// The root of the command line: `generate` (default), `check`, `diff`, `lint`, `list`, `preview`, `import`.
struct GenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gen",
    abstract: "Generate Grafana, Prometheus and provisioning files from the Swift specs.",
    subcommands: [Generate.self, Check.self, Diff.self, Lint.self, List.self, Preview.self, Import.self],
    defaultSubcommand: Generate.self)
}

/// The `gen` command line over a catalog.
///
/// `Sources/gen/main.swift` is just:
/// ```swift
/// exit(Gen.main(environments: Specs.environments, arguments: Array(CommandLine.arguments.dropFirst())))
/// ```
public enum Gen {
  /// Parses `arguments`, runs the command on the environments and returns the process exit code.
  public static func main(environments: [StackEnvironment], arguments: [String], console: Console = .standard) -> Int32 {
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
}
