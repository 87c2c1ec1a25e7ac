import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringLive
import MonitoringRender

/// `gen verify --prometheus URL`: every dashboard query, variable, annotation and rule of an environment
/// asked of the running Prometheus: do its selectors match series, are the labels it uses there,
/// does the server's metadata agree with the catalogue, does it return something. Exit 1 when anything
/// is empty or wrong.
struct Verify: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check every panel, variable, annotation and rule against a running Prometheus: does it see data?",
    discussion: """
      Prints one line per query (dashboard › row › panel › query, rules › group › rule) with what was found.
      Exits 0 when everything has data, 1 when something is empty or wrong (a panel marked \
      .expectedEmpty(because:) may be empty). With --dashboard, checks those dashboard files instead of the specs'. \
      With --alertmanager, also that Prometheus sends to an Alertmanager and that each firing alert is in the one given.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @OptionGroup var options: OutputOptions
  @OptionGroup var servers: LiveServerOptions

  @Option(help: "text, markdown or json.")
  var format: Format = .text

  @Option(help: "The recent window selectors must match series in (a duration: 1h, 30m).")
  var window: String = "1h"

  @Option(help: "Requests in flight at most.")
  var concurrency: Int = 8

  @Option(name: .customLong("dashboard"), help: "Check this dashboard JSON file instead of the specs' dashboards and rules (repeatable).")
  var dashboardFiles: [String] = []

  func validate() throws {
    guard PromDuration(window).milliseconds.map({ $0 >= 1000 }) == true else { throw ValidationError("--window takes a duration of 1s or more, not \(window)") }
    guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1") }
  }

  func run(environments: [StackEnvironment], console: Console) throws {
    guard let prometheus = try servers.prometheusEndpoint() else { throw ValidationError("gen verify needs --prometheus URL") }
    _ = try options.render(environments, console: console)  // the specs must validate first
    let chosen = try options.environments(environments)
    guard chosen.count == 1, let environment = chosen.first else {
      throw ValidationError("choose the environment the servers run with --environment (\(environments.map(\.name).joined(separator: ", ")))")
    }
    var catalog = try environment.catalog(options.overrides)
    var isSelected: (String) -> Bool = { options.isSelected(spec: environment.name + "/" + $0) }
    if !dashboardFiles.isEmpty {
      catalog.dashboards = try dashboardFiles.map { path in
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw GenError.io("cannot read \(path)") }
        let source = URL(fileURLWithPath: path).lastPathComponent
        return try importing { () throws(ImportFailure) in try DashboardImporter.importDashboard(text, source: source) }.dashboard
      }
      catalog.ruleFiles = []
      isSelected = { _ in true }
    }
    var verifier = Verifier(prometheus: prometheus, catalog: catalog)
    verifier.window = (PromDuration(window).milliseconds ?? 3_600_000) / 1000
    verifier.concurrency = concurrency
    verifier.alertmanager = try servers.alertmanagerEndpoint()
    let items = VerifyItem.items(of: catalog, isSelected: isSelected)
    let onTerminal = isatty(STDERR_FILENO) == 1
    let results = ThreadExecutor.waitFor { [verifier] in
      await verifier.verify(items) { done, total in
        if onTerminal { console.err("\rverify: \(done)/\(total)" + (done == total ? "\n" : "")) }
      }
    }
    switch format {
    case .text: console.out(VerifyReport.text(results))
    case .markdown: console.out(VerifyReport.markdown(results))
    case .json: console.out(VerifyReport.json(results) + "\n")
    }
    if results.contains(where: \.status.isFinding) { throw ExitCode.failure }
  }
}
