import ArgumentParser
import MonitoringDSL
import MonitoringLive
import MonitoringRender

/// `gen diff`: what the specs render now against the output folder (or its state at `--base REF`, or
/// what the running servers have loaded with `--live`), as a semantic change list grouped by item.
/// Exit code 1 when anything changed.
struct Diff: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print what the specs change, item by item, against the output folder or a git ref.",
    discussion: "Exits 0 when nothing changed, 1 when something did (or the specs do not validate).")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @OptionGroup var options: OutputOptions

  @Option(help: "Compare against the output folder as committed at this git ref (e.g. origin/main).")
  var base: String?

  @Option(help: "text, markdown (for a pull request) or json.")
  var format: Format = .text

  @Flag(help: "Compare against what the running servers have loaded (--prometheus, --alertmanager): the config and rules.")
  var live = false

  @OptionGroup var servers: LiveServerOptions

  func validate() throws {
    if live, base != nil { throw ValidationError("--live and --base compare against different things; choose one") }
    if live, servers.prometheus == nil, servers.alertmanager == nil { throw ValidationError("--live needs --prometheus or --alertmanager") }
    if live, options.environment == nil { throw ValidationError("--live needs the --environment the servers run") }
  }

  func run(environments: [StackEnvironment], console: Console) throws {
    let (selected, _) = try options.render(environments, console: console)
    if live {
      try report(liveChanges(selected), console: console)
      return
    }
    let baseOutput = try BaseOutput(ref: base, output: options.output)
    let old = baseOutput.files.filter { path, _ in isSelected(basePath: path, manifest: baseOutput.manifest) }
    let new = Dictionary(selected.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    try report(SemanticDiff.changes(old: old, new: new), console: console)
  }

  private func report(_ changes: [Change], console: Console) throws {
    switch format {
    case .text: console.out(ChangeReport.text(changes))
    case .markdown: console.out(ChangeReport.markdown(changes))
    case .json: console.out(ChangeReport.json(changes))
    }
    if !changes.isEmpty { throw ExitCode.failure }
  }

  /// The rendered Prometheus configs, rule files and Alertmanager config against what the servers loaded.
  private func liveChanges(_ selected: [OutputFile]) throws -> [Change] {
    let compared = selected.filter { file in
      let local = file.path.split(separator: "/").dropFirst().joined(separator: "/")
      let prometheus = servers.prometheus != nil && local.hasPrefix("prometheus/") && !local.hasPrefix("prometheus/tests/")
      let alertmanager = servers.alertmanager != nil && local.hasPrefix("alertmanager/") && !local.hasPrefix("alertmanager/tests/")
      return (prometheus || alertmanager) && (local.hasSuffix(".yml") || local.hasSuffix(".yaml"))
    }
    let prometheus = try servers.prometheusEndpoint()
    let alertmanager = try servers.alertmanagerEndpoint()
    let loaded = try ThreadExecutor.waitFor { () async -> Result<[String: String], LiveError> in
      do throws(LiveError) {
        return .success(try await LiveConfigs.loaded(rendered: compared, prometheus: prometheus, alertmanager: alertmanager))
      } catch {
        return .failure(error)
      }
    }.mapError { GenError.io($0.description) }.get()
    return LiveConfigs.changes(loaded: loaded, rendered: compared)
  }

  /// A base file is selected like the spec that wrote it; without a manifest entry, by its folder.
  private func isSelected(basePath path: String, manifest: Manifest?) -> Bool {
    if let spec = manifest?.entries[path] { return options.isSelected(spec: spec) }
    return options.only == nil && (options.environment.map { path.hasPrefix($0 + "/") } ?? true)
  }
}
