/// One Prometheus scrape job: static targets and/or service discovery (``discover(_:)``).
/// ```swift
/// ScrapeJob("websocket-app", targets: ["host.docker.internal:80"])
///   .metricsPath("/metrics")
///   .interval("15s")
///   .labels(["service": "websocket"])
///   .metricRelabel { RelabelRule.drop(metricsMatching: "go_gc_.*") }
/// ScrapeJob("pods")
///   .discover { KubernetesSD(role: .pod, namespaces: ["websocket"]) }
///   .relabel { RelabelRule.keepIfAnnotated("prometheus.io/scrape") }
/// ```
public struct ScrapeJob: Hashable, Sendable, RawJSONCarrying {
  public enum Scheme: String, Sendable { case http, https }

  public var name: String
  /// Static targets (`static_configs`); may be empty when the job discovers its targets.
  public var targets: [String]
  /// Labels attached to every static target of the job.
  public var labels: [String: String] = [:]
  public var metricsPath = "/metrics"
  /// URL parameters of the scrape (`params`), e.g. `match[]` of a federation job.
  public var params: [String: [String]] = [:]
  public var scheme: Scheme = .http
  public var interval: PromDuration?
  public var timeout: PromDuration?
  public var honorLabels = false
  public var sampleLimit: Int?
  /// Service discovery mechanisms, written as their `*_sd_configs` lists in this order of kinds:
  /// file, HTTP, DNS, Kubernetes, Consul.
  public var discovery: [ServiceDiscovery] = []
  public var relabelRules: [RelabelRule] = []
  public var metricRelabelRules: [RelabelRule] = []
  public var authorization: ScrapeAuthorization?
  public var tls: TLSConfig?
  /// Keeps dropped targets on the targets page, at most this many (Prometheus ≥ 2.47).
  public var keepDroppedTargets: Int?
  /// The format to assume when a target sends no valid Content-Type (Prometheus ≥ 3.0, which
  /// otherwise fails such scrapes).
  public var fallbackScrapeProtocol: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(_ name: String, targets: [String] = []) {
    self.name = name
    self.targets = targets
  }

  public func metricsPath(_ path: String) -> ScrapeJob { with { $0.metricsPath = path } }
  public func params(_ params: [String: [String]]) -> ScrapeJob { with { $0.params.merge(params) { _, new in new } } }
  public func scheme(_ scheme: Scheme) -> ScrapeJob { with { $0.scheme = scheme } }
  public func interval(_ interval: PromDuration) -> ScrapeJob { with { $0.interval = interval } }
  public func timeout(_ timeout: PromDuration) -> ScrapeJob { with { $0.timeout = timeout } }
  public func labels(_ labels: [String: String]) -> ScrapeJob { with { $0.labels = labels } }
  public func honorLabels(_ honor: Bool = true) -> ScrapeJob { with { $0.honorLabels = honor } }
  public func sampleLimit(_ limit: Int) -> ScrapeJob { with { $0.sampleLimit = limit } }
  /// Adds service discovery mechanisms.
  /// ```swift
  /// ScrapeJob("nodes").discover { DNSSD(names: ["node.internal"], type: .a, port: 9100) }
  /// ```
  public func discover(@ServiceDiscoveryBuilder _ mechanisms: () -> [ServiceDiscovery]) -> ScrapeJob {
    with { $0.discovery += mechanisms() }
  }
  public func relabel(@RelabelRuleBuilder _ rules: () -> [RelabelRule]) -> ScrapeJob {
    with { $0.relabelRules += rules() }
  }
  public func metricRelabel(@RelabelRuleBuilder _ rules: () -> [RelabelRule]) -> ScrapeJob {
    with { $0.metricRelabelRules += rules() }
  }
  /// Basic auth whose password Prometheus reads from a file, so no secret is in the config.
  public func basicAuth(username: String, passwordFile: String) -> ScrapeJob {
    with { $0.authorization = .basic(username: username, passwordFile: passwordFile) }
  }
  /// A bearer token that Prometheus reads from a file.
  public func bearerToken(file: String) -> ScrapeJob { with { $0.authorization = .bearer(credentialsFile: file) } }
  public func tls(_ tls: TLSConfig) -> ScrapeJob { with { $0.tls = tls } }
  public func keepDroppedTargets(_ limit: Int) -> ScrapeJob { with { $0.keepDroppedTargets = limit } }
  /// e.g. `.fallbackScrapeProtocol("PrometheusText0.0.4")`.
  public func fallbackScrapeProtocol(_ proto: String) -> ScrapeJob { with { $0.fallbackScrapeProtocol = proto } }
}

extension ScrapeJob {
  /// A federation job: scrapes `/federate` of the servers at `targets` for the series matching
  /// `selectors` (`match[]`), keeping their labels (`honor_labels`). Meant for aggregated series.
  /// ```swift
  /// ScrapeJob.federate("federate", targets: ["prometheus-a:9090"], matching: [#"{__name__=~"job:.*"}"#])
  /// ```
  public static func federate(_ name: String, targets: [String], matching selectors: [String]) -> ScrapeJob {
    ScrapeJob(name, targets: targets).metricsPath("/federate").honorLabels().params(["match[]": selectors])
  }

  /// A federation job pulling every recording rule of `files` upward, one `match[]` per rule name.
  /// ```swift
  /// ScrapeJob.federate("federate", targets: ["prometheus-a:9090"], recordingRulesOf: [WebSocketRules.file])
  /// ```
  public static func federate(_ name: String, targets: [String], recordingRulesOf files: [RuleFile]) -> ScrapeJob {
    let names = files.flatMap(\.groups).flatMap(\.rules).compactMap { rule -> String? in
      if case .record(let record) = rule { return record.name }
      return nil
    }
    return federate(name, targets: targets, matching: names.map { "{__name__=\"\($0)\"}" })
  }
}

/// How Prometheus authenticates to a target. Secrets always come from files.
public enum ScrapeAuthorization: Hashable, Sendable {
  case basic(username: String, passwordFile: String)
  case bearer(credentialsFile: String)
}

/// TLS settings for scraping over https.
/// ```swift
/// TLSConfig(caFile: "/etc/prometheus/ca.pem", serverName: "app.internal")
/// ```
public struct TLSConfig: Hashable, Sendable {
  public var caFile: String?
  public var certFile: String?
  public var keyFile: String?
  public var serverName: String?
  public var insecureSkipVerify: Bool

  public init(
    caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, serverName: String? = nil,
    insecureSkipVerify: Bool = false
  ) {
    self.caFile = caFile
    self.certFile = certFile
    self.keyFile = keyFile
    self.serverName = serverName
    self.insecureSkipVerify = insecureSkipVerify
  }
}

@resultBuilder public enum ScrapeJobBuilder: ListBuilder { public typealias Element = ScrapeJob }
