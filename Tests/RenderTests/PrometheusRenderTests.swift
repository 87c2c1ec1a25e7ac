import MonitoringDSL
import MonitoringRender
import Testing
import Yams

@Suite struct PrometheusRenderTests {
  @Test func fullConfigInPrometheusKeyOrder() throws {
    let config = PrometheusConfig("prometheus.yml") {
      ScrapeJob("app", targets: ["app:8080", "app2:8080"])
        .metricsPath("/internal/metrics")
        .scheme(.https)
        .interval("30s")
        .timeout("5s")
        .honorLabels()
        .sampleLimit(10_000)
        .labels(["team": "web", "env": "dev"])
        .basicAuth(username: "prometheus", passwordFile: "/etc/prometheus/secrets/app-password")
        .tls(TLSConfig(caFile: "/etc/prometheus/ca.pem", serverName: "app.internal"))
        .relabel { RelabelRule(.replace, sourceLabels: ["__address__"], regex: "([^:]+):.*", targetLabel: "host", replacement: "$1") }
        .metricRelabel { RelabelRule.drop(metricsMatching: "go_gc_.*") }
      ScrapeJob("api", targets: ["api:80"]).bearerToken(file: "/run/secrets/token")
    }
    .global(scrapeInterval: "15s", scrapeTimeout: "10s", evaluationInterval: "30s")
    .externalLabels(["replica": "0", "cluster": "dev"])
    .ruleFiles(["/etc/prometheus/rules/*.yml"])
    .alertmanagers([AlertmanagerTarget(targets: ["alertmanager:9093"])])

    let text = YAMLTree.document(PrometheusLowering.config(config))
    #expect(text == """
      global:
        scrape_interval: 15s
        scrape_timeout: 10s
        evaluation_interval: 30s
        external_labels:
          cluster: dev
          replica: '0'
      alerting:
        alertmanagers:
        - scheme: http
          static_configs:
          - targets:
            - alertmanager:9093
      rule_files:
      - /etc/prometheus/rules/*.yml
      scrape_configs:
      - job_name: app
        scrape_interval: 30s
        scrape_timeout: 5s
        metrics_path: /internal/metrics
        scheme: https
        honor_labels: true
        sample_limit: 10000
        basic_auth:
          username: prometheus
          password_file: /etc/prometheus/secrets/app-password
        tls_config:
          ca_file: /etc/prometheus/ca.pem
          server_name: app.internal
          insecure_skip_verify: false
        static_configs:
        - targets:
          - app:8080
          - app2:8080
          labels:
            env: dev
            team: web
        relabel_configs:
        - source_labels:
          - __address__
          regex: ([^:]+):.*
          target_label: host
          replacement: $1
          action: replace
        metric_relabel_configs:
        - source_labels:
          - __name__
          regex: go_gc_.*
          action: drop
      - job_name: api
        metrics_path: /metrics
        scheme: http
        authorization:
          type: Bearer
          credentials_file: /run/secrets/token
        static_configs:
        - targets:
          - api:80

      """)
    let parsed = try #require(try Yams.load(yaml: text) as? [String: Any])
    #expect((parsed["global"] as? [String: Any])?["external_labels"] as? [String: String] == ["cluster": "dev", "replica": "0"])
  }

  @Test func provisioningFiles() throws {
    let datasources = YAMLTree.document(
      ProvisioningLowering.datasources([
        Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s", isDefault: true)
      ]))
    #expect(datasources == """
      apiVersion: 1
      datasources:
      - name: Prometheus
        type: prometheus
        uid: prom
        access: proxy
        url: http://prometheus:9090
        isDefault: true
        editable: false
        jsonData:
          httpMethod: POST
          timeInterval: 15s

      """)
    let provider = YAMLTree.document(
      ProvisioningLowering.dashboardProvider(
        DashboardProvider("svc", folder: "Services", path: "/var/lib/grafana/dashboards").allowUIUpdates().foldersFromFilesStructure().folderUID("services")))
    let parsed = try #require(try Yams.load(yaml: provider) as? [String: Any])
    let entry = try #require((parsed["providers"] as? [[String: Any]])?.first)
    #expect(entry["allowUiUpdates"] as? Bool == true)
    #expect(entry["folderUid"] as? String == "services")
    #expect((entry["options"] as? [String: Any])?["foldersFromFilesStructure"] as? Bool == true)
  }
}
