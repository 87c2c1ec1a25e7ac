import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

@Suite struct ProvisioningImportTests {
  @Test func datasourcesImportTypedWithTheRestRawAndRenderBackExactly() throws {
    let text = """
      apiVersion: 1
      datasources:
        - name: Prometheus
          type: prometheus
          uid: prom
          access: proxy
          orgId: 1
          url: http://prometheus:9090
          isDefault: true
          jsonData:
            timeInterval: 15s

      """
    let imported = try ProvisioningImporter.importFile(text, source: "datasources.yml")
    let source = try #require(imported.datasources.first)
    #expect(source.uid == "prom" && source.isDefault && source.jsonData == ["timeInterval": "15s"])
    #expect(source.extraJSON == ["orgId": 1])
    let files = try Renderer.render(Catalog { source })
    let rendered = try #require(files.first { $0.path.hasSuffix("datasources.yaml") })
    #expect(RoundTrip.differences(expected: text, rendered: rendered.contents, yaml: true).isEmpty)
    let swift = ProvisioningSwiftPrinter.source(imported, typeName: "Sources")
    #expect(swift.contains(#"Datasource(name: "Prometheus", type: "prometheus", uid: "prom", url: "http://prometheus:9090")"#))
    #expect(swift.contains(#".jsonData(["timeInterval": .string("15s")])"#))
  }

  /// No password goes into Swift: it is dropped with a warning, and the round trip shows the loss.
  @Test func plainTextPasswordsAreNotCarriedIntoSwift() throws {
    let text = "datasources:\n  - name: P\n    uid: p\n    type: prometheus\n    url: http://p\n    basicAuthUser: admin\n    secureJsonData:\n      basicAuthPassword: hunter2\n"
    let imported = try ProvisioningImporter.importFile(text, source: "p.yml")
    #expect(imported.notes.map(\.description).contains(#"warning: datasource "P": a plain-text basicAuthPassword is not carried into Swift; use .basicAuth(user:passwordVariable:)"#))
    #expect(!ProvisioningSwiftPrinter.source(imported, typeName: "P").contains("hunter2"))
  }

  @Test func providersImportWithTheirSettings() throws {
    let text = "apiVersion: 1\nproviders:\n  - name: ops\n    folder: Ops\n    type: file\n    allowUiUpdates: true\n    options:\n      path: /dashboards\n"
    let provider = try #require(try ProvisioningImporter.importFile(text, source: "p.yml").providers.first)
    #expect(provider.name == "ops" && provider.folder == "Ops" && provider.path == "/dashboards" && provider.allowsUIUpdates)
    let files = try Renderer.render(Catalog { provider })
    #expect(RoundTrip.differences(expected: text, rendered: files[0].contents, yaml: true).isEmpty)
  }
}
