import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender

/// `gen import dashboard FILE`: a Grafana dashboard (bare model or export) as a typed `Dashboard` spec.
struct ImportDashboard: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Import a dashboard JSON (bare model or {\"dashboard\": …} export).")

  @OptionGroup var options: ImportOptions

  @Option(help: "Also write the model the spec must render (the input as Grafana normalises it), for round trips.")
  var expected: String?

  @Flag(
    help: """
      Also type the queries the DSL writes differently (spacing, `by` after the aggregation, `1e3`): their \
      text changes to the DSL's form, which parses to the same syntax tree. Without it the round trip is \
      byte for byte.
      """)
  var reformatPromql = false

  func run(environments: [StackEnvironment], console: Console) throws {
    let source = URL(fileURLWithPath: options.file).lastPathComponent
    let text = try options.read()
    let imported = try importing { () throws(ImportFailure) in
      try DashboardImporter.importDashboard(text, source: source, reformattingPromQL: reformatPromql)
    }
    options.report(imported.notes, differences: imported.differences, console: console)
    try options.write(DashboardSwiftPrinter.source(imported, typeName: options.typeName), console: console)
    try options.writeExpected(JSONWriter.write(imported.expected), to: expected)
  }
}
