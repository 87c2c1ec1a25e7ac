/// One file `gen` owns: its path under the output folder, the spec it comes from, and its text.
public struct OutputFile: Hashable, Sendable {
  /// Relative to the output folder, with `/` separators, e.g. `grafana/dashboards/ops.json`.
  public var path: String
  /// The name `gen list` shows and `--only` selects, e.g. `dashboard/ops` or `prometheus/prometheus.yml`.
  public var spec: String
  public var contents: String

  public init(path: String, spec: String, contents: String) {
    self.path = path
    self.spec = spec
    self.contents = contents
  }
}
