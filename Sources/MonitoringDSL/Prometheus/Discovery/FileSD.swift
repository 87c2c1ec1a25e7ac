/// `file_sd_configs`: targets read from JSON or YAML files that Prometheus watches and re-reads
/// when they change. The files are either written by `gen` from typed target groups
/// (``FileSDTargets``, beside the config under `prometheus/`), or other files and globs that
/// something else maintains (`files`). Relative paths are relative to the config's folder, as
/// Prometheus resolves them. Every target gets `__meta_filepath`, the file it came from.
/// ```swift
/// FileSD(refreshInterval: "1m") {
///   FileSDTargets("targets/app.json") {
///     TargetGroup(targets: ["app-1:8080", "app-2:8080"], labels: ["env": "prod"])
///   }
/// }
/// FileSD(files: ["/etc/prometheus/targets/*.yml"])
/// ```
public struct FileSD: Hashable, Sendable {
  /// Files and globs Prometheus reads that `gen` does not write.
  public var files: [String]
  /// The target files `gen` writes and lists first in `files`.
  public var targets: [FileSDTargets]
  /// How often Prometheus re-reads the files besides watching them (its default: 5m).
  public var refreshInterval: PromDuration?

  public init(
    files: [String] = [], refreshInterval: PromDuration? = nil,
    @FileSDTargetsBuilder writing targets: () -> [FileSDTargets] = { [] }
  ) {
    self.files = files
    self.refreshInterval = refreshInterval
    self.targets = targets()
  }

  /// Every path of the `files` list: the written files first, then the others.
  /// ```swift
  /// FileSD(files: ["more/*.json"]) { FileSDTargets("targets/app.json") {} }.allFiles   // ["targets/app.json", "more/*.json"]
  /// ```
  public var allFiles: [String] { targets.map(\.path) + files }
}
