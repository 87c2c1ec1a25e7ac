import Prometheus

/// The app's Prometheus instruments, named, typed and described exactly as the metric catalogue
/// (`specs/App.swift` of the monitoring-as-code project) lists them.
struct AppMetrics: Sendable {
  /// The Content-Type of the text exposition format; Prometheus 3 rejects scrapes without a valid one.
  static let contentType = "text/plain; version=0.0.4; charset=utf-8"
  /// Bucket bounds of `app_shutdown_duration_seconds`; they include the 5 s KPI threshold.
  static let shutdownBuckets: [Double] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

  let activeConnections: Gauge
  let connectionsOpened: Counter
  let connectionsClosed: Counter
  let sessionsTracked: Gauge
  let messages: Counter
  let errors: Counter
  let shutdownDuration: ValueHistogram

  private let registry: PrometheusCollectorRegistry
  private let process: ProcessCollector

  init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), process: ProcessCollector = ProcessCollector()) {
    self.registry = registry
    self.process = process
    activeConnections = registry.makeGauge(
      descriptor: Self.named("app_active_connections", help: "WebSocket connections open now."))
    connectionsOpened = registry.makeCounter(
      descriptor: Self.named("app_connections_opened_total", help: "WebSocket connections opened."))
    connectionsClosed = registry.makeCounter(
      descriptor: Self.named("app_connections_closed_total", help: "WebSocket connections closed."))
    sessionsTracked = registry.makeGauge(
      descriptor: Self.named("app_sessions_tracked", help: "Sessions the service tracks now."))
    messages = registry.makeCounter(
      descriptor: Self.named("app_messages_total", help: "WebSocket messages processed."))
    errors = registry.makeCounter(
      descriptor: Self.named("app_errors_total", help: "Errors while handling connections and messages."))
    shutdownDuration = registry.makeValueHistogram(
      descriptor: Self.named("app_shutdown_duration_seconds", help: "Time a graceful shutdown took."),
      buckets: Self.shutdownBuckets)
  }

  /// A descriptor for a full metric name, written out whole so it reads as in the catalogue.
  private static func named(_ name: String, help: String) -> MetricNameDescriptor {
    MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
  }

  /// Every metric in the Prometheus text format: the registry's families, then the process metrics read now.
  func exposition() -> String {
    registry.emitToString() + process.exposition()
  }
}
