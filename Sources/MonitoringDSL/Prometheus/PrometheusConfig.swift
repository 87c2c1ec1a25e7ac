/// A Prometheus server configuration file (`prometheus.yml`): global settings, rule files,
/// Alertmanagers and scrape jobs.
/// ```swift
/// PrometheusConfig("simple-prometheus.yml") {
///   ScrapeJob("prometheus", targets: ["localhost:9090"])
///   ScrapeJob("websocket-app", targets: ["host.docker.internal:80"]).metricsPath("/metrics")
/// }
/// .global(scrapeInterval: "15s", evaluationInterval: "15s")
/// ```
public struct PrometheusConfig: Hashable, Sendable, CopyModifying {
  /// The file name under `generated/prometheus/`.
  public var fileName: String
  public var scrapeInterval: PromDuration = "1m"
  public var scrapeTimeout: PromDuration = "10s"
  public var evaluationInterval: PromDuration = "1m"
  public var externalLabels: [String: String] = [:]
  /// Rule file paths or globs as Prometheus sees them (inside its container).
  public var ruleFiles: [String] = []
  public var alertmanagers: [AlertmanagerTarget] = []
  public var jobs: [ScrapeJob]
  /// The Prometheus release the file is for; newer keys are diagnostics.
  public var target: PrometheusVersion = .default

  public init(_ fileName: String, @ScrapeJobBuilder jobs: () -> [ScrapeJob]) {
    self.fileName = fileName
    self.jobs = jobs()
  }

  public func global(
    scrapeInterval: PromDuration, scrapeTimeout: PromDuration = "10s", evaluationInterval: PromDuration
  ) -> PrometheusConfig {
    with {
      $0.scrapeInterval = scrapeInterval
      $0.scrapeTimeout = scrapeTimeout
      $0.evaluationInterval = evaluationInterval
    }
  }
  /// Labels added to every series and alert leaving this server (federation, remote write, Alertmanager).
  public func externalLabels(_ labels: [String: String]) -> PrometheusConfig { with { $0.externalLabels = labels } }
  public func ruleFiles(_ files: [String]) -> PrometheusConfig { with { $0.ruleFiles = files } }
  public func target(_ version: PrometheusVersion) -> PrometheusConfig { with { $0.target = version } }
  public func alertmanagers(_ targets: [AlertmanagerTarget]) -> PrometheusConfig {
    with { $0.alertmanagers = targets }
  }
}

/// Alertmanagers that Prometheus sends alerts to (one `alerting.alertmanagers` entry).
/// ```swift
/// AlertmanagerTarget(targets: ["alertmanager:9093"])
/// ```
public struct AlertmanagerTarget: Hashable, Sendable {
  public var targets: [String]
  public var scheme: ScrapeJob.Scheme
  public var pathPrefix: String?
  public var timeout: PromDuration?

  public init(
    targets: [String], scheme: ScrapeJob.Scheme = .http, pathPrefix: String? = nil, timeout: PromDuration? = nil
  ) {
    self.targets = targets
    self.scheme = scheme
    self.pathPrefix = pathPrefix
    self.timeout = timeout
  }
}
