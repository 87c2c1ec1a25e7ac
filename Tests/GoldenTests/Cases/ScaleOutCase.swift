import MonitoringDSL

/// Scale-out Prometheus configs: an HA pair remote-writing to Mimir (tenant header, basic auth from a
/// file), Thanos Receive and VictoriaMetrics (write relabelling, queue settings), a federation server
/// and an agent.
enum ScaleOutCase {
  static let catalog = Catalog {
    replicated.replicas(["0", "1"])
    federation
    agent
  }

  static let replicated = PrometheusConfig("prometheus.yml") {
    ScrapeJob("api", targets: ["api:8080"])
  }
  .global(scrapeInterval: "30s", scrapeTimeout: "10s", evaluationInterval: "30s")
  .externalLabels(["cluster": "eu-1"])
  .remoteWrite {
    RemoteWrite.mimir(url: "https://mimir.example.com/api/v1/push", tenant: "team-api")
      .basicAuth(username: "api", passwordFile: "/etc/prometheus/secrets/mimir")
      .remoteTimeout("30s")
    RemoteWrite.thanosReceive(url: "http://thanos-receive:19291/api/v1/receive").bearerToken(file: "/etc/prometheus/secrets/thanos")
    RemoteWrite.victoriaMetrics(url: "http://vminsert:8480/insert/0/prometheus/api/v1/write")
      .writeRelabel {
        RelabelRule.keep(metricsMatching: "up|job:.*")
        RelabelRule(.labeldrop, regex: "pod_template_hash")
      }
      .queue(QueueConfig(capacity: 5_000, maxShards: 10, minShards: 2, maxSamplesPerSend: 1_000, batchSendDeadline: "10s", minBackoff: "50ms", maxBackoff: "10s"))
  }

  static let federation = PrometheusConfig("global.yml") {
    ScrapeJob.federate("federate", targets: ["prometheus-0:9090", "prometheus-1:9090"], recordingRulesOf: [RulesCase.file])
    ScrapeJob.federate("federate-up", targets: ["prometheus-0:9090"], matching: [#"{__name__="up",job="api"}"#]).interval("1m")
  }
  .externalLabels(["cluster": "global"])

  static let agent = PrometheusConfig("edge.yml") {
    ScrapeJob("api", targets: ["api:8080"])
  }
  .externalLabels(["cluster": "edge"])
  .remoteWrite { RemoteWrite.mimir(url: "https://mimir.example.com/api/v1/push", tenant: "edge") }
  .agent()
}
