/// One `remote_write` destination of a Prometheus (or agent) config, with the helpers for the usual
/// receivers: Grafana Mimir (tenant in the `X-Scope-OrgID` header), Thanos Receive and VictoriaMetrics.
/// Secrets come from files, as for scrape jobs.
/// ```swift
/// RemoteWrite.mimir(url: "http://mimir:9009/api/v1/push", tenant: "websocket")
///   .writeRelabel { RelabelRule.keep(metricsMatching: "app_.*|job:.*|up") }
///   .queue(QueueConfig(capacity: 10_000, maxShards: 50, maxSamplesPerSend: 2_000))
/// RemoteWrite.thanosReceive(url: "http://thanos-receive:19291/api/v1/receive")
/// RemoteWrite.victoriaMetrics(url: "http://victoriametrics:8428/api/v1/write")
/// ```
public struct RemoteWrite: Hashable, Sendable, CopyModifying {
  /// Unique per config; shows up in Prometheus' remote-storage metrics (`remote_name`).
  public var name: String
  public var url: String
  public var remoteTimeout: PromDuration?
  public var headers: [String: String] = [:]
  public var writeRelabelRules: [RelabelRule] = []
  public var authorization: ScrapeAuthorization?
  public var queue: QueueConfig?
  /// Spread writes over every address the host resolves to (Prometheus ≥ 3.1).
  public var roundRobinDNS = false

  public init(_ name: String, url: String) {
    self.name = name
    self.url = url
  }

  /// Grafana Mimir's push endpoint; `tenant` goes into the `X-Scope-OrgID` header Mimir requires.
  public static func mimir(_ name: String = "mimir", url: String, tenant: String) -> RemoteWrite {
    RemoteWrite(name, url: url).headers(["X-Scope-OrgID": tenant])
  }

  /// Thanos Receive's remote-write endpoint (give the server unique external labels).
  public static func thanosReceive(_ name: String = "thanos", url: String) -> RemoteWrite { RemoteWrite(name, url: url) }

  /// VictoriaMetrics' `/api/v1/write` (single node) or `vminsert`'s `/insert/<tenant>/prometheus`.
  public static func victoriaMetrics(_ name: String = "victoriametrics", url: String) -> RemoteWrite { RemoteWrite(name, url: url) }

  public func remoteTimeout(_ timeout: PromDuration) -> RemoteWrite { with { $0.remoteTimeout = timeout } }
  public func headers(_ headers: [String: String]) -> RemoteWrite { with { $0.headers.merge(headers) { _, new in new } } }
  /// Relabel rules applied to each series before it is sent (`write_relabel_configs`).
  public func writeRelabel(@RelabelRuleBuilder _ rules: () -> [RelabelRule]) -> RemoteWrite {
    with { $0.writeRelabelRules += rules() }
  }
  public func basicAuth(username: String, passwordFile: String) -> RemoteWrite {
    with { $0.authorization = .basic(username: username, passwordFile: passwordFile) }
  }
  public func bearerToken(file: String) -> RemoteWrite { with { $0.authorization = .bearer(credentialsFile: file) } }
  public func queue(_ queue: QueueConfig) -> RemoteWrite { with { $0.queue = queue } }
  public func roundRobinDNS(_ enabled: Bool = true) -> RemoteWrite { with { $0.roundRobinDNS = enabled } }
}

@resultBuilder public enum RemoteWriteBuilder: ListBuilder { public typealias Element = RemoteWrite }
