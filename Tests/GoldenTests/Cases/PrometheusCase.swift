import MonitoringDSL

/// A Prometheus config using every scrape option the DSL has, plus provisioning files.
enum PrometheusCase {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "30s", isDefault: true)
    Datasource.alertmanager(name: "Alertmanager", uid: "am", url: "http://alertmanager:9093").editable()
    DashboardProvider("services", folder: "Services", path: "/var/lib/grafana/dashboards/services")
      .allowUIUpdates()
      .foldersFromFilesStructure()
      .folderUID("services")
      .updateInterval(seconds: 60)
    config
  }

  static let config = PrometheusConfig("prometheus.yml") {
    ScrapeJob("prometheus", targets: ["localhost:9090"])
    ScrapeJob("app", targets: ["app-1:8080", "app-2:8080"])
      .metricsPath("/internal/metrics")
      .interval("15s")
      .timeout("5s")
      .sampleLimit(50_000)
      .labels(["team": "web", "env": "0.5"])
      .basicAuth(username: "prometheus", passwordFile: "/etc/prometheus/secrets/app")
      .relabel {
        RelabelRule(.replace, sourceLabels: ["__address__"], regex: "([^:]+):\\d+", targetLabel: "host", replacement: "$1")
        RelabelRule(.hashmod, sourceLabels: ["__address__"], targetLabel: "__tmp_shard", modulus: 4)
      }
      .metricRelabel { RelabelRule.drop(metricsMatching: "go_gc_.*") }
    ScrapeJob("secure", targets: ["secure.internal:443"])
      .scheme(.https)
      .honorLabels()
      .bearerToken(file: "/etc/prometheus/secrets/token")
      .tls(TLSConfig(caFile: "/etc/prometheus/ca.pem", serverName: "secure.internal"))
  }
  .global(scrapeInterval: "30s", scrapeTimeout: "10s", evaluationInterval: "30s")
  .externalLabels(["cluster": "golden", "replica": "1"])
  .ruleFiles(["/etc/prometheus/rules/*.yml"])
  .alertmanagers([AlertmanagerTarget(targets: ["alertmanager:9093"], timeout: "10s")])
}
