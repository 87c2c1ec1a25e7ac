import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport

/// `gen import sloth FILE`: a Sloth SLO spec (`version: "prometheus/v1"`) as typed `SLO`s in a
/// `RuleFile`. An SLO whose SLI cannot be typed is an error naming it and the field; the Swift of the
/// others is still written, and the command exits 1.
struct ImportSloth: EnvironmentCommand {
  static let configuration = CommandConfiguration(commandName: "sloth", abstract: "Import a Sloth SLO spec (prometheus/v1).")

  @OptionGroup var options: ImportOptions

  @Option(help: "The rule file name in the spec (default: <service>-slo.rules.yml).")
  var fileName: String?

  func run(environments: [StackEnvironment], console: Console) throws {
    let source = URL(fileURLWithPath: options.file).lastPathComponent
    let text = try options.read()
    let imported = try importing { () throws(ImportFailure) in try SlothImporter.importSLOs(text, source: source) }
    options.report(imported.notes, differences: [], console: console)
    if !imported.slos.isEmpty {
      let name = fileName ?? SlothSwiftPrinter.defaultFileName(service: imported.service)
      try options.write(SlothSwiftPrinter.source(imported, typeName: options.typeName, fileName: name), console: console)
    }
    guard imported.failures.isEmpty else {
      let errors = imported.failures.map(\.description)
      let summary = "\(errors.count) of \(imported.slos.count + errors.count) SLOs not imported"
      throw GenError.io((errors + [summary]).joined(separator: "\nerror: "))
    }
  }
}
