import MonitoringDSL

/// The seed's monitoring stack: one Prometheus scraping the WebSocket app, Grafana provisioned
/// with its datasources and the dashboard folder, all addressed by their compose service names.
enum Stack {
  /// The scrape interval everything else derives from (Grafana's `$__rate_interval` included).
  static let scrapeInterval: PromDuration = "15s"

  /// The WebSocket app: its job name is the selector every query and alert uses.
  static let appJob = "websocket-app"
  /// Prometheus runs in a container and the app on the host's port 80 (the seed's architecture).
  static let appTarget = "host.docker.internal:80"

  static let prometheusDatasource = Datasource.prometheus(
    name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: scrapeInterval,
    isDefault: true)

  static let alertmanagerDatasource = Datasource.alertmanager(
    name: "Alertmanager", uid: "alertmanager", url: "http://alertmanager:9093")

  static let dashboardProvider = DashboardProvider(
    "websocket", folder: "WebSocket", path: "/var/lib/grafana/dashboards")

  static let prometheusConfig = PrometheusConfig("simple-prometheus.yml") {
    ScrapeJob("prometheus", targets: ["localhost:9090"])
    ScrapeJob(appJob, targets: [appTarget])
      .metricsPath("/metrics")
      .timeout("10s")
      .labels(["service": "websocket"])
  }
  .global(scrapeInterval: scrapeInterval, scrapeTimeout: "10s", evaluationInterval: scrapeInterval)
  .externalLabels(["monitor": "simple-monitoring"])
  // Relative to the config file, so the same file works mounted at /etc/prometheus and checked here.
  .ruleFiles(["rules/*.yml"])
  .alertmanagers([AlertmanagerTarget(targets: ["alertmanager:9093"])])
}
