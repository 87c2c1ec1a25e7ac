import MonitoringDSL
import Testing

/// Raw PromQL that does not parse, fed through `gen`: exit code 1, the diagnostic with its column on
/// stderr, and nothing written.
@Suite struct BadPromQLTests {
  static func catalog(query: String, rule: String) -> Catalog {
    Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
      Dashboard("Ops", uid: "ops") {
        Row("Traffic") { TimeSeries("Messages") { Query(query) }.unit(.short) }
      }
      .datasource(.prometheus("prom"))
      RuleFile("app.rules.yml") {
        RuleGroup("app", interval: "15s") {
          AlertRule("AppSilent", expr: .raw(rule), for: "10m", severity: .warning)
            .summary("The app is silent.").description("{{ $labels.job }} sends nothing.")
        }
      }
    }
  }

  @Test func brokenExpressionsFailGenAndWriteNothing() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen([], catalog: Self.catalog(query: "sum(rate(app_messages_total[$__rate_interval])", rule: "sum(rate(app_messages_total[5m]) <"))
    #expect(run.status == 1)
    #expect(run.err.contains(#"error: environment "dev" › dashboard "Ops" › row "Traffic" › panel "Messages" › query A: PromQL parse error at column 47: unexpected end of input, expected "," or ")""#), "\(run.err)")
    #expect(run.err.contains(#"error: environment "dev" › rules "app.rules.yml" › group "app" › alert AppSilent: PromQL parse error at column 35: unexpected end of input, expected an expression"#), "\(run.err)")
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func theSameCatalogFixedIsWritten() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen([], catalog: Self.catalog(query: "sum(rate(app_messages_total[$__rate_interval]))", rule: "sum(rate(app_messages_total[5m])) < 0.1"))
    #expect(run.status == 0, "\(run.err)")
    #expect(sandbox.snapshot().keys.contains { $0.hasSuffix("app.rules.yml") })
  }
}
