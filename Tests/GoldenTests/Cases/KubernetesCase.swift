import MonitoringDSL

/// One of each Kubernetes kind: a ServiceMonitor (every endpoint option the jobs carry), a PodMonitor
/// in other namespaces, an unmanaged job, a PrometheusRule (the same groups as its rule file, whose
/// unit tests run against the extracted body), the Alertmanager Secret, a sidecar ConfigMap, grafana-operator resources (a datasource
/// whose password comes from a Secret) and the kustomization.
enum KubernetesCase {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "30s", isDefault: true)
      .basicAuth(user: "grafana", passwordVariable: "PROMETHEUS_PASSWORD")
    dashboard
    config
    rules
    AlertmanagerConfig("alertmanager.yml") {
      Route(receiver: "default") { Route(receiver: "team", matchers: [.equal("severity", "warning")]) }.groupBy(["alertname", "job"])
      Receiver("default") { WebhookConfig(url: "http://relay:8080/alerts") }
      Receiver("team") { WebhookConfig(url: "http://relay:8080/team") }
    }
    deployment
  }

  static let requests = Metric.Counter("http_requests_total", help: "Requests.")
  static let api: [LabelMatcher] = [.equal("job", "api")]

  static let requestRate = RecordingRule("job:http_requests:rate5m", expr: requests.rate("5m").sum(by: ["job"]))
    .test(RecordingTest(interval: "1m", at: "10m", expect: [(["job": "api"], 1)]) {
      InputSeries(requests.selector(api), "0+60x20")
    })

  static let noRequests = AlertRule("ApiNoRequests", expr: requestRate.select(api).lessThan(0.1), for: "5m", severity: .warning)
    .summary("The API serves no requests.")
    .description(#"{{ $labels.job }} serves {{ printf "%.2f" $value }} requests/s."#)
    .routesTo("team")
    .test(AlertTest(interval: "1m", conditionFrom: "1m", labels: ["job": "api"], value: 0) {
      InputSeries(requests.selector(api), "100x20")
    })

  static let rules = RuleFile("api.rules.yml") {
    RuleGroup("api", interval: "30s") {
      requestRate
      noRequests
    }
  }

  static let dashboard = Dashboard("API Overview", uid: "api-overview") {
    Stat("Up") { Query("sum(up)") }
  }
  .datasource(.prometheus("prom"))

  static let config = PrometheusConfig("prometheus.yml") {
    ScrapeJob("api", targets: ["api:8080"])
      .metricsPath("/internal/metrics")
      .scheme(.https)
      .interval("15s")
      .timeout("5s")
      .sampleLimit(50_000)
      .labels(["team": "web", "tier": "backend"])
      .tls(TLSConfig(caFile: "/etc/prometheus/ca.pem", serverName: "api.internal"))
      .relabel { RelabelRule(.replace, sourceLabels: ["__meta_kubernetes_pod_node_name"], targetLabel: "node") }
      .metricRelabel { RelabelRule.drop(metricsMatching: "go_gc_.*") }
    ScrapeJob("worker", targets: ["worker:9100"]).honorLabels()
    ScrapeJob("node", targets: ["node:9100"])
  }
  .global(scrapeInterval: "30s", scrapeTimeout: "10s", evaluationInterval: "30s")

  static let deployment = KubernetesDeployment(namespace: "observability", release: "monitoring") {
    KubernetesMonitor.service("api", port: "https-metrics", selector: ["app.kubernetes.io/name": "api"])
    KubernetesMonitor.pod("worker", port: "metrics", selector: ["app": "worker"], namespaces: ["jobs", "batch"])
  }
  .labels(["team": "platform"])
  .unmanagedJobs(["node"])
  .alertmanagerSecret("alertmanager-main")
  .grafanaOperator(GrafanaOperatorSettings(instanceSelector: ["dashboards": "grafana"], folder: "API", credentialsSecret: "grafana-credentials"))
}
