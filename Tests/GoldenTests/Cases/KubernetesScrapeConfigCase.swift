import MonitoringDSL

/// Scrape jobs with service discovery as `ScrapeConfig` resources (monitoring.coreos.com/v1alpha1):
/// Kubernetes pods by annotation, Consul with its token and HTTP SD with basic auth from the Secrets
/// the operator mounts, DNS, file SD over files mounted from a ConfigMap, and a static job.
enum KubernetesScrapeConfigCase {
  static let catalog = Catalog {
    config
    deployment
  }

  static let config = PrometheusConfig("prometheus.yml") {
    DiscoveryCase.podsJob
    ScrapeJob("consul")
      .discover {
        ConsulSD(server: "consul.internal:8500", services: ["api"]).tags(["metrics"]).datacenter("eu-1")
          .token(file: "/etc/prometheus/secrets/consul/token")
      }
      .relabel { RelabelRule.copy(MetaLabel.consulService, to: "service") }
    ScrapeJob("inventory")
      .discover {
        HTTPSD(url: "https://inventory.internal/targets").refreshInterval("2m")
          .basicAuth(username: "prometheus", passwordFile: "/etc/prometheus/secrets/inventory/password")
      }
    ScrapeJob("dns").discover { DNSSD(names: ["node.internal"], type: .a, port: 9100) }
    ScrapeJob("files").discover { FileSD(files: ["/etc/prometheus/configmaps/targets/*.json"]) }.interval("1m")
    ScrapeJob("blackbox", targets: ["blackbox-exporter:9115"]).labels(["team": "sre"])
  }

  static let deployment = KubernetesDeployment(namespace: "monitoring", release: "kps") {
    for job in ["pods", "consul", "inventory", "dns", "files", "blackbox"] { KubernetesMonitor.scrapeConfig(job) }
  }
}
