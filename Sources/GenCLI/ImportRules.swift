import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport

/// `gen import rules FILE`: a Prometheus rule file as a typed `RuleFile` spec.
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
    options.report(imported.notes, differences: [], console: console)
    try options.write(RuleSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    try options.writeExpected(text, to: expected)
  }
}
