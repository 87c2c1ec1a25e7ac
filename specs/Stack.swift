import MonitoringDSL

/// The seed's monitoring stack: one Prometheus scraping the WebSocket app and itself, Alertmanager,
/// and Grafana provisioned with its datasources and the dashboard folder. What differs between
/// environments is where things are: container names under compose, loopback ports natively.
struct Stack {
  /// The scrape interval everything else derives from (Grafana's `$__rate_interval` included).
  static let scrapeInterval: PromDuration = "15s"
  /// The WebSocket app: its job name is the selector every query and alert uses.
  static let appJob = "websocket-app"

  /// Where Prometheus scrapes the app.
  var appTarget: String
  /// Where Prometheus scrapes itself, and where Grafana reaches it.
  var prometheusTarget: String
  var prometheusURL: String
  /// Where Prometheus sends alerts, and where Grafana reaches Alertmanager; `nil` when Grafana
  /// evaluates the alerts and routes them through its built-in Alertmanager.
  var alertmanagerTarget: String?
  var alertmanagerURL: String?
  /// The `for` of the no-connections alert (short in the test environment, so live data fires it fast).
  var noConnectionsFor: PromDuration = KPI.noConnectionsFor
  /// The compose file that runs this stack, if it runs under Docker Compose.
  var compose: ComposeFile?
  /// Where Prometheus finds its basic-auth password file and web config (made at start, never in git).
  var prometheusSecrets = "/etc/prometheus-secrets"
  /// Grafana's own /metrics, when Grafana runs in this environment.
  var grafanaTarget: String?
  /// Whether Prometheus asks for a login (basic auth); the operator's Prometheus in a cluster does not.
  var prometheusLogin = true
  /// Where Alertmanager finds its receiver secrets.
  var alertmanagerSecrets = AlertmanagerSpec.secrets
  /// The same stack as cluster manifests, in the Kubernetes environment.
  var kubernetes: KubernetesDeployment?
  /// Scale-out: the replica ids of an HA pair (one config each), where they remote-write, and more
  /// servers (a federating one, an agent).
  var prometheusReplicas: [String] = []
  /// The other servers of an HA pair, scraped beside this one by the `prometheus` job (each replica
  /// watches its partner).
  var prometheusPeers: [String] = []
  var remoteWrites: [RemoteWrite] = []
  var morePrometheusConfigs: [PrometheusConfig] = []
  /// Who evaluates the alerts: Prometheus (routed by Alertmanager) or Grafana, from the same rules.
  var alerting: AlertEvaluation = .prometheus
  /// The formats the dashboard is written in: the classic JSON model Grafana 12 provisions, and
  /// Grafana 13's schema v2 beside it where an environment prepares the move.
  var dashboardFormats: [DashboardFormat] = [.classic]

  /// Under Docker Compose (the seed's setup): services by name, the app on the host's port 80.
  static let compose: Stack = {
    var stack = Stack(
      appTarget: "host.docker.internal:80", prometheusTarget: "localhost:9090", prometheusURL: "http://prometheus:9090",
      alertmanagerTarget: "alertmanager:9093", alertmanagerURL: "http://alertmanager:9093", grafanaTarget: "grafana:3000")
    stack.compose = ComposeSpec.file(running: stack.prometheusConfig)
    return stack
  }()

  /// Everything on the loopback interface at the given ports, for native runs and the end-to-end test.
  static func loopback(
    appTarget: String, prometheusPort: Int, alertmanagerPort: Int, noConnectionsFor: PromDuration, prometheusSecrets: String
  ) -> Stack {
    Stack(
      appTarget: appTarget, prometheusTarget: "127.0.0.1:\(prometheusPort)", prometheusURL: "http://127.0.0.1:\(prometheusPort)",
      alertmanagerTarget: "127.0.0.1:\(alertmanagerPort)", alertmanagerURL: "http://127.0.0.1:\(alertmanagerPort)",
      noConnectionsFor: noConnectionsFor, prometheusSecrets: prometheusSecrets)
  }

  /// The user Grafana and Prometheus itself log in to Prometheus with; the password is a secret
  /// that `scripts/monitoring.sh start` makes (Prometheus' web config holds only its bcrypt hash).
  static let prometheusUser = "prometheus"
  static let prometheusPasswordVariable = "PROMETHEUS_BASIC_AUTH_PASSWORD"

  var catalog: Catalog {
    Catalog {
      prometheusDatasource
      if let alertmanagerDatasource { alertmanagerDatasource }
      // On Kubernetes the Grafana sidecar loads the dashboards; no provider file.
      if kubernetes == nil { Self.dashboardProvider }
      WebSocketDashboard.dashboard.formats(dashboardFormats)
      if prometheusReplicas.isEmpty { prometheusConfig } else { prometheusConfig.replicas(prometheusReplicas) }
      morePrometheusConfigs
      WebSocketRules.file(noConnectionsFor: noConnectionsFor, alertmanager: alertmanagerTarget != nil)
      SLOs.file
      AlertmanagerSpec.config(secrets: alertmanagerSecrets)
      if let compose { compose }
      if let kubernetes { kubernetes }
      App.all
    }
    .alerting(alerting)
  }

  var prometheusDatasource: Datasource {
    let source = Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: prometheusURL, scrapeInterval: Self.scrapeInterval, isDefault: true)
    return prometheusLogin ? source.basicAuth(user: Self.prometheusUser, passwordVariable: Self.prometheusPasswordVariable) : source
  }

  var alertmanagerDatasource: Datasource? {
    alertmanagerURL.map { Datasource.alertmanager(name: "Alertmanager", uid: "alertmanager", url: $0) }
  }

  /// Where Grafana's container finds the generated dashboards (kept apart from its data volume).
  static let dashboardsPath = "/etc/grafana/dashboards"
  static let dashboardProvider = DashboardProvider("websocket", folder: "WebSocket", path: dashboardsPath)

  var prometheusConfig: PrometheusConfig {
    PrometheusConfig("simple-prometheus.yml") {
      prometheusJob
      ScrapeJob(Self.appJob, targets: [appTarget])
        .metricsPath("/metrics")
        .timeout("10s")
        .labels(["service": "websocket"])
      // Self-monitoring: the rest of the stack.
      if let alertmanagerTarget { ScrapeJob("alertmanager", targets: [alertmanagerTarget]) }
      if let grafanaTarget { ScrapeJob("grafana", targets: [grafanaTarget]) }
    }
    .global(scrapeInterval: Self.scrapeInterval, scrapeTimeout: "10s", evaluationInterval: Self.scrapeInterval)
    .externalLabels(["monitor": "simple-monitoring"])
    // Relative to the config file, so the same file works mounted at /etc/prometheus and checked here.
    .ruleFiles(["rules/*.yml"])
    .alertmanagers(alertmanagerTarget.map { [AlertmanagerTarget(targets: [$0])] } ?? [])
    .remoteWrite { remoteWrites }
  }

  /// Prometheus scraping itself, with its own login when it has one.
  var prometheusJob: ScrapeJob {
    let job = ScrapeJob("prometheus", targets: [prometheusTarget] + prometheusPeers)
    return prometheusLogin ? job.basicAuth(username: Self.prometheusUser, passwordFile: "\(prometheusSecrets)/password") : job
  }
}
