import MonitoringDSL

/// The seed's KPI alert thresholds, in one place: change them here per environment, and the alerts,
/// their unit tests and the dashboard's threshold lines follow.
enum KPI {
  /// Active connections: alert when 0 for 60s.
  static let noConnectionsFor: PromDuration = "1m"
  /// Message rate: alert below 0.1 msg/s for 10m.
  static let minMessagesPerSecond = 0.1
  static let lowMessageRateFor: PromDuration = "10m"
  /// Error rate: alert above 10 errors/min for 2m.
  static let maxErrorsPerMinute = 10.0
  static let highErrorRateFor: PromDuration = "2m"
  /// Shutdown time: alert when the p95 exceeds 5s (a bucket bound of the histogram).
  static let maxShutdownP95Seconds = 5.0
  /// A target that cannot be scraped for this long is down (≥ 2× the scrape interval).
  static let targetDownFor: PromDuration = "1m"
}
