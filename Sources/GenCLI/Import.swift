import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender

/// `gen import dashboard|rules|prometheus|alertmanager FILE`: Swift for `specs/` from what users
/// already have. The Swift goes to stdout (or `--to FILE`), what the import changed or kept raw to stderr.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn an existing Grafana dashboard, provisioning file, Prometheus rule file, Prometheus or Alertmanager config into a Swift spec.",
    subcommands: [
      ImportDashboard.self, ImportRules.self, ImportProvisioning.self, ImportPrometheus.self, ImportAlertmanager.self,
      ImportCompare.self,
    ])
}

/// Options every import takes.
struct ImportOptions: ParsableArguments {
  @Argument(help: "The file to import.")
  var file: String

  @Option(help: "Name of the Swift type to generate (default: from the file name).")
  var name: String?

  @Option(help: "Write the Swift here instead of stdout.")
  var to: String?

  var typeName: String {
    if let name { return name }
    let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let identifier = base.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    return identifier.first?.isLetter == true ? identifier : "Imported" + identifier
  }

  func read() throws -> String {
    guard let data = FileManager.default.contents(atPath: file) else { throw GenError.io("cannot read \(file)") }
    return String(decoding: data, as: UTF8.self)
  }

  func write(_ swift: String, console: Console) throws {
    guard let to else { return console.out(swift) }
    do {
      try Data(swift.utf8).write(to: URL(fileURLWithPath: to))
    } catch {
      throw GenError.io("cannot write \(to): \(error.localizedDescription)")
    }
  }
}

/// Runs an importer; a file it cannot import at all is an error of the command.
func importing<Result>(_ body: () throws(ImportFailure) -> Result) throws(GenError) -> Result {
  do {
    return try body()
  } catch {
    throw GenError.io(error.description)
  }
}

struct ImportDashboard: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Import a dashboard JSON (bare model or {\"dashboard\": …} export).")

  @OptionGroup var options: ImportOptions

  @Option(help: "Also write the model the spec must render (the input as Grafana normalises it), for round trips.")
  var expected: String?

  func run(environments: [StackEnvironment], console: Console) throws {
    let source = URL(fileURLWithPath: options.file).lastPathComponent
    let text = try options.read()
    let imported = try importing { () throws(ImportFailure) in try DashboardImporter.importDashboard(text, source: source) }
    for note in imported.notes { console.err("\(note)\n") }
    let differences = imported.differences
    if !differences.isEmpty {
      console.err("warning: the import does not reproduce the input at: \(differences.joined(separator: ", "))\n")
    }
    try options.write(DashboardSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    if let expected {
      do {
        try Data(JSONWriter.write(imported.expected).utf8).write(to: URL(fileURLWithPath: expected))
      } catch {
        throw GenError.io("cannot write \(expected): \(error.localizedDescription)")
      }
    }
  }
}

struct ImportRules: EnvironmentCommand {
  static let configuration = CommandConfiguration(commandName: "rules", abstract: "Import a Prometheus rule file.")

  @OptionGroup var options: ImportOptions

  @Option(help: "The rule file name in the spec (default: the input's name).")
  var fileName: String?

  @Option(help: "Also write the model the spec must render (the input), for round trips.")
  var expected: String?

  func run(environments: [StackEnvironment], console: Console) throws {
    let source = URL(fileURLWithPath: options.file).lastPathComponent
    let text = try options.read()
    let imported = try importing { () throws(ImportFailure) in
      try RuleImporter.importRules(text, source: source, fileName: fileName ?? source)
    }
    for note in imported.notes { console.err("\(note)\n") }
    try options.write(RuleSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    if let expected {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: expected))
      } catch {
        throw GenError.io("cannot write \(expected): \(error.localizedDescription)")
      }
    }
  }
}

struct ImportProvisioning: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    commandName: "provisioning", abstract: "Import a Grafana provisioning file (datasources or dashboard providers).")

  @OptionGroup var options: ImportOptions

  @Option(help: "Also write the model the spec must render (the input), for round trips.")
  var expected: String?

  func run(environments: [StackEnvironment], console: Console) throws {
    let source = URL(fileURLWithPath: options.file).lastPathComponent
    let text = try options.read()
    let imported = try importing { () throws(ImportFailure) in try ProvisioningImporter.importFile(text, source: source) }
    for note in imported.notes { console.err("\(note)\n") }
    try options.write(ProvisioningSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    if let expected {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: expected))
      } catch {
        throw GenError.io("cannot write \(expected): \(error.localizedDescription)")
      }
    }
  }
}

/// `gen import compare EXPECTED RENDERED`: the round trip's verdict, field by field. Prints
/// `exact`, or each path where the rendered file differs from what the input says; exit 1 then.
struct ImportCompare: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Compare a rendered file with the model an import expects (JSON or YAML).")

  @Argument(help: "The expected model (written by `gen import … --expected`).")
  var expected: String

  @Argument(help: "The file the imported spec rendered.")
  var rendered: String

  func run(environments: [StackEnvironment], console: Console) throws {
    let differences = RoundTrip.differences(expected: try read(expected), rendered: try read(rendered), yaml: isYAML(rendered))
    guard !differences.isEmpty else { return console.out("exact\n") }
    console.out("differs: " + differences.joined(separator: ", ") + "\n")
    throw ExitCode.failure
  }

  private func isYAML(_ path: String) -> Bool { path.hasSuffix(".yml") || path.hasSuffix(".yaml") }

  private func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw GenError.io("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
  }
}
