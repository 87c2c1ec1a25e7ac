/// `consul_sd_configs`: targets from Consul's catalog, one per service instance. Prometheus 2.42
/// reads Consul's ACL token only in plain text (`token`; it has no `token_file`), so the DSL takes
/// it from a file as an `Authorization: Bearer` header (`authorization.credentials_file`), which
/// Consul accepts as well. Targets get `__meta_consul_service`, `__meta_consul_tags` (joined by
/// `,` with a `,` at both ends), `__meta_consul_dc`, `__meta_consul_node`, metadata, ….
/// ```swift
/// ConsulSD(server: "consul.internal:8500", services: ["api", "worker"])
///   .tags(["metrics"])
///   .datacenter("eu-1")
///   .token(file: "/etc/prometheus/secrets/consul-token")
/// ```
public struct ConsulSD: Hashable, Sendable, CopyModifying {
  public var server: String
  /// Services to discover; empty means every service of the catalog.
  public var services: [String]
  /// Only instances carrying all of these tags.
  public var tags: [String] = []
  public var datacenter: String?
  public var scheme: ScrapeJob.Scheme?
  /// The file holding the ACL token, sent as a bearer token.
  public var tokenFile: String?
  /// How often the catalog is read again (Prometheus' default: 30s).
  public var refreshInterval: PromDuration?
  public var tls: TLSConfig?

  public init(server: String, services: [String] = []) {
    self.server = server
    self.services = services
  }

  public func tags(_ tags: [String]) -> ConsulSD { with { $0.tags = tags } }
  public func datacenter(_ name: String) -> ConsulSD { with { $0.datacenter = name } }
  public func scheme(_ scheme: ScrapeJob.Scheme) -> ConsulSD { with { $0.scheme = scheme } }
  /// The ACL token, read from `file` by Prometheus (never written into the config).
  public func token(file: String) -> ConsulSD { with { $0.tokenFile = file } }
  public func refreshInterval(_ interval: PromDuration) -> ConsulSD { with { $0.refreshInterval = interval } }
  public func tls(_ tls: TLSConfig) -> ConsulSD { with { $0.tls = tls } }
}
