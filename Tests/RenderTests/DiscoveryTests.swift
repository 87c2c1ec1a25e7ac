import MonitoringDSL
import MonitoringRender
import Testing

/// Service discovery: the targets files, and a typed diagnostic naming config › job › discovery for
/// each bad input, meta labels checked against what the job's mechanisms attach.
@Suite struct DiscoveryTests {
  func problems(@ScrapeJobBuilder _ jobs: () -> [ScrapeJob], target: PrometheusVersion = .v2_42) -> [String] {
    diagnostics(Catalog { PrometheusConfig("prometheus.yml", jobs: jobs).target(target) })
  }

  @Test func targetsFilesAreWrittenBesideTheConfigAsJSONOrYAML() throws {
    let job = ScrapeJob("files").discover {
      FileSD {
        FileSDTargets("targets/app.json") { TargetGroup(targets: ["app:8080"], labels: ["env": "prod"]) }
        FileSDTargets("targets/app.yml") { TargetGroup(targets: ["app:8080"]) }
      }
    }
    let files = try Renderer.render(Catalog { PrometheusConfig("prometheus.yml") { job } })
    let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    #expect(byPath["prometheus/targets/app.json"] == """
      [
        {
          "labels": {
            "env": "prod"
          },
          "targets": [
            "app:8080"
          ]
        }
      ]

      """)
    #expect(byPath["prometheus/targets/app.yml"] == "- targets:\n  - app:8080\n")
    #expect(byPath["prometheus/prometheus.yml"]?.contains("file_sd_configs:\n  - files:\n    - targets/app.json\n    - targets/app.yml\n") == true)
    #expect(byPath["prometheus/prometheus.yml"]?.contains("static_configs") == false)
  }

  @Test func aMetaLabelNoMechanismAttachesIsADiagnosticWithTheNearestOne() {
    let found = problems {
      ScrapeJob("pods").discover { KubernetesSD(role: .pod) }
        .relabel { RelabelRule(.keep, sourceLabels: ["__meta_kubernetes_pod_anotation_prometheus_io_scrape"], regex: "true") }
    }
    #expect(found == [
      #"prometheus "prometheus.yml" › job "pods" › relabel rule 1: no discovery of this job attaches __meta_kubernetes_pod_anotation_prometheus_io_scrape (did you mean "__meta_kubernetes_pod_annotation_prometheus_io_scrape"?)"#
    ])
  }

  @Test func aMetaLabelOfAnotherMechanismSaysWhichOneAttachesIt() {
    let found = problems {
      ScrapeJob("services").discover { KubernetesSD(role: .service) }.relabel { RelabelRule.copy(MetaLabel.consulService, to: "service") }
      ScrapeJob("static", targets: ["app:80"]).relabel { RelabelRule.copy(MetaLabel.filePath, to: "file") }
      ScrapeJob("srv").discover { DNSSD(names: ["_m._tcp.x"]) }.relabel { RelabelRule.copy("__meta_dns_mx_record_target", to: "mx") }
    }
    #expect(found == [
      #"prometheus "prometheus.yml" › job "services" › relabel rule 1: __meta_consul_service is attached by consul_sd only; the job discovers with kubernetes_sd role service"#,
      #"prometheus "prometheus.yml" › job "static" › relabel rule 1: __meta_filepath is attached by file_sd only; the job has only static targets"#,
      #"prometheus "prometheus.yml" › job "srv" › relabel rule 1: __meta_dns_mx_record_target is attached by dns_sd type MX only; the job discovers with dns_sd"#,
    ])
  }

  @Test func rolesAttachWhatPrometheusAttaches() {
    // Endpoints carry the Service's and Pod's labels; a label an earlier rule writes counts too; a
    // labelmap regex is checked by its literal start; HTTP SD may attach anything.
    let found = problems {
      ScrapeJob("endpoints").discover { KubernetesSD(role: .endpoints) }
        .relabel {
          RelabelRule.keepIfAnnotated("prometheus.io/scrape", role: .service)
          RelabelRule.copy(MetaLabel.name(of: .pod), to: "pod")
          RelabelRule(.replace, targetLabel: "__meta_tmp", replacement: "x")
          RelabelRule.copy("__meta_tmp", to: "tmp")
          RelabelRule.kubernetesLabels(of: .service)
          RelabelRule.kubernetesLabels(of: .ingress)
        }
      ScrapeJob("http").discover { HTTPSD(url: "http://inventory/targets") }.relabel { RelabelRule.copy("__meta_inventory_rack", to: "rack") }
      ScrapeJob("metrics", targets: ["app:80"]).metricRelabel { RelabelRule.copy(MetaLabel.kubernetesNamespace, to: "namespace") }
    }
    #expect(found == [
      #"prometheus "prometheus.yml" › job "endpoints" › relabel rule 6: regex "__meta_kubernetes_ingress_label_(.+)" matches no meta label this job's discovery attaches; the job discovers with kubernetes_sd role endpoints"#,
      #"prometheus "prometheus.yml" › job "metrics" › metric relabel rule 1: reads __meta_kubernetes_namespace, but meta labels are gone after target relabelling; copy it to a label in .relabel { … }"#,
    ])
  }

  @Test func aJobMonitoredInKubernetesHasTheMonitorsMetaLabels() {
    let catalog = Catalog {
      PrometheusConfig("prometheus.yml") {
        ScrapeJob("api", targets: ["api:80"]).relabel { RelabelRule.copy("__meta_kubernetes_pod_node_name", to: "node") }
      }
      KubernetesDeployment(namespace: "monitoring", release: "kps") {
        KubernetesMonitor.service("api", port: "metrics", selector: ["app": "api"])
      }
    }
    #expect(diagnostics(catalog) == [])
  }

  @Test func eachMechanismIsCheckedAsPrometheusLoadsIt() {
    let found = problems(
      {
        ScrapeJob("dns").discover {
          DNSSD(names: ["x.internal"], type: .a)
          DNSSD(names: ["_m._tcp.x"], port: 80)
          DNSSD(names: ["x.internal"], type: .ns, port: 70_000)
        }
        ScrapeJob("k8s").discover {
          KubernetesSD(role: .pod).apiServer("https://k8s:6443").kubeconfigFile("/etc/kube").ownNamespace()
          KubernetesSD(role: .service, namespaces: ["Web"]).bearerToken(file: "/t").selector(role: .pod, label: "a=b")
            .selector(role: .service).attachNodeMetadata()
        }
        ScrapeJob("files").discover {
          FileSD(files: ["targets/*/app.json", "targets.txt"], refreshInterval: "soon")
          FileSD { FileSDTargets("../app.json") { TargetGroup(targets: ["app"], labels: ["bad-name": "x"]) } }
          FileSD()
        }
        ScrapeJob("http").discover { HTTPSD(url: "inventory/targets") }
        ScrapeJob("consul").discover { ConsulSD(server: "http://consul:8500", services: [""]) }
      })
    let dns = #"prometheus "prometheus.yml" › job "dns" › dns_sd"#
    let k8s = #"prometheus "prometheus.yml" › job "k8s" › kubernetes_sd"#
    let files = #"prometheus "prometheus.yml" › job "files" › file_sd"#
    let expected = [
      "\(dns) 1: A records need a port",
      "\(dns) 2: port is ignored for SRV records (they carry their own); remove it",
      "\(dns) 3: port 70000 is not 1…65535",
      "\(dns) 3: NS records need Prometheus 2.49 or later; the target is 2.42 (set .target(…) on the config)",
      "\(k8s) 1: takes an api server or a kubeconfig file, not both",
      "\(k8s) 1: own namespace is only known inside the cluster; it cannot go with an api server or kubeconfig file",
      "\(k8s) 2: credentials and TLS settings need an explicit .apiServer(…) (in the cluster, the service account is used)",
      #"\#(k8s) 2: namespace "Web" is not a DNS-1123 label"#,
      "\(k8s) 2: role service takes selectors of role service only, not pod",
      "\(k8s) 2: a selector of role service selects nothing: give a label or field selector",
      "\(k8s) 2: node metadata is attached to pod, endpoints and endpointslice targets only, not service",
      #"\#(files) 1: file "targets/*/app.json" must end in .json, .yml or .yaml, with a * only in its last part"#,
      #"\#(files) 1: file "targets.txt" must end in .json, .yml or .yaml, with a * only in its last part"#,
      #"\#(files) 1: refresh_interval "soon" is not a duration (like 30s, 5m, 1h30m)"#,
      #"\#(files) 2 › file "../app.json": is written under prometheus/: give a relative path without .. (Prometheus reads it relative to the config)"#,
      #"\#(files) 2 › file "../app.json": target "app" has no port (host:port)"#,
      #"\#(files) 2 › file "../app.json": label name "bad-name" is not a valid label name"#,
      "\(files) 3: lists no files: give it files or targets to write",
      #"prometheus "prometheus.yml": the file "prometheus/../app.json" cannot be written: the name ".." leads out of the folder it is in"#,
      #"prometheus "prometheus.yml" › job "http" › http_sd 1: url "inventory/targets" must start with http:// or https://"#,
      #"prometheus "prometheus.yml" › job "consul" › consul_sd 1: server "http://consul:8500" must be host:port (the scheme is .scheme(…))"#,
      #"prometheus "prometheus.yml" › job "consul" › consul_sd 1: a service name is empty"#,
    ]
    #expect(found.sorted() == expected.sorted())
  }

  @Test func twoJobsCannotWriteDifferentFilesToOnePath() {
    let found = problems {
      ScrapeJob("a").discover { FileSD { FileSDTargets("targets/x.json") { TargetGroup(targets: ["a:1"]) } } }
      ScrapeJob("b").discover { FileSD { FileSDTargets("targets/x.json") { TargetGroup(targets: ["b:1"]) } } }
    }
    #expect(found.contains(#"prometheus "prometheus.yml" › job "b" › file "targets/x.json": another job writes a different targets file to the same path"#))
  }

  @Test func aJobWithNeitherTargetsNorDiscoverySaysHowToGiveThem() {
    let found = problems { ScrapeJob("empty") }
    #expect(found == [
      #"prometheus "prometheus.yml" › job "empty": has no targets: give it static targets or service discovery (.discover { … })"#
    ])
  }

  @Test func aScrapeConfigSaysWhatTheResourceCannotHold() {
    let catalog = Catalog {
      PrometheusConfig("prometheus.yml") {
        ScrapeJob("consul").discover { ConsulSD(server: "consul:8500").token(file: "/run/consul-token") }
        ScrapeJob("files").discover { FileSD { FileSDTargets("targets/a.json") { TargetGroup(targets: ["a:1"]) } } }
        ScrapeJob("k8s").discover { KubernetesSD(role: .node).kubeconfigFile("/etc/kubeconfig") }
      }
      KubernetesDeployment(namespace: "monitoring", release: "kps") {
        KubernetesMonitor.scrapeConfig("consul")
        KubernetesMonitor.scrapeConfig("files")
        KubernetesMonitor.scrapeConfig("k8s")
      }
    }
    #expect(diagnostics(catalog) == [
      #"kubernetes "monitoring" › job "consul": the file /run/consul-token is not in a Secret the operator mounts: use /etc/prometheus/secrets/<secret>/<key> (the Secret listed in Prometheus.spec.secrets)"#,
      #"kubernetes "monitoring" › job "files": writes targets files beside prometheus.yml, which the cluster does not have: mount them through Prometheus.spec.configMaps and list their paths in FileSD(files:)"#,
      #"kubernetes "monitoring" › job "k8s": a ScrapeConfig has no kubeconfig file; use .apiServer(…) with credentials, or the service account"#,
    ])
  }
}
