/// How one scrape job of the catalog is discovered in the cluster: a `ServiceMonitor` (through a
/// Service's *named* port), a `PodMonitor` (through a container's named port) or a `ScrapeConfig`
/// (`monitoring.coreos.com/v1alpha1`: the job itself, its static targets and service discovery). The endpoint's path,
/// scheme, interval, timeout, relabelings and sample limit come from the ``ScrapeJob`` of that name; its
/// static labels and the job name itself become relabelings, so every series keeps the labels the
/// rules and dashboards select on.
/// ```swift
/// KubernetesMonitor.service("websocket-app", port: "metrics", selector: ["app": "websocket-app"])
/// KubernetesMonitor.pod("worker", port: "metrics", selector: ["app": "worker"], namespaces: ["jobs"])
/// KubernetesMonitor.scrapeConfig("consul-services")
/// ```
public struct KubernetesMonitor: Hashable, Sendable {
  public enum Kind: String, Sendable {
    case serviceMonitor = "ServiceMonitor"
    case podMonitor = "PodMonitor"
    case scrapeConfig = "ScrapeConfig"
  }

  /// The ``ScrapeJob`` name this monitor stands for.
  public var job: String
  public var kind: Kind
  /// The named port of the Service (ServiceMonitor) or container (PodMonitor); empty for a ScrapeConfig.
  public var port: String
  /// `spec.selector.matchLabels`: the labels of the Services or Pods to scrape.
  public var selector: [String: String]
  /// Namespaces to look in (`namespaceSelector.matchNames`); empty means the monitor's own namespace.
  public var namespaces: [String]

  public init(job: String, kind: Kind, port: String, selector: [String: String], namespaces: [String] = []) {
    self.job = job
    self.kind = kind
    self.port = port
    self.selector = selector
    self.namespaces = namespaces
  }

  public static func service(_ job: String, port: String, selector: [String: String], namespaces: [String] = []) -> KubernetesMonitor {
    KubernetesMonitor(job: job, kind: .serviceMonitor, port: port, selector: selector, namespaces: namespaces)
  }

  public static func pod(_ job: String, port: String, selector: [String: String], namespaces: [String] = []) -> KubernetesMonitor {
    KubernetesMonitor(job: job, kind: .podMonitor, port: port, selector: selector, namespaces: namespaces)
  }
}

extension KubernetesMonitor {
  /// The job as a `ScrapeConfig` resource: its static targets, service discovery (file, HTTP, DNS,
  /// Kubernetes, Consul), relabelings and credentials as Secret key references. Credential files must
  /// be where the operator mounts `Prometheus.spec.secrets`: `/etc/prometheus/secrets/<secret>/<key>`.
  /// ```swift
  /// KubernetesMonitor.scrapeConfig("consul-services")
  /// ```
  public static func scrapeConfig(_ job: String) -> KubernetesMonitor {
    KubernetesMonitor(job: job, kind: .scrapeConfig, port: "", selector: [:])
  }
}

@resultBuilder public enum KubernetesMonitorBuilder: ListBuilder { public typealias Element = KubernetesMonitor }
