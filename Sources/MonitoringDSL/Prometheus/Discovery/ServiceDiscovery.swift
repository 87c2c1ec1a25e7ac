/// Where a scrape job finds targets besides its static ones: one `*_sd_configs` entry, typed per
/// mechanism. A job takes them with ``ScrapeJob/discover(_:)``; each mechanism attaches its own
/// `__meta_*` labels to the targets it finds (``RelabelRule`` has helpers for the usual rules), and
/// a relabel rule reading a meta label none of the job's mechanisms produces is a diagnostic.
/// ```swift
/// ScrapeJob("pods").discover {
///   KubernetesSD(role: .pod, namespaces: ["websocket"])
///   FileSD(files: ["/etc/prometheus/targets/*.json"])
/// }
/// ```
public enum ServiceDiscovery: Hashable, Sendable {
  case file(FileSD)
  case http(HTTPSD)
  case dns(DNSSD)
  case kubernetes(KubernetesSD)
  case consul(ConsulSD)

  /// The mechanism's name as Prometheus' docs and diagnostics say it: `file_sd`, `kubernetes_sd`, ….
  /// ```swift
  /// ServiceDiscovery.dns(DNSSD(names: ["_metrics._tcp.example.org"])).name   // "dns_sd"
  /// ```
  public var name: String {
    switch self {
    case .file: "file_sd"
    case .http: "http_sd"
    case .dns: "dns_sd"
    case .kubernetes: "kubernetes_sd"
    case .consul: "consul_sd"
    }
  }

  /// The key of the job's list that holds it: `file_sd_configs`, ….
  /// ```swift
  /// ServiceDiscovery.file(FileSD(files: ["a.json"])).configKey   // "file_sd_configs"
  /// ```
  public var configKey: String { name + "_configs" }
}

/// Builds a job's discovery mechanisms from their configs (file, HTTP, DNS, Kubernetes, Consul).
@resultBuilder public enum ServiceDiscoveryBuilder: ListBuilder {
  public typealias Element = ServiceDiscovery
  public static func buildExpression(_ config: FileSD) -> ListPart<ServiceDiscovery> { .one(.file(config)) }
  public static func buildExpression(_ config: HTTPSD) -> ListPart<ServiceDiscovery> { .one(.http(config)) }
  public static func buildExpression(_ config: DNSSD) -> ListPart<ServiceDiscovery> { .one(.dns(config)) }
  public static func buildExpression(_ config: KubernetesSD) -> ListPart<ServiceDiscovery> { .one(.kubernetes(config)) }
  public static func buildExpression(_ config: ConsulSD) -> ListPart<ServiceDiscovery> { .one(.consul(config)) }
}
