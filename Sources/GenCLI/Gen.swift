import ArgumentParser
public import MonitoringDSL

/// A command that works on the compiled catalog of specs.
protocol CatalogCommand: ParsableCommand {
  func run(catalog: Catalog, console: Console) throws
}

/// The root of the command line: `generate` (default), `check`, `list`.
struct GenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gen",
    abstract: "Generate Grafana, Prometheus and provisioning files from the Swift specs.",
    subcommands: [Generate.self, Check.self, List.self],
    defaultSubcommand: Generate.self)
}

/// The `gen` command line over a catalog.
///
/// `Sources/gen/main.swift` is just:
/// ```swift
/// exit(Gen.main(catalog: Specs.catalog, arguments: Array(CommandLine.arguments.dropFirst())))
/// ```
public enum Gen {
  /// Parses `arguments`, runs the command on `catalog` and returns the process exit code.
  public static func main(catalog: Catalog, arguments: [String], console: Console = .standard) -> Int32 {
    do {
      var command = try GenCommand.parseAsRoot(arguments)
      guard let catalogCommand = command as? any CatalogCommand else {
        try command.run()
        return 0
      }
      try catalogCommand.run(catalog: catalog, console: console)
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
