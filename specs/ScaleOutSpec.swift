import MonitoringDSL

/// The seed stack scaled out (environment `scale`): an HA pair of Prometheus servers (replica `a` and
/// `b`, unique external labels) remote-writing to VictoriaMetrics (which deduplicates the pair) and
/// to a receiving Prometheus, a global Prometheus federating the recording rules of both, an agent
/// at the edge that only scrapes and remote-writes into the receiver, and two Grafanas sharing one
/// PostgreSQL database. `scripts/e2e-scale.py` runs the same topology on loopback, with
/// ``Addresses`` pointed at free ports.
enum ScaleOutSpec {
  static let replicas = ["a", "b"]
  static let rules = WebSocketRules.file(noConnectionsFor: KPI.noConnectionsFor)

  /// Where each server is reached: container names under compose (the defaults), loopback ports in
  /// the scale-out test.
  struct Addresses {
    var app = "host.docker.internal:80"
    var replicas = ["prometheus-a:9090", "prometheus-b:9090"]
    var receiver = "prometheus-receiver:9090"
    var victoriaMetrics = "victoriametrics:8428"
    var alertmanager = "alertmanager:9093"
    var prometheusSecrets = "/etc/prometheus-secrets"

    /// The settings of the `scale` environment, with these addresses as their defaults.
    static let settings: [String: String] = {
      let defaults = Addresses()
      return [
        "app_target": defaults.app, "prometheus_a": defaults.replicas[0], "prometheus_b": defaults.replicas[1],
        "receiver": defaults.receiver, "victoriametrics": defaults.victoriaMetrics, "alertmanager": defaults.alertmanager,
        "prometheus_secrets_dir": defaults.prometheusSecrets,
      ]
    }()

    init() {}

    init(_ settings: StackEnvironment.Settings) {
      app = settings["app_target"]
      replicas = [settings["prometheus_a"], settings["prometheus_b"]]
      receiver = settings["receiver"]
      victoriaMetrics = settings["victoriametrics"]
      alertmanager = settings["alertmanager"]
      prometheusSecrets = settings["prometheus_secrets_dir"]
    }

    var passwordFile: String { "\(prometheusSecrets)/password" }
  }

  static func stack(_ addresses: Addresses) -> Stack {
    var stack = Stack(
      appTarget: addresses.app, prometheusTarget: addresses.replicas[0], prometheusURL: "http://\(addresses.replicas[0])",
      alertmanagerTarget: addresses.alertmanager, alertmanagerURL: "http://\(addresses.alertmanager)",
      prometheusSecrets: addresses.prometheusSecrets, grafanaTarget: "grafana:3000", prometheusReplicas: replicas,
      prometheusPeers: Array(addresses.replicas.dropFirst()), remoteWrites: remoteWrites(addresses))
    let global = federation(addresses), edge = agent(addresses), store = receiver(addresses)
    stack.morePrometheusConfigs = [global, edge, store]
    stack.compose = compose(
      servers: zip(replicas, stack.prometheusConfig.replicas(replicas)).map { ("prometheus-\($0)", $1) }
        + [("prometheus-global", global), ("prometheus-agent", edge), ("prometheus-receiver", store)],
      // Host ports on loopback: 9093 is Alertmanager's.
      ports: [9090, 9091, 9092, 9095, 9096])
    return stack
  }

  /// VictoriaMetrics keeps one sample per scrape interval of the pair's identical series.
  static let victoriaMetrics = VictoriaMetricsServer(storagePath: "/storage").deduplicating(every: Stack.scrapeInterval)

  /// Only the app's series, its recording rules and `up` leave the pair, to both stores.
  static func remoteWrites(_ addresses: Addresses) -> [RemoteWrite] {
    let appSeries = RelabelRule.keep(metricsMatching: "app_.*|job:.*|up")
    return [
      victoriaMetrics.remoteWrite(url: "http://\(addresses.victoriaMetrics)").writeRelabel { appSeries }
        .queue(QueueConfig(capacity: 10_000, maxShards: 20, minShards: 1, maxSamplesPerSend: 2_000, batchSendDeadline: "5s", minBackoff: "30ms", maxBackoff: "5s")),
      intoReceiver(addresses).writeRelabel { appSeries },
    ]
  }

