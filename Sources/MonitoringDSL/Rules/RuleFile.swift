/// A Prometheus rule file, written to `prometheus/rules/<fileName>` with its generated unit tests in
/// `prometheus/tests/`. Point a ``PrometheusConfig`` at it with `.ruleFiles(["rules/*.yml"])`.
/// ```swift
/// RuleFile("websocket.rules.yml") {
///   RuleGroup("websocket.recording", interval: "15s") { messageRate }
///   RuleGroup("websocket.alerts", interval: "15s") { highErrorRate }
/// }
/// ```
public struct RuleFile: Hashable, Sendable, CopyModifying {
  public var fileName: String
  public var groups: [RuleGroup]
  public var target: PrometheusVersion = .default
  /// The scrape interval of the series the rules read, for the `rate` range check (≥ 4×).
  public var scrapeInterval: PromDuration?
  /// Set on a file brought in by `gen import rules`: the naming and annotation conventions `gen`
  /// enforces on new rules (CamelCase, a static summary sentence, a templated description,
  /// level:metric:operations names) are not enforced on it; every other check still is.
  public var importedFrom: String?

  public init(_ fileName: String, @RuleGroupBuilder groups: () -> [RuleGroup]) {
    self.fileName = fileName
    self.groups = groups()
  }

  public func target(_ version: PrometheusVersion) -> RuleFile { with { $0.target = version } }
  /// ```swift
  /// RuleFile("node.rules.yml") { … }.imported(from: "node-exporter.rules.yml")
  /// ```
  public func imported(from source: String) -> RuleFile { with { $0.importedFrom = source } }
}
