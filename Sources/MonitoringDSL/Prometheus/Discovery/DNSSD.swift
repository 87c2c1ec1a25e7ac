/// `dns_sd_configs`: targets from DNS records, looked up through the resolvers of the Prometheus
/// host's `/etc/resolv.conf`. SRV records carry their port; A, AAAA and MX records need `port`.
/// NS records need Prometheus 2.49 (a diagnostic for an older target). Targets get `__meta_dns_name`
/// and, by type, `__meta_dns_srv_record_target`/`_port` or `__meta_dns_mx_record_target`.
/// ```swift
/// DNSSD(names: ["_metrics._tcp.app.internal"])                 // SRV
/// DNSSD(names: ["app.internal"], type: .a, port: 9100).refreshInterval("1m")
/// ```
public struct DNSSD: Hashable, Sendable, CopyModifying {
  /// The record types Prometheus queries.
  public enum RecordType: String, Sendable, CaseIterable {
    case srv = "SRV", a = "A", aaaa = "AAAA", mx = "MX", ns = "NS"
  }

  public var names: [String]
  public var type: RecordType
  /// The port of every target; required except for SRV records (which carry it).
  public var port: Int?
  /// How often the names are resolved again (Prometheus' default: 30s).
  public var refreshInterval: PromDuration?

  public init(names: [String], type: RecordType = .srv, port: Int? = nil) {
    self.names = names
    self.type = type
    self.port = port
  }

  public func refreshInterval(_ interval: PromDuration) -> DNSSD { with { $0.refreshInterval = interval } }
}
