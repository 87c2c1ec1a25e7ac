/// The metric catalogue: each metric the app exports, with its type, help and labels. Dashboards and
/// rules select from it, so the compiler knows that a gauge has no `rate` and a histogram has buckets.
/// ```swift
/// enum App {
///   static let activeConnections = Metric.Gauge("app_active_connections", help: "Open WebSocket connections.")
///   static let messages = Metric.Counter("app_messages_total", help: "Messages processed.")
///   static let shutdown = Metric.Histogram("app_shutdown_duration_seconds", help: "Shutdown time.", buckets: [0.5, 1, 2.5, 5, 10])
/// }
/// ```
public enum Metric {
  /// What the exposition format declares (`# TYPE`).
  public enum Kind: Hashable, Sendable {
    case counter
    case gauge
    case histogram(buckets: [Double])
    case summary(quantiles: [Double])

    public var typeName: String {
      switch self {
      case .counter: "counter"
      case .gauge: "gauge"
      case .histogram: "histogram"
      case .summary: "summary"
      }
    }
  }

  /// A catalogue entry as data, whatever its kind.
  public struct Definition: Hashable, Sendable {
    public var name: String
    public var kind: Kind
    public var help: String
    public var labels: [String]
  }

  /// A monotonically increasing count: select it through `rate`, `irate` or `increase`.
  public struct Counter: Hashable, Sendable {
    public let definition: Definition
    public init(_ name: String, help: String, labels: [String] = []) {
      definition = Definition(name: name, kind: .counter, help: help, labels: labels)
    }
  }

  /// A value that goes up and down: select it directly.
  public struct Gauge: Hashable, Sendable {
    public let definition: Definition
    public init(_ name: String, help: String, labels: [String] = []) {
      definition = Definition(name: name, kind: .gauge, help: help, labels: labels)
    }
  }

  /// A classic histogram: `_bucket{le}`, `_sum` and `_count` series.
  public struct Histogram: Hashable, Sendable {
    public let definition: Definition
    public init(_ name: String, help: String, buckets: [Double], labels: [String] = []) {
      definition = Definition(name: name, kind: .histogram(buckets: buckets), help: help, labels: labels)
    }
    public var buckets: [Double] {
      if case .histogram(let buckets) = definition.kind { return buckets }
      return []
    }
  }

  /// A summary with precomputed quantiles (`{quantile}`), `_sum` and `_count`.
  public struct Summary: Hashable, Sendable {
    public let definition: Definition
    public init(_ name: String, help: String, quantiles: [Double], labels: [String] = []) {
      definition = Definition(name: name, kind: .summary(quantiles: quantiles), help: help, labels: labels)
    }
  }
}
