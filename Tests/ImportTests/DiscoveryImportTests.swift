import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

/// `gen import prometheus` types service discovery: each kind's list when the DSL can say every
/// entry, the rest raw (with the nearest key for a misspelling). Fixtures: our own
/// `prometheus-discovery.yml`, and Prometheus' `documentation/examples/prometheus-kubernetes.yml` at
/// v2.42.0 (Apache-2.0, byte for byte).
@Suite struct DiscoveryImportTests {
  func imported(_ name: String) throws -> PrometheusImport {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try PrometheusImporter.importConfig(try String(contentsOf: url, encoding: .utf8), source: name, fileName: "prometheus.yml")
  }

  @Test func everyKindTheDSLHasIsTypedAndPrintedInItsWords() throws {
    let imported = try imported("prometheus-discovery.yml")
    let jobs = Dictionary(uniqueKeysWithValues: imported.config.jobs.map { ($0.name, $0) })
    #expect(jobs["files"]?.discovery == [.file(FileSD(files: ["targets/*.json", "targets/*.yml"], refreshInterval: "1m"))])
    #expect(jobs["inventory"]?.discovery == [.http(HTTPSD(url: "https://inventory.internal/targets").bearerToken(file: "/etc/prometheus/secrets/inventory"))])
    #expect(jobs["dns"]?.discovery == [
      .dns(DNSSD(names: ["_metrics._tcp.app.internal"])), .dns(DNSSD(names: ["node.internal"], type: .a, port: 9100).refreshInterval("1m")),
    ])
    #expect(jobs["pods"]?.discovery == [.kubernetes(KubernetesSD(role: .pod, namespaces: ["websocket"]).selector(role: .pod, label: "app=websocket"))])
    for name in ["files", "inventory", "dns", "pods", "consul"] {
      #expect(jobs[name]?.extraJSON == nil && jobs[name]?.removedJSON.isEmpty == true, "\(name)")
    }
    let source = PrometheusSwiftPrinter.source(imported, typeName: "Discovered")
    for line in [
      #"    ScrapeJob("files")"#,
      #"        FileSD(files: ["targets/*.json", "targets/*.yml"], refreshInterval: "1m")"#,
      #"        HTTPSD(url: "https://inventory.internal/targets").bearerToken(file: "/etc/prometheus/secrets/inventory")"#,
      #"        DNSSD(names: ["node.internal"], type: .a, port: 9100).refreshInterval("1m")"#,
      #"        KubernetesSD(role: .pod, namespaces: ["websocket"]).selector(role: .pod, label: "app=websocket")"#,
      #"        ConsulSD(server: "consul.internal:8500", services: ["api"]).tags(["metrics"]).token(file: "/etc/prometheus/secrets/consul-token")"#,
    ] {
      #expect(source.contains(line + "\n"), "missing: \(line)")
    }
  }

  @Test func consulsPlainTokenMovesToABearerTokenFileAndNeverReachesTheSwift() throws {
    let imported = try imported("prometheus-discovery.yml")
    #expect(imported.notes.contains(.warning(
      "plain-text secret scrape_configs[4].consul_sd_configs[0].token replaced by authorization.credentials_file: /etc/prometheus/secrets/consul-token; put the secret in that file")))
    #expect(!PrometheusSwiftPrinter.source(imported, typeName: "Discovered").contains("s3cr3t"))
    #expect(imported.differences.allSatisfy { $0.hasPrefix("scrape_configs[4].consul_sd_configs[0]") })
    #expect(!imported.differences.isEmpty)
  }

  @Test func whatTheDSLCannotSayStaysRawWithTheNearestKey() throws {
    let imported = try imported("prometheus-discovery.yml")
    #expect(imported.notes.contains(.warning(
      #"job "misspelled": dns_sd_configs[0]: unknown key "refresh_interal" (did you mean "refresh_interval"?); the list is kept raw"#)))
    let jobs = Dictionary(uniqueKeysWithValues: imported.config.jobs.map { ($0.name, $0) })
    #expect(jobs["misspelled"]?.discovery == [])
    #expect(jobs["misspelled"]?.extraJSON?["dns_sd_configs"] != nil)
    #expect(jobs["ec2"]?.extraJSON == ["ec2_sd_configs": [["region": "eu-west-1"]]])
    // Raw discovery can attach any meta label: the config still validates and renders.
    _ = try Renderer.render(Catalog { imported.config })
  }

  @Test func prometheusKubernetesExampleIsTypedWholeAndRoundTripsExactly() throws {
    let imported = try imported("prometheus-kubernetes-v2.42.0.yml")
    #expect(imported.differences == [])
    let typed = imported.config.jobs.filter { !$0.discovery.isEmpty }.count
    #expect(typed == imported.config.jobs.count)
    #expect(imported.config.jobs.allSatisfy { job in job.extraJSON.map { raw in DiscoveryLowering.kinds.allSatisfy { raw[$0] == nil } } ?? true })
    _ = try Renderer.render(Catalog { imported.config })
  }
}
