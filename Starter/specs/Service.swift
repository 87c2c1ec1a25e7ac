import MonitoringDSL

/// The service this repository monitors: its name is the scrape job every query and alert selects.
enum Service {
  static let name = "orders"
  /// Selects the service's own series.
  static let job: [LabelMatcher] = [.equal("job", name)]
  /// The scrape interval everything else derives from (Grafana's `$__rate_interval` included).
  static let scrapeInterval: PromDuration = "15s"
  static let runbook = "https://runbooks.example.com/\(name)"
}

/// The metric catalogue: what the service exports, with its type and labels. A gauge has no `rate`,
/// a histogram knows its buckets, and a selector on a label not listed here is an error.
enum Metrics {
  static let requests = Metric.Counter(
    "http_requests_total", help: "HTTP requests served, by status code and handler.", labels: ["code", "handler"])
  /// The bounds include the 0.5 s latency objective, so the p95 alert flips exactly there.
  static let requestDuration = Metric.Histogram(
    "http_request_duration_seconds", help: "Time to serve an HTTP request.",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], labels: ["handler"])
  static let inFlight = Metric.Gauge("http_requests_in_flight", help: "HTTP requests being served now.")

  static let all: [Metric.Definition] = [requests.definition, requestDuration.definition, inFlight.definition]
}
