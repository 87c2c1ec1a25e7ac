import MonitoringDSL

/// Where the parts of the stack are in one environment; everything else is the same everywhere.
struct Stack {
  /// Where Prometheus scrapes the service.
  var serviceTargets: [String]
  /// Where Prometheus scrapes itself, and where Grafana reaches it.
  var prometheusTarget: String
  var prometheusURL: String
  /// Where Prometheus sends alerts, and where Grafana reaches Alertmanager.
  var alertmanagerTarget: String
  var alertmanagerURL: String

  var catalog: Catalog {
    Catalog {
      Datasource.prometheus(
        name: "Prometheus", uid: "prometheus", url: prometheusURL, scrapeInterval: Service.scrapeInterval, isDefault: true)
      Datasource.alertmanager(name: "Alertmanager", uid: "alertmanager", url: alertmanagerURL)
      DashboardProvider(Service.name, folder: Service.name, path: "/etc/grafana/dashboards")
      ServiceDashboard.dashboard
      prometheusConfig
      Alerts.ruleFile
      Routing.config
      Metrics.all
    }
  }

  var prometheusConfig: PrometheusConfig {
    PrometheusConfig("prometheus.yml") {
      ScrapeJob("prometheus", targets: [prometheusTarget])
      ScrapeJob(Service.name, targets: serviceTargets)
      ScrapeJob("alertmanager", targets: [alertmanagerTarget])
    }
    .global(scrapeInterval: Service.scrapeInterval, scrapeTimeout: "10s", evaluationInterval: Service.scrapeInterval)
    // Relative to the config file, so the same file works mounted at /etc/prometheus and checked here.
    .ruleFiles(["rules/*.yml"])
    .alertmanagers([AlertmanagerTarget(targets: [alertmanagerTarget])])
  }
}
