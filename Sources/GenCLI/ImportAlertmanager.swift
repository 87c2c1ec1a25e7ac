import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender

/// `gen import alertmanager FILE`: an Alertmanager config as a typed `AlertmanagerConfig` spec.
struct ImportAlertmanager: EnvironmentCommand {
  static let configuration = CommandConfiguration(commandName: "alertmanager", abstract: "Import an Alertmanager config (alertmanager.yml).")

  @OptionGroup var options: ImportOptions

  @Option(help: "The config's file name in the spec (default: the input's name).")
  var fileName: String?

  @Option(help: "Also write the model the spec must render (the input as Alertmanager loads it), for round trips.")
  var expected: String?

  func run(environments: [StackEnvironment], console: Console) throws {
    let source = URL(fileURLWithPath: options.file).lastPathComponent
    let text = try options.read()
    let imported = try importing { () throws(ImportFailure) in
      try AlertmanagerImporter.importConfig(text, source: source, fileName: fileName ?? source)
    }
    options.report(imported.notes, differences: imported.differences, console: console)
    try options.write(AlertmanagerSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    try options.writeExpected(YAMLTree.document(YAMLTree.json(imported.expected)), to: expected)
  }
}
