/// A single-node VictoriaMetrics server that Prometheus servers remote-write into: its command line
/// and the ``RemoteWrite`` destination that writes to it. Written for VictoriaMetrics 1.79 (what
/// Debian bookworm ships as `victoria-metrics`); the flags it writes (`-httpListenAddr`,
/// `-storageDataPath`, `-retentionPeriod`, `-dedup.minScrapeInterval`) are the same in 1.79.5 and
/// 1.150 (read in both releases' sources).
///
/// **An HA pair, deduplicated.** VictoriaMetrics keeps one sample per series in each
/// `-dedup.minScrapeInterval`, which must equal the pair's scrape interval; the two replicas must
/// write *the same* series, so their `replica` external label is dropped before sending
/// (`write_relabel_configs` see the external labels in Prometheus 2.x and 3.x). From 1.100 on
/// VictoriaMetrics could drop it itself (`-streamAggr.dropInputLabels`, with a stream-aggregation
/// config); the sender-side drop works with every release, so it is what this writes.
/// ```swift
/// let vm = VictoriaMetricsServer(storagePath: "/storage").deduplicating(every: "15s", replicaLabel: "replica")
/// vm.commandLine   // ["-httpListenAddr=:8428", "-storageDataPath=/storage", "-retentionPeriod=30d", "-dedup.minScrapeInterval=15s"]
/// PrometheusConfig("simple-prometheus.yml") { … }
///   .remoteWrite { vm.remoteWrite(url: "http://victoriametrics:8428") }
///   .replicas(["a", "b"])
/// ```
public struct VictoriaMetricsServer: Hashable, Sendable, CopyModifying {
  /// `-httpListenAddr`: where it serves queries and accepts writes.
  public var listenAddress: String
  /// `-storageDataPath`: its data folder (a volume, so it survives restarts).
  public var storagePath: String
  /// `-retentionPeriod`: how long samples are kept (a number alone means months to VictoriaMetrics).
  public var retention: PromDuration
  /// `-dedup.minScrapeInterval`, when it deduplicates the samples of an HA pair.
  public var deduplicationInterval: PromDuration?
  /// The external label that tells the replicas of an HA pair apart, dropped before sending.
  public var replicaLabel: String?

  public init(listenAddress: String = ":8428", storagePath: String, retention: PromDuration = "30d") {
    self.listenAddress = listenAddress
    self.storagePath = storagePath
    self.retention = retention
  }

  /// Deduplicates an HA pair whose replicas differ only in `replicaLabel`: one sample per `interval`
  /// (the pair's scrape interval) survives.
  public func deduplicating(every interval: PromDuration, replicaLabel: String = "replica") -> VictoriaMetricsServer {
    with {
      $0.deduplicationInterval = interval
      $0.replicaLabel = replicaLabel
    }
  }

  /// The flags `victoria-metrics` runs with.
  public var commandLine: [String] {
    var flags = ["-httpListenAddr=\(listenAddress)", "-storageDataPath=\(storagePath)", "-retentionPeriod=\(retention.text)"]
    if let deduplicationInterval { flags.append("-dedup.minScrapeInterval=\(deduplicationInterval.text)") }
    return flags
  }

  /// The destination a Prometheus server writes to this server with: `url` is where the server is
  /// reached from the writer (`http://victoriametrics:8428`); the write path is added. With
  /// deduplication, the replica label is dropped on the way.
  public func remoteWrite(_ name: String = "victoriametrics", url: String) -> RemoteWrite {
    let destination = RemoteWrite.victoriaMetrics(name, url: url + "/api/v1/write")
    guard let replicaLabel else { return destination }
    return destination.writeRelabel { RelabelRule(.labeldrop, regex: replicaLabel) }
  }
}
