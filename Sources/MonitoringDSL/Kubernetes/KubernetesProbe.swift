/// A blackbox-exporter probe as a `Probe` resource (`monitoring.coreos.com/v1`): the operator's
/// Prometheus asks the prober (`<prober>/probe?module=<module>&target=<target>`) about each target
/// and stores the answer (`probe_success`, `probe_duration_seconds`, …) under the probe's job name.
/// The targets are static URLs or host names, or the hosts of the Ingresses a selector picks.
/// ```swift
/// KubernetesProbe.staticTargets("websites", module: "http_2xx", prober: "blackbox-exporter.monitoring.svc:9115",
///                               targets: ["https://example.org", "https://status.example.org"])
///   .interval("30s")
///   .labels(["team": "web"])
/// KubernetesProbe.ingresses("ingresses", module: "http_2xx", prober: "blackbox-exporter.monitoring.svc:9115",
///                           selector: ["probe": "enabled"], namespaces: ["websocket"])
/// ```
public struct KubernetesProbe: Hashable, Sendable, CopyModifying {
  /// What the probe asks the prober about.
  /// ```swift
  /// let targets = KubernetesProbe.Targets.ingresses(selector: ["probe": "enabled"], namespaces: [])
  /// ```
  public enum Targets: Hashable, Sendable {
    /// These URLs or `host:port`s (`targets.staticConfig.static`).
    case `static`([String])
    /// The hosts of the Ingresses labelled `selector`, in `namespaces` (empty: the probe's own).
    case ingresses(selector: [String: String], namespaces: [String])
  }

  /// The resource's name, and the job name unless ``jobName`` is set.
  public var name: String
  /// The prober's `host:port` (the blackbox exporter's Service), without a scheme.
  public var prober: String
  /// `http` or `https` for the prober; `nil` keeps the operator's `http`.
  public var proberScheme: ScrapeJob.Scheme?
  /// The prober's probe path; `nil` keeps `/probe`.
  public var proberPath: String?
  /// The blackbox exporter module (`http_2xx`, `tcp_connect`, `icmp`, …) as its config names it.
  public var module: String
  public var targets: Targets
  public var interval: PromDuration?
  public var scrapeTimeout: PromDuration?
  /// Labels every probed target's series carry.
  public var labels: [String: String] = [:]
  /// The `job` label of the series; `nil` is the operator's default, `probe/<namespace>/<name>`.
  public var jobName: String?

  /// A probe of `targets` through the blackbox exporter at `prober` (`host:port`) with `module`;
  /// ``staticTargets(_:module:prober:targets:)`` and ``ingresses(_:module:prober:selector:namespaces:)`` read better.
  /// ```swift
  /// KubernetesProbe("websites", module: "http_2xx", prober: "blackbox-exporter:9115", targets: .static(["https://example.org"]))
  /// ```
  public init(_ name: String, module: String, prober: String, targets: Targets) {
    self.name = name
    self.module = module
    self.prober = prober
    self.targets = targets
  }

  /// A probe of fixed targets.
  /// ```swift
  /// KubernetesProbe.staticTargets("websites", module: "http_2xx", prober: "blackbox-exporter:9115",
  ///                               targets: ["https://example.org"])
  /// ```
  public static func staticTargets(_ name: String, module: String, prober: String, targets: [String]) -> KubernetesProbe {
    KubernetesProbe(name, module: module, prober: prober, targets: .static(targets))
  }

  /// A probe of the hosts of the Ingresses labelled `selector`.
  /// ```swift
  /// KubernetesProbe.ingresses("ingresses", module: "http_2xx", prober: "blackbox-exporter:9115",
  ///                           selector: ["probe": "enabled"], namespaces: ["websocket"])
  /// ```
  public static func ingresses(
    _ name: String, module: String, prober: String, selector: [String: String], namespaces: [String] = []
  ) -> KubernetesProbe {
    KubernetesProbe(name, module: module, prober: prober, targets: .ingresses(selector: selector, namespaces: namespaces))
  }

  /// How often each target is probed.
  /// ```swift
  /// probe.interval("30s")
  /// ```
  public func interval(_ interval: PromDuration) -> KubernetesProbe { with { $0.interval = interval } }
  /// How long one probe may take (at most the interval).
  /// ```swift
  /// probe.scrapeTimeout("10s")
  /// ```
  public func scrapeTimeout(_ timeout: PromDuration) -> KubernetesProbe { with { $0.scrapeTimeout = timeout } }
  /// Labels on every target's series.
  /// ```swift
  /// probe.labels(["team": "web"])
  /// ```
  public func labels(_ labels: [String: String]) -> KubernetesProbe { with { $0.labels = labels } }
  /// The series' `job` label (the operator's default is `probe/<namespace>/<name>`).
  /// ```swift
  /// probe.jobName("blackbox-http")
  /// ```
  public func jobName(_ job: String) -> KubernetesProbe { with { $0.jobName = job } }
  /// How the prober is reached: `https`, or another probe path than `/probe` (what is not given stays).
  /// ```swift
  /// probe.prober(scheme: .https, path: "/blackbox/probe")
  /// ```
  public func prober(scheme: ScrapeJob.Scheme? = nil, path: String? = nil) -> KubernetesProbe {
    with {
      $0.proberScheme = scheme ?? $0.proberScheme
      $0.proberPath = path ?? $0.proberPath
    }
  }
}

/// Builds the probes of a ``KubernetesDeployment``.
/// ```swift
/// deployment.probes { KubernetesProbe.staticTargets("websites", module: "http_2xx", prober: "blackbox:9115", targets: ["https://example.org"]) }
/// ```
@resultBuilder public enum KubernetesProbeBuilder: ListBuilder { public typealias Element = KubernetesProbe }
