import MonitoringDSL

/// A job per service discovery kind, each with the relabel rules its meta labels need: file SD with
/// a JSON and a YAML targets file `gen` writes (and a glob it does not), HTTP SD with a token file,
/// DNS SD (SRV and A), Kubernetes SD (pods by annotation, endpoints with selectors) and Consul SD
/// with its token from a file. Debian's Prometheus 2.42 is built without Kubernetes and Consul SD,
/// so those jobs are in a config of their own (`cluster.yml`), which its promtool cannot check.
enum DiscoveryCase {
  static let catalog = Catalog {
    config
    cluster
  }

  static let config = PrometheusConfig("prometheus.yml") {
    fileJob
    ScrapeJob("inventory")
      .discover {
        HTTPSD(url: "https://inventory.internal/targets").refreshInterval("2m").bearerToken(file: "/etc/prometheus/secrets/inventory-token")
      }
      .relabel { RelabelRule.copy("__meta_url", to: "source") }
    dnsJob
  }
  .global(scrapeInterval: "30s", scrapeTimeout: "10s", evaluationInterval: "30s")

  static let cluster = PrometheusConfig("cluster.yml") {
    podsJob
    endpointsJob
    consulJob
  }

  static let fileJob = ScrapeJob("files")
    .discover {
      FileSD(files: ["more/*.json"], refreshInterval: "1m") {
        FileSDTargets("targets/app.json") {
          TargetGroup(targets: ["app-1:8080", "app-2:8080"], labels: ["env": "prod", "team": "web"])
          TargetGroup(targets: ["app-canary:8080"], labels: ["env": "canary"])
        }
        FileSDTargets("targets/batch.yml") { TargetGroup(targets: ["batch:9100"], labels: ["env": "0.5"]) }
      }
    }
    .relabel { RelabelRule.copy(MetaLabel.filePath, to: "sd_file") }

  static let dnsJob = ScrapeJob("dns")
    .discover {
      DNSSD(names: ["_metrics._tcp.app.internal"]).refreshInterval("1m")
      DNSSD(names: ["node.internal"], type: .a, port: 9100)
    }
    .relabel { RelabelRule.copy(MetaLabel.dnsName, to: "record") }

  static let podsJob = ScrapeJob("pods")
    .discover { KubernetesSD(role: .pod, namespaces: ["websocket", "jobs"]).selector(role: .pod, label: "app.kubernetes.io/part-of=shop") }
    .relabel {
      RelabelRule.keepIfAnnotated("prometheus.io/scrape")
      RelabelRule.portFromAnnotation("prometheus.io/port")
      RelabelRule.pathFromAnnotation("prometheus.io/path")
      RelabelRule.kubernetesLabels(of: .pod)
      RelabelRule.copy(MetaLabel.kubernetesNamespace, to: "namespace")
      RelabelRule.copy(MetaLabel.name(of: .pod), to: "pod")
    }

  static let endpointsJob = ScrapeJob("endpoints")
    .discover {
      KubernetesSD(role: .endpoints)
        .ownNamespace()
        .selector(role: .service, label: "monitoring=true")
        .selector(role: .endpoints, field: "metadata.name!=kubernetes")
    }
    .relabel {
      RelabelRule.keepIfAnnotated("prometheus.io/scrape", role: .service)
      RelabelRule.copy(MetaLabel.name(of: .service), to: "service")
    }

  static let consulJob = ScrapeJob("consul")
    .discover {
      ConsulSD(server: "consul.internal:8500", services: ["api", "worker"])
        .tags(["metrics"])
        .datacenter("eu-1")
        .token(file: "/etc/prometheus/secrets/consul-token")
    }
    .relabel {
      RelabelRule.keepConsulTag("metrics")
      RelabelRule.copy(MetaLabel.consulService, to: "service")
      RelabelRule.copy("__meta_consul_dc", to: "datacenter")
    }
}
