import MonitoringDSL

/// Blackbox-exporter `Probe`s (monitoring.coreos.com/v1): static targets with labels and timings,
/// Ingresses picked by a selector in other namespaces (the labels as relabelings), a prober over
/// https on another path, and a probe whose job name is the catalog's blackbox scrape job, which it
/// stands for in the cluster (that job needs no other monitor).
enum KubernetesProbeCase {
  static let catalog = Catalog {
    PrometheusConfig("prometheus.yml") {
      ScrapeJob("blackbox-http", targets: ["blackbox-exporter:9115"]).metricsPath("/probe").params(["module": ["http_2xx"]])
    }
    deployment
  }

  static let prober = "blackbox-exporter.monitoring.svc:9115"

  static let deployment = KubernetesDeployment(namespace: "monitoring", release: "kps") {}
    .probes {
      KubernetesProbe.staticTargets("websites", module: "http_2xx", prober: prober, targets: ["https://example.org", "https://status.example.org"])
        .interval("30s")
        .scrapeTimeout("10s")
        .labels(["team": "web", "env": "production"])
        .jobName("blackbox-http")
      KubernetesProbe.ingresses("ingresses", module: "http_2xx", prober: prober, selector: ["probe": "enabled"], namespaces: ["websocket", "api"])
        .labels(["team": "platform"])
      KubernetesProbe.staticTargets("dns", module: "dns_udp", prober: "blackbox-tls.monitoring.svc:9443", targets: ["10.0.0.10:53"])
        .prober(scheme: .https, path: "/blackbox/probe")
        .interval("1m")
    }
}
