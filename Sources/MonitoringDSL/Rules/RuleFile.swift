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

  public init(_ fileName: String, @RuleGroupBuilder groups: () -> [RuleGroup]) {
    self.fileName = fileName
    self.groups = groups()
  }

  public func target(_ version: PrometheusVersion) -> RuleFile { with { $0.target = version } }
}
