import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

@Suite struct PrometheusImportTests {
  let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/prometheus-secrets.yml")

  func imported() throws -> PrometheusImport {
    let text = try String(contentsOf: fixture, encoding: .utf8)
    return try PrometheusImporter.importConfig(text, source: "prometheus-secrets.yml", fileName: "prometheus.yml")
  }

  @Test func typesJobsAndGlobalsAsAPersonWritesThem() throws {
    let source = PrometheusSwiftPrinter.source(try imported(), typeName: "Infra")
    for line in [
      "public enum Infra {",
      #"    PrometheusConfig("prometheus.yml") {"#,
      #"    .global(scrapeInterval: "30s", evaluationInterval: "1m")"#,
      #"    .externalLabels(["cluster": "eu-1"])"#,
      #"    .ruleFiles(["/etc/prometheus/rules/*.yml"])"#,
      #"    .imported(from: "prometheus-secrets.yml")"#,
      #"    ScrapeJob("node", targets: ["node-1:9100", "node-2:9100"])"#,
      #"      .labels(["team": "infra"])"#,
      #"        RelabelRule(.replace, sourceLabels: ["__address__"], regex: "([^:]+):.*", targetLabel: "host")"#,
      #"        RelabelRule.drop(metricsMatching: "go_gc_.*")"#,
      #"      .basicAuth(username: "prom", passwordFile: "/etc/prometheus/secrets/billing-password")"#,
    ] {
      #expect(source.contains(line + "\n"), "missing: \(line)")
    }
  }

  @Test func whatTheDSLDoesNotTypeIsKeptRawOnItsJobAndThePatchIsExact() throws {
    let imported = try imported()
    let pods = try #require(imported.config.jobs.first { $0.name == "pods" })
    #expect(pods.discovery == [.kubernetes(KubernetesSD(role: .pod))])
    #expect(pods.extraJSON == ["honor_labels": false])
    #expect(pods.removedJSON.isEmpty)
    #expect(imported.config.jobs.filter { $0.name != "pods" }.allSatisfy { $0.extraJSON == nil && $0.removedJSON.isEmpty })
    #expect(imported.config.extraJSON == nil && imported.config.removedJSON.isEmpty)
    // Only the secret differs from the input, under its path, its text never shown.
    #expect(imported.differences == [
      #"scrape_configs[1].basic_auth.password missing (expected "<redacted>")"#,
      #"scrape_configs[1].basic_auth.password_file extra ("/etc/prometheus/secrets/billing-password")"#,
    ])
  }

  @Test func aPlainTextPasswordBecomesAFileWithAWarningAndNeverReachesTheSwift() throws {
    let imported = try imported()
    #expect(imported.notes.contains(.warning(
      "plain-text secret scrape_configs[1].basic_auth.password replaced by password_file: /etc/prometheus/secrets/billing-password; put the secret in that file")))
    let source = PrometheusSwiftPrinter.source(imported, typeName: "Infra")
    #expect(!source.contains("hunter2"))
    #expect(!YAMLTree.document(YAMLTree.json(imported.expected)).contains("hunter2"))
  }

  @Test func theImportedConfigValidatesAndRendersWhatPrometheusLoads() throws {
    let config = try imported().config
    let files = try Renderer.render(Catalog { config })   // throws on any diagnostic
    let rendered = try YAMLTree.value(parsing: try #require(files.first { $0.path == "prometheus/prometheus.yml" }).contents)
    #expect(rendered["global"]?["scrape_timeout"] == "10s")   // Prometheus' default, written out
    #expect(rendered["scrape_configs"]?.elements.last?["kubernetes_sd_configs"] == [["role": "pod"]])
  }

  @Test func namedRemoteWritesAreTypedAndUnnamedOnesStayRawWhole() throws {
    let named = """
      scrape_configs: []
      remote_write:
        - name: mimir
          url: http://mimir:9009/api/v1/push
          headers: {X-Scope-OrgID: team-a}
          authorization: {credentials: tok}
      """
    let typed = try PrometheusImporter.importConfig(named, source: "a.yml", fileName: "a.yml")
    #expect(typed.config.remoteWrites == [
      RemoteWrite("mimir", url: "http://mimir:9009/api/v1/push").headers(["X-Scope-OrgID": "team-a"])
        .bearerToken(file: "/etc/prometheus/secrets/mimir-credentials")
    ])
    #expect(typed.config.extraJSON == nil && typed.config.removedJSON.isEmpty)
    let source = PrometheusSwiftPrinter.source(typed, typeName: "A")
    #expect(source.contains(#"      RemoteWrite("mimir", url: "http://mimir:9009/api/v1/push")"# + "\n"))
    #expect(!source.contains("tok\""))
    let unnamed = try PrometheusImporter.importConfig(
      "scrape_configs: []\nremote_write:\n  - url: http://vm:8428/api/v1/write\n", source: "b.yml", fileName: "b.yml")
    #expect(unnamed.config.remoteWrites.isEmpty)
    #expect(unnamed.config.extraJSON == ["remote_write": [["url": "http://vm:8428/api/v1/write"]]])
    #expect(unnamed.differences.isEmpty)
  }

  @Test func aFileThatIsNoPrometheusConfigIsAnError() {
    #expect(throws: ImportFailure.self) {
      try PrometheusImporter.importConfig("groups: []\n", source: "rules.yml", fileName: "rules.yml")
    }
  }
}
