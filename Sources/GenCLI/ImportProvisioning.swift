import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport

/// `gen import provisioning FILE`: Grafana datasources or dashboard providers as typed specs.
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
    options.report(imported.notes, differences: [], console: console)
    try options.write(ProvisioningSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    try options.writeExpected(text, to: expected)
  }
}
