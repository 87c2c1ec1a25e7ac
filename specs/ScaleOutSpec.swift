import MonitoringDSL

/// The seed stack scaled out (environment `scale`): an HA pair of Prometheus servers (replica `a` and
/// `b`, unique external labels) remote-writing to Mimir, Thanos Receive and VictoriaMetrics, a global
/// Prometheus federating the recording rules of both, an agent at the edge that only scrapes and
/// remote-writes, and two Grafanas sharing one PostgreSQL database.
enum ScaleOutSpec {
  static let replicas = ["a", "b"]
  static let rules = WebSocketRules.file(noConnectionsFor: KPI.noConnectionsFor)

  /// `prometheusSecrets`: where every server finds the basic-auth password file.
  static func stack(prometheusSecrets: String) -> Stack {
    Stack(
      appTarget: "host.docker.internal:80", prometheusTarget: "localhost:9090", prometheusURL: "http://prometheus-a:9090",
      alertmanagerTarget: "alertmanager:9093", alertmanagerURL: "http://alertmanager:9093", compose: compose,
      prometheusSecrets: prometheusSecrets, grafanaTarget: "grafana:3000", prometheusReplicas: replicas,
      remoteWrites: remoteWrites, morePrometheusConfigs: [federation(prometheusSecrets: prometheusSecrets), agent])
  }

  /// Only the app's series, its recording rules and `up` leave the servers.
  static var remoteWrites: [RemoteWrite] {
    [
      RemoteWrite.mimir(url: "http://mimir:9009/api/v1/push", tenant: "websocket"),
      RemoteWrite.thanosReceive(url: "http://thanos-receive:19291/api/v1/receive"),
      RemoteWrite.victoriaMetrics(url: "http://victoriametrics:8428/api/v1/write")
        .writeRelabel { RelabelRule.keep(metricsMatching: "app_.*|job:.*|up") }
        .queue(QueueConfig(capacity: 10_000, maxShards: 20, minShards: 1, maxSamplesPerSend: 2_000, batchSendDeadline: "5s", minBackoff: "30ms", maxBackoff: "5s")),
    ]
  }

  /// A global Prometheus pulling the recording rules (not raw series) up from both replicas.
  static func federation(prometheusSecrets: String) -> PrometheusConfig {
    PrometheusConfig("federate.yml") {
      ScrapeJob.federate("federate", targets: replicas.map { "prometheus-\($0):9090" }, recordingRulesOf: [rules])
        .basicAuth(username: Stack.prometheusUser, passwordFile: "\(prometheusSecrets)/password")
    }
    .global(scrapeInterval: "1m", scrapeTimeout: "10s", evaluationInterval: "1m")
    .externalLabels(["monitor": "global"])
  }

  /// An agent next to the app: scrape, then remote-write; no rules, no alerts, no local queries.
  static var agent: PrometheusConfig {
    PrometheusConfig("agent.yml") {
      ScrapeJob(Stack.appJob, targets: ["host.docker.internal:80"]).labels(["service": "websocket"])
    }
    .global(scrapeInterval: Stack.scrapeInterval, scrapeTimeout: "10s", evaluationInterval: Stack.scrapeInterval)
    .externalLabels(["monitor": "edge-agent"])
    .remoteWrite { RemoteWrite.mimir(url: "http://mimir:9009/api/v1/push", tenant: "websocket") }
    .agent()
  }

  /// The compose stack with both Prometheus replicas and Grafana in HA.
  static let compose = ComposeFile("simple-monitoring.yml", project: "simple-monitoring-scale") {
    ComposeSpec.prometheus("prometheus-a", config: "simple-prometheus-a.yml", port: 9090, volume: "prometheus_a_data")
    ComposeSpec.prometheus("prometheus-b", config: "simple-prometheus-b.yml", port: 9091, volume: "prometheus_b_data")
    ComposeSpec.alertmanager
    GrafanaHA.postgres
    GrafanaHA.replica(ComposeSpec.grafana(dependsOn: "prometheus-a"), peers: grafanas)
    GrafanaHA.replica(ComposeSpec.grafana("grafana-2", port: 3001, volume: "grafana_2_data", dependsOn: "prometheus-a"), peers: grafanas)
  }
  static let grafanas = ["grafana", "grafana-2"]
}
