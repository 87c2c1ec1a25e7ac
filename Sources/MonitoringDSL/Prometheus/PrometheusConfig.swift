/// A Prometheus server configuration file (`prometheus.yml`): global settings, rule files,
/// Alertmanagers and scrape jobs.
/// ```swift
/// PrometheusConfig("simple-prometheus.yml") {
///   ScrapeJob("prometheus", targets: ["localhost:9090"])
///   ScrapeJob("websocket-app", targets: ["host.docker.internal:80"]).metricsPath("/metrics")
/// }
/// .global(scrapeInterval: "15s", evaluationInterval: "15s")
/// .remoteWrite { RemoteWrite.mimir(url: "http://mimir:9009/api/v1/push", tenant: "websocket") }
/// ```
/// An HA pair is one config with ``replicas(_:label:)``; an agent (`--enable-feature=agent`) is
/// ``agent()``, written to `prometheus/agent/`.
public struct PrometheusConfig: Hashable, Sendable, RawJSONCarrying {
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
  public var remoteWrites: [RemoteWrite] = []
  /// A server evaluates rules and alerts; an agent only scrapes and remote-writes.
  public var mode: Mode = .server
  /// Whether the server accepts remote writes from other servers (``receivingRemoteWrite()``).
  public var receivesRemoteWrite = false
  /// The Prometheus release the file is for; newer keys are diagnostics.
  public var target: PrometheusVersion = .default
  /// Set on a config brought in by `gen import prometheus`. Spared conventions real configs break
  /// legitimately: a job may have no typed targets (service discovery or static configs kept raw),
  /// a target may leave its port to the scheme's default, and the targets of a job with relabel
  /// rules are not checked (they may be URLs that the rules turn into `__param_target`, as for the
  /// blackbox exporter). Every other check still applies.
  public var importedFrom: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public enum Mode: String, Sendable { case server, agent }

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
  public func remoteWrite(@RemoteWriteBuilder _ destinations: () -> [RemoteWrite]) -> PrometheusConfig {
    with { $0.remoteWrites += destinations() }
  }
  /// Agent mode: scrape and remote-write only (no rule files, no Alertmanagers); checked with
  /// `promtool check config --agent` and run with `--enable-feature=agent` (2.x) or `--agent` (3.x).
  public func agent() -> PrometheusConfig { with { $0.mode = .agent } }
  /// A receiving server: other servers and agents remote-write into it
  /// (`--web.enable-remote-write-receiver`, see ``commandLine(configFolder:storagePath:)``).
  public func receivingRemoteWrite() -> PrometheusConfig { with { $0.receivesRemoteWrite = true } }

  /// The configs of an HA pair (or more): the same config once per replica id, each written to
  /// `<stem>-<id>.yml` with `external_labels[label] = id`, so every server's series and alerts are
  /// unique (what Thanos, Mimir and Alertmanager deduplicate on).
  /// ```swift
  /// config.replicas(["a", "b"])   // simple-prometheus-a.yml, simple-prometheus-b.yml
  /// ```
  public func replicas(_ ids: [String], label: String = "replica") -> [PrometheusConfig] {
    let stem = fileName.hasSuffix(".yml") ? String(fileName.dropLast(4)) : fileName
    return ids.map { id in
      with {
        $0.fileName = "\(stem)-\(id).yml"
        $0.externalLabels[label] = id
      }
    }
  }

  /// Marks a config as imported (see ``importedFrom``).
  /// ```swift
  /// PrometheusConfig("prometheus.yml") { … }.imported(from: "prometheus.yml")
  /// ```
  public func imported(from source: String) -> PrometheusConfig { with { $0.importedFrom = source } }

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
