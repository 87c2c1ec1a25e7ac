/// `http_sd_configs`: targets fetched from an HTTP endpoint returning target groups as JSON.
/// Credentials come from files only. Every target gets `__meta_url`, and the endpoint may attach
/// any `__meta_*` labels of its own (so the meta labels of such a job are not checked).
/// ```swift
/// HTTPSD(url: "https://inventory.internal/prometheus/targets")
///   .refreshInterval("2m")
///   .bearerToken(file: "/etc/prometheus/secrets/inventory-token")
/// ```
public struct HTTPSD: Hashable, Sendable, CopyModifying {
  public var url: String
  /// How often the endpoint is polled (Prometheus' default: 1m).
  public var refreshInterval: PromDuration?
  public var authorization: ScrapeAuthorization?
  public var tls: TLSConfig?

  public init(url: String) { self.url = url }

  public func refreshInterval(_ interval: PromDuration) -> HTTPSD { with { $0.refreshInterval = interval } }
  /// Basic auth whose password Prometheus reads from a file.
  public func basicAuth(username: String, passwordFile: String) -> HTTPSD {
    with { $0.authorization = .basic(username: username, passwordFile: passwordFile) }
  }
  /// A bearer token Prometheus reads from a file.
  public func bearerToken(file: String) -> HTTPSD { with { $0.authorization = .bearer(credentialsFile: file) } }
  public func tls(_ tls: TLSConfig) -> HTTPSD { with { $0.tls = tls } }
}
