import MonitoringDSL
import MonitoringRender
import Testing
import Yams

/// Blackbox-exporter probes as `Probe` resources: their spec, the job they stand for, and one test
/// per kind of bad probe.
@Suite struct KubernetesProbeTests {
  static let prober = "blackbox-exporter:9115"
  static let site = KubernetesProbe.staticTargets("sites", module: "http_2xx", prober: prober, targets: ["https://example.org"])

  static func catalog(_ probes: [KubernetesProbe], jobs: [ScrapeJob] = []) -> Catalog {
    Catalog {
      PrometheusConfig("prometheus.yml") { jobs }
      KubernetesDeployment(namespace: "monitoring", release: "kps") {}.probes { probes }
    }
  }

  static func spec(_ probe: KubernetesProbe) throws -> [String: Any] {
    let files = try Renderer.render(catalog([probe]))
    let text = try #require(files.first { $0.path == "kubernetes/probe-\(probe.name).yaml" }?.contents)
    let resource = try #require(try Yams.load(yaml: text) as? [String: Any])
    #expect(resource["apiVersion"] as? String == "monitoring.coreos.com/v1")
    #expect((resource["metadata"] as? [String: Any]).flatMap { $0["labels"] as? [String: String] } == ["release": "kps"])
    return try #require(resource["spec"] as? [String: Any])
  }

  @Test func staticTargetsCarryTheirLabels() throws {
    let spec = try Self.spec(Self.site.interval("30s").scrapeTimeout("10s").labels(["team": "web"]).jobName("blackbox"))
    #expect(spec["jobName"] as? String == "blackbox")
    #expect(spec["prober"] as? [String: String] == ["url": "blackbox-exporter:9115"])
    #expect(spec["module"] as? String == "http_2xx")
    #expect(spec["interval"] as? String == "30s")
    #expect(spec["scrapeTimeout"] as? String == "10s")
    let targets = try #require(spec["targets"] as? [String: Any])
    let statics = try #require(targets["staticConfig"] as? [String: Any])
    #expect(statics["static"] as? [String] == ["https://example.org"])
    #expect(statics["labels"] as? [String: String] == ["team": "web"])
  }

  @Test func ingressesGetTheLabelsAsRelabelings() throws {
    let probe = KubernetesProbe.ingresses("ingresses", module: "http_2xx", prober: Self.prober, selector: ["probe": "on"], namespaces: ["web"])
      .labels(["team": "web"])
      .prober(scheme: .https, path: "/blackbox/probe")
    let spec = try Self.spec(probe)
    #expect(spec["prober"] as? [String: String] == ["url": "blackbox-exporter:9115", "scheme": "https", "path": "/blackbox/probe"])
    let ingress = try #require((spec["targets"] as? [String: Any])?["ingress"] as? [String: Any])
    #expect(ingress["selector"] as? [String: [String: String]] == ["matchLabels": ["probe": "on"]])
    #expect(ingress["namespaceSelector"] as? [String: [String]] == ["matchNames": ["web"]])
    #expect(ingress["relabelingConfigs"] as? [[String: String]] == [["targetLabel": "team", "replacement": "web", "action": "replace"]])
  }

  /// A probe named after a scrape job of the catalog is that job's monitor; a second one is too many.
  @Test func probeStandsForTheScrapeJobOfItsName() {
    let job = ScrapeJob("blackbox", targets: ["blackbox-exporter:9115"]).metricsPath("/probe")
    #expect(diagnostics(Self.catalog([Self.site.jobName("blackbox")], jobs: [job])) == [])
    #expect(diagnostics(Self.catalog([Self.site], jobs: [job])) == [
      #"kubernetes "monitoring" › job "blackbox": has no monitor: add a KubernetesMonitor for it, or list it in .unmanagedJobs(…) when the cluster scrapes it already"#
    ])
    let twice = [Self.site.jobName("blackbox"), KubernetesProbe.staticTargets("more", module: "icmp", prober: Self.prober, targets: ["10.0.0.1"]).jobName("blackbox")]
    #expect(diagnostics(Self.catalog(twice, jobs: [job])) == [#"kubernetes "monitoring" › job "blackbox": has more than one monitor"#])
  }

  static let sites = #"kubernetes "monitoring" › Probe "sites""#

  static let badProbes: [(KubernetesProbe, String)] = [
    (KubernetesProbe.staticTargets("sites", module: " ", prober: prober, targets: ["https://example.org"]),
     "module is empty: name a module of the blackbox exporter's config (http_2xx, tcp_connect, icmp, …)"),
    (KubernetesProbe.staticTargets("sites", module: "http_2xx", prober: "", targets: ["https://example.org"]),
     "prober is empty: give the blackbox exporter's host:port"),
    (KubernetesProbe.staticTargets("sites", module: "http_2xx", prober: "https://blackbox:9115", targets: ["https://example.org"]),
     #"prober "https://blackbox:9115" is host:port without a scheme; use .prober(scheme: .https) for https"#),
    (KubernetesProbe.staticTargets("sites", module: "http_2xx", prober: prober, targets: []),
     "has no targets: list the URLs or host:port to probe"),
    (KubernetesProbe.staticTargets("sites", module: "http_2xx", prober: prober, targets: ["https://example.org", ""]),
     "a target is empty"),
    (KubernetesProbe.ingresses("sites", module: "http_2xx", prober: prober, selector: [:]),
     "selector is empty: it would probe every Ingress of the namespace"),
    (KubernetesProbe.ingresses("sites", module: "http_2xx", prober: prober, selector: ["probe": "on"], namespaces: ["Web"]),
     #"namespace "Web" is not a DNS-1123 label"#),
    (site.labels(["team-name": "web"]), #"label "team-name" is not a Prometheus label name a target can carry"#),
    (site.labels(["__param_module": "icmp"]), #"label "__param_module" is not a Prometheus label name a target can carry"#),
    (site.jobName(""), "jobName is empty"),
    (site.interval("10s").scrapeTimeout("30s"), "scrapeTimeout 30s is longer than the interval 10s; Prometheus refuses the scrape config"),
    (site.interval("ten seconds"), #"interval "ten seconds" is not a duration (like 30s, 5m, 1h30m)"#),
  ]

  @Test(arguments: badProbes.indices)
  func badProbeIsReported(_ index: Int) {
    let (probe, message) = Self.badProbes[index]
    #expect(diagnostics(Self.catalog([probe])) == ["\(Self.sites): \(message)"])
  }

  @Test func namesAreUniqueAndDNS1123() {
    #expect(diagnostics(Self.catalog([Self.site, Self.site])) == ["\(Self.sites): is defined more than once"])
    let bad = KubernetesProbe.staticTargets("Sites_1", module: "http_2xx", prober: Self.prober, targets: ["https://example.org"])
    #expect(diagnostics(Self.catalog([bad])) == [#"kubernetes "monitoring" › Probe "Sites_1": the Probe's name "Sites_1" is not a DNS-1123 subdomain"#])
  }
}
