import Foundation
import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

/// `gen import sloth`: Tests/ImportTests/Fixtures/sloth-payments.yml has one SLO that maps (an events
/// SLI on a counter) and one that does not (a raw error-ratio query). Its printed Swift is
/// SlothPaymentsSLOs.swift in this target: compiled with the tests, and rendered below.
@Suite struct SlothImportTests {
  static let source = "sloth-payments.yml"

  static func imported() throws -> SlothImport {
    try SlothImporter.importSLOs(Fixtures.text(source), source: source)
  }

  @Test func printsTheMappableSLOExactly() throws {
    let imported = try Self.imported()
    let swift = SlothSwiftPrinter.source(imported, typeName: "SlothPaymentsSLOs", fileName: "payments-slo.rules.yml")
    let printed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SlothPaymentsSLOs.swift")
    #expect(swift == (try String(contentsOf: printed, encoding: .utf8)))
  }

  @Test func buildsTheSLOItPrints() throws {
    let slo = try #require(try Self.imported().slos.first?.slo)
    #expect(slo == SlothPaymentsSLOs.requestsErrors)
    #expect(slo.alertName(for: BurnRateWindow.workbook[0]) == "PaymentsErrorsBudgetBurn1h")
    #expect(slo.period == "30d" && slo.windows == BurnRateWindow.workbook)
  }

  /// The value the importer builds, and the printed Swift compiled, render without diagnostics.
  @Test func rendersWithoutDiagnostics() throws {
    let slo = try #require(try Self.imported().slos.first?.slo)
    let files = try Renderer.render(Catalog { RuleFile("payments-slo.rules.yml") { slo } })
    let rules = try #require(files.first { $0.path == "prometheus/rules/payments-slo.rules.yml" })
    #expect(rules.contents.contains("record: slo:sli_error:ratio_rate5m"))
    #expect(rules.contents.contains("alert: PaymentsErrorsBudgetBurn1h"))
    let printed = try Renderer.render(Catalog { SlothPaymentsSLOs.ruleFile })
    #expect(printed.map(\.contents) == files.map(\.contents))
  }

  @Test func refusesTheRawSLINamingItAndTheField() throws {
    let imported = try Self.imported()
    #expect(imported.slos.map(\.slo.name) == ["requests-errors"])
    #expect(
      imported.failures.map(\.description) == [
        #"sloth-payments.yml: slos[1] "requests-availability" › sli.raw: a raw error-ratio query cannot be typed; write the SLI with SLI.errors(…), .successes(…), .latency(…) or .availability(…)"#
      ])
  }

  @Test func notesWhatIsNotCarriedOver() throws {
    let notes = try Self.imported().notes.map(\.description)
    #expect(notes.contains(#"warning: slos[0] "requests-errors" › alerting.page_alert: unknown key "annotation" (did you mean "annotations"?): not part of a Sloth prometheus/v1 spec; dropped"#))
    #expect(notes.contains(#"warning: slos[0] "requests-errors": the grouping of sum by (instance) is dropped: the SLI sums over all the service's series"#))
    #expect(notes.contains(#"warning: slos[0] "requests-errors" › alerting.ticket_alert.labels (slack_channel=#payments): not carried over"#))
    #expect(notes.first?.description.hasPrefix("note: Sloth's rules map onto the spec's: the recordings slo:sli_error:ratio_rate<window> are the same") == true)
  }

  static func spec(_ sli: String, alerting: String = "") -> String {
    "version: prometheus/v1\nservice: api\nslos:\n  - name: s\n    objective: 99\n    sli:\n" + sli + alerting
  }

  @Test func typesALatencySLIAndDisabledAlerts() throws {
    let text = Self.spec(
      """
            events:
              error_query: sum(rate(rpc_seconds_count{job="api"}[{{.window}}])) - sum(rate(rpc_seconds_bucket{job="api",le="0.25"}[{{.window}}]))
              total_query: sum(rate(rpc_seconds_count{job="api"}[{{ .window }}]))

      """, alerting: "    alerting:\n      ticket_alert:\n        disable: true\n")
    let imported = try SlothImporter.importSLOs(text, source: "api.yml")
    let slo = try #require(imported.slos.first?.slo)
    #expect(slo.indicator == .latency(Metric.Histogram("rpc_seconds", help: "", buckets: [0.25]), slowerThan: 0.25, [.equal("job", "api")]))
    #expect(slo.windows == BurnRateWindow.workbook.filter { $0.severity == .critical })
    let swift = SlothSwiftPrinter.source(imported, typeName: "API", fileName: "api-slo.rules.yml")
    #expect(swift.contains(#"indicator: .latency(Metrics.rpcSeconds, slowerThan: 0.25, [.equal("job", "api")])"#))
    #expect(swift.contains(#"static let rpcSeconds = Metric.Histogram("rpc_seconds", help: "", buckets: [0.25])"#))
    #expect(swift.contains(".windows(BurnRateWindow.workbook.filter { $0.severity == .critical })"))
    _ = try Renderer.render(Catalog { RuleFile("api-slo.rules.yml") { slo } })
  }

  @Test func refusesQueriesAndMatchersItCannotType() throws {
    let cases: [(String, String)] = [
      (
        "      events:\n        error_query: sum(increase(x_total[{{.window}}]))\n        total_query: sum(rate(x_total[{{.window}}]))\n",
        #"api.yml: slos[0] "s" › sli.events.error_query: cannot be typed"#
      ),
      (
        "      events:\n        error_query: sum(rate(x_total{code=~\"(5..|429)\"}[{{.window}}]))\n        total_query: sum(rate(x_total[{{.window}}]))\n",
        #"api.yml: slos[0] "s" › sli.events: the generated tests need a value of code that code=~"(5..|429)" selects"#
      ),
      ("      plugin:\n        id: x\n", #"api.yml: slos[0] "s" › sli.plugin: a Sloth SLI plugin cannot be typed"#),
      (
        "      events:\n        error_query: sum(rate(x_total[5m]))\n        total_query: sum(rate(x_total[{{.window}}]))\n",
        #"api.yml: slos[0] "s" › sli.events.error_query: has no {{.window}}"#
      ),
    ]
    for (sli, message) in cases {
      let imported = try SlothImporter.importSLOs(Self.spec(sli), source: "api.yml")
      #expect(imported.slos.isEmpty)
      #expect(imported.failures.first?.description.hasPrefix(message) == true, "\(imported.failures)")
    }
    #expect(throws: ImportFailure.self) { try SlothImporter.importSLOs("version: sloth.slok.dev/v1\nservice: a\nslos: []\n", source: "k.yml") }
    #expect(throws: ImportFailure.self) { try SlothImporter.importSLOs("groups: []\n", source: "r.yml") }
  }
}