  /// The receiving Prometheus' write endpoint, with the stack's login.
  static func intoReceiver(_ addresses: Addresses) -> RemoteWrite {
    RemoteWrite("receiver", url: "http://\(addresses.receiver)/api/v1/write")
      .basicAuth(username: Stack.prometheusUser, passwordFile: addresses.passwordFile)
  }

  /// A Prometheus that stores what the pair and the agent write into it (and scrapes only itself).
  static func receiver(_ addresses: Addresses) -> PrometheusConfig {
    PrometheusConfig("receiver.yml") {
      ScrapeJob("prometheus", targets: [addresses.receiver]).basicAuth(username: Stack.prometheusUser, passwordFile: addresses.passwordFile)
    }
    .global(scrapeInterval: Stack.scrapeInterval, scrapeTimeout: "10s", evaluationInterval: Stack.scrapeInterval)
    .externalLabels(["monitor": "receiver"])
    .receivingRemoteWrite()
  }

  /// A global Prometheus pulling the recording rules (not raw series) up from both replicas.
  static func federation(_ addresses: Addresses) -> PrometheusConfig {
    PrometheusConfig("federate.yml") {
      ScrapeJob.federate("federate", targets: addresses.replicas, recordingRulesOf: [rules])
        .basicAuth(username: Stack.prometheusUser, passwordFile: addresses.passwordFile)
    }
    .global(scrapeInterval: "1m", scrapeTimeout: "10s", evaluationInterval: "1m")
    .externalLabels(["monitor": "global"])
  }

  /// An agent next to the app: scrape, then remote-write; no rules, no alerts, no local queries.
  static func agent(_ addresses: Addresses) -> PrometheusConfig {
    PrometheusConfig("agent.yml") {
      ScrapeJob(Stack.appJob, targets: [addresses.app]).labels(["service": "websocket"])
    }
    .global(scrapeInterval: Stack.scrapeInterval, scrapeTimeout: "10s", evaluationInterval: Stack.scrapeInterval)
    .externalLabels(["monitor": "edge-agent"])
    .remoteWrite { intoReceiver(addresses) }
    .agent()
  }

  /// The compose stack: every Prometheus server by service name (both replicas, the global one, the
  /// agent, the receiver), VictoriaMetrics, and Grafana in HA.
  static func compose(servers: [(name: String, config: PrometheusConfig)], ports: [Int]) -> ComposeFile {
    ComposeFile("simple-monitoring.yml", project: "simple-monitoring-scale") {
      zip(servers, ports).map { server, port in
        ComposeSpec.prometheus(server.name, running: server.config, port: port, volume: "\(server.name)_data")
      }
      victoriaMetricsService
      ComposeSpec.alertmanager
      GrafanaHA.postgres
      GrafanaHA.replica(ComposeSpec.grafana(dependsOn: "prometheus-a"), peers: grafanas)
      GrafanaHA.replica(ComposeSpec.grafana("grafana-2", port: 3001, volume: "grafana_2_data", dependsOn: "prometheus-a"), peers: grafanas)
    }
  }

  /// VictoriaMetrics 1.79, as Debian ships it (the image of the same release).
  static var victoriaMetricsService: ComposeService {
    ComposeService("victoriametrics", image: "victoriametrics/victoria-metrics:v1.79.5")
      .command(victoriaMetrics.commandLine)
      .ports(["127.0.0.1:8428:8428"])
      .volume(named: "victoriametrics_data", at: victoriaMetrics.storagePath)
      .healthcheck(["CMD", "wget", "-q", "--spider", "http://localhost:8428/health"])
      .limits(cpus: "1.0", memory: "1G")
  }
  static let grafanas = ["grafana", "grafana-2"]
}
