/// A targets file for ``FileSD`` that `gen` writes under `prometheus/` (the path as the config
/// refers to it, relative to the config's folder): a list of ``TargetGroup``s, as JSON when the
/// path ends in `.json` and as YAML when it ends in `.yml` or `.yaml` — the two formats Prometheus
/// reads. Rendering it again with other groups (`DiscoveryLowering.targetsFile(_:)`) and writing
/// it in place is how targets change at run time: Prometheus picks the change up without a reload.
/// ```swift
/// FileSDTargets("targets/app.json") {
///   TargetGroup(targets: ["app-1:8080"], labels: ["env": "prod"])
///   TargetGroup(targets: ["app-canary:8080"], labels: ["env": "canary"])
/// }
/// ```
public struct FileSDTargets: Hashable, Sendable {
  public enum Format: String, Sendable { case json, yaml }

  /// The path under `prometheus/`, as it appears in the config's `files`.
  public var path: String
  public var groups: [TargetGroup]

  public init(_ path: String, @TargetGroupBuilder _ groups: () -> [TargetGroup]) {
    self.path = path
    self.groups = groups()
  }

  /// JSON for `.json`, YAML for `.yml`/`.yaml`; `nil` for any other extension (a diagnostic).
  /// ```swift
  /// FileSDTargets("targets/app.yml") {}.format   // .yaml
  /// ```
  public var format: Format? {
    if path.hasSuffix(".json") { return .json }
    if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { return .yaml }
    return nil
  }
}

/// Builds the targets files a ``FileSD`` writes.
@resultBuilder public enum FileSDTargetsBuilder: ListBuilder { public typealias Element = FileSDTargets }
