import MonitoringDSL

/// The WebSocket app's metric catalogue: every metric the seed names, with its Prometheus type.
/// Dashboards and rules select from here, so a typo or a `rate` over a gauge does not compile.
enum App {
  static let activeConnections = Metric.Gauge("app_active_connections", help: "WebSocket connections open now.")
  static let connectionsOpened = Metric.Counter("app_connections_opened_total", help: "WebSocket connections opened.")
  static let connectionsClosed = Metric.Counter("app_connections_closed_total", help: "WebSocket connections closed.")
  static let sessionsTracked = Metric.Gauge("app_sessions_tracked", help: "Sessions the service tracks now.")
  static let messages = Metric.Counter("app_messages_total", help: "WebSocket messages processed.")
  static let errors = Metric.Counter("app_errors_total", help: "Errors while handling connections and messages.")
  /// Bucket bounds include the 5s KPI threshold, so the p95 alert flips exactly there.
  static let shutdownDuration = Metric.Histogram(
    "app_shutdown_duration_seconds", help: "Time a graceful shutdown took.", buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30])

  // Process metrics, exported by the client library.
  static let cpuSeconds = Metric.Counter("process_cpu_seconds_total", help: "User and system CPU time spent in seconds.")
  static let residentMemory = Metric.Gauge("process_resident_memory_bytes", help: "Resident memory size in bytes.")
  static let virtualMemory = Metric.Gauge("process_virtual_memory_bytes", help: "Virtual memory size in bytes.")
  static let startTime = Metric.Gauge("process_start_time_seconds", help: "Start time of the process since unix epoch in seconds.")

  static let all: [Metric.Definition] = [
    activeConnections.definition, connectionsOpened.definition, connectionsClosed.definition,
    sessionsTracked.definition, messages.definition, errors.definition, shutdownDuration.definition,
    cpuSeconds.definition, residentMemory.definition, virtualMemory.definition, startTime.definition,
  ]

  /// Selects the app's own job.
  static let job: [LabelMatcher] = [.equal("job", Stack.appJob)]
}
