/// A recording rule, named `level:metric:operations` (for example `job:app_messages:rate5m`).
/// Its result is a new series that dashboards and alerts select with ``select(_:)``.
/// ```swift
/// static let messageRate = RecordingRule("job:app_messages:rate5m",
///                                        expr: App.messages.rate("5m").sum(by: ["job"]))
/// let alert = messageRate.select([.equal("job", "websocket-app")]).lessThan(0.1)
/// ```
public struct RecordingRule: Hashable, Sendable, CopyModifying {
  public var name: String
  public var expr: PromQL
  public var labels: [String: String] = [:]
  public var test: RecordingTest?
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []

  public init(_ name: String, expr: PromQL) {
    self.name = name
    self.expr = expr
  }

  public func labels(_ labels: [String: String]) -> RecordingRule { with { $0.labels = labels } }
  public func test(_ test: RecordingTest) -> RecordingRule { with { $0.test = test } }

  /// The recorded series, as a gauge-like selector (already a rate or an aggregate).
  public func select(_ matchers: [LabelMatcher] = []) -> PromQL {
    .selector(
      name: name, matchers: matchers,
      metric: Metric.Definition(name: name, kind: .gauge, help: "recording rule", labels: []))
  }
}
