import ArgumentParser
import MonitoringDSL
import MonitoringRender

/// `gen diff`: what the specs render now against the output folder (or its state at `--base REF`),
/// as a semantic change list grouped by item. Exit code 1 when anything changed.
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

  func run(environments: [StackEnvironment], console: Console) throws {
    let (selected, _) = try options.render(environments, console: console)
    let baseOutput = try BaseOutput(ref: base, output: options.output)
    let old = baseOutput.files.filter { path, _ in isSelected(basePath: path, manifest: baseOutput.manifest) }
    let new = Dictionary(selected.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    let changes = SemanticDiff.changes(old: old, new: new)
    switch format {
    case .text: console.out(ChangeReport.text(changes))
    case .markdown: console.out(ChangeReport.markdown(changes))
    case .json: console.out(ChangeReport.json(changes))
    }
    if !changes.isEmpty { throw ExitCode.failure }
  }

  /// A base file is selected like the spec that wrote it; without a manifest entry, by its folder.
  private func isSelected(basePath path: String, manifest: Manifest?) -> Bool {
    if let spec = manifest?.entries[path] { return options.isSelected(spec: spec) }
    return options.only == nil && (options.environment.map { path.hasPrefix($0 + "/") } ?? true)
  }
}
