import Foundation
import MonitoringDSL
import MonitoringImport
import Testing

/// Imported Prometheus queries come back as typed PromQL on a catalogue inferred from use, and only
/// where the tree says exactly what the text said (`scripts/roundtrip` compiles and renders the printed
/// Swift of the corpus, in both modes).
@Suite struct PromQLTypingTests {
  /// A dashboard with one time-series panel per query (a `{"datasource": …}` target when `datasource` is set).
  private func dashboard(_ exprs: [String], datasource: String? = nil) -> String {
    let panels = exprs.enumerated().map { index, expr in
      let escaped = expr.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      let target = datasource.map { #", "datasource": {"type": "\#($0)", "uid": "x"}"# } ?? ""
      return #"{"type": "timeseries", "title": "P\#(index)", "gridPos": {"x": 0, "y": \#(index * 8), "w": 12, "h": 8}, "targets": [{"refId": "A", "expr": "\#(escaped)"\#(target)}]}"#
    }
    return #"{"uid": "t", "title": "T", "schemaVersion": 41, "panels": [\#(panels.joined(separator: ", "))]}"#
  }

  private func queries(_ imported: DashboardImport) -> [Query] {
    imported.dashboard.items.flatMap { item -> [Query] in
      if case .panel(let panel) = item { return panel.queries }
      return []
    }
  }

  @Test func kindsAreInferredFromUseAndPrintedAsTheDSLWritesThem() throws {
    let imported = try DashboardImporter.importDashboard(
      dashboard([
        #"sum by (job) (rate(app_messages_total{job="ws"}[5m]))"#,
        "app_active_connections",
        #"histogram_quantile(0.95, sum by (le, job) (rate(app_latency_seconds_bucket[$__rate_interval])))"#,
        "rate(app_latency_seconds_count[5m])",
        "app_restarts_total > 0",
        "max_over_time(app_queue_depth[10m])",
        #"up{job="ws"} == 0"#,
      ]), source: "t.json")
    #expect(imported.differences.isEmpty)
    #expect(queries(imported).allSatisfy { $0.promQL != nil })
    #expect(imported.notes.contains(.typedPromQL(typed: 7, reformatted: 0, of: 7)))
    let swift = DashboardSwiftPrinter.source(imported, typeName: "T")
    for line in [
      #"Query(Metrics.appMessagesTotal.rate("5m", [.equal("job", "ws")]).sum(by: ["job"]))"#,
      "Query(Metrics.appActiveConnections.select())",
      #"Query(Metrics.appLatencySeconds.quantile(0.95, over: .rateInterval, by: ["job"]))"#,
      #"Query(Metrics.appLatencySeconds.countRate("5m"))"#,
      "Query(Metrics.appRestartsTotal.selector().greaterThan(0))",
      #"Query(Metrics.appQueueDepth.overTime(.max, "10m"))"#,
      #"Query(up([.equal("job", "ws")]).equalTo(0))"#,
      #"static let appMessagesTotal = Metric.Counter("app_messages_total", help: "")"#,
      #"static let appActiveConnections = Metric.Gauge("app_active_connections", help: "")"#,
      #"static let appLatencySeconds = Metric.Histogram("app_latency_seconds", help: "", buckets: [])"#,
      #"static let appRestartsTotal = Metric.Counter("app_restarts_total", help: "")"#,
    ] {
      #expect(swift.contains(line), "\(line)")
    }
    #expect(!swift.contains("Metric.Gauge(\"up\""))  // Prometheus' own series has the DSL's up()
  }

  /// A panel titled "Up" must not become `static func up()`: inside the printed type it would shadow the
  /// DSL's `up()` its own query calls, and the Swift would not compile.
  @Test func panelFunctionsDoNotShadowTheDSLsFreeFunctions() throws {
    let json = dashboard(["up == 0", "absent(up)"])
      .replacingOccurrences(of: #""title": "P0""#, with: #""title": "Up""#)
      .replacingOccurrences(of: #""title": "P1""#, with: #""title": "Absent""#)
    let imported = try DashboardImporter.importDashboard(json, source: "t.json")
    let swift = DashboardSwiftPrinter.source(imported, typeName: "T")
    #expect(swift.contains("Query(up().equalTo(0))"))
    #expect(swift.contains("Query(absent(up()))"))
    for name in ["up", "absent"] {
      #expect(!swift.contains("static func \(name)()"), "\(name)")
    }
  }

  @Test func treesNoMethodBuildsArePrintedAsTheirCases() throws {
    let imported = try DashboardImporter.importDashboard(
      dashboard([
        #"label_replace(x, "dst", "$1", "src", "(.*)")"#,
        "a * on (instance) group_left (nodename) b",
        "topk(5, x)",
        "x > bool 1",
      ]), source: "t.json")
    #expect(imported.differences.isEmpty)
    let swift = DashboardSwiftPrinter.source(imported, typeName: "T")
    for line in [
      #"PromQL.call("label_replace", [Metrics.x.select(), PromQL.string("dst"), PromQL.string("$1"), PromQL.string("src"), PromQL.string("(.*)")])"#,
      #"PromQL.binary(Metrics.a.select(), .multiply, Metrics.b.select(), returnBool: false, matching: VectorMatching(.on(["instance"]), group: .left(["nodename"])))"#,
      "PromQL.aggregation(.topk, Metrics.x.select(), grouping: nil, parameter: PromQL.number(5))",
      "PromQL.binary(Metrics.x.select(), .greater, PromQL.number(1), returnBool: true, matching: nil)",
    ] {
      #expect(swift.contains(line), "\(line)")
    }
  }

  @Test func textWrittenOtherwiseStaysTextUnlessReformattingIsAsked() throws {
    let written = #"sum(rate(x_total{a="$a",b="1"}[$__interval])) by (job) * 1e3"#
    let canonical = #"sum by (job) (rate(x_total{a="$a",b="1"}[$__interval])) * 1000"#
    let plain = try DashboardImporter.importDashboard(dashboard([written]), source: "t.json")
    #expect(queries(plain).map(\.expr) == [written] && queries(plain).first?.promQL == nil)
    #expect(plain.notes.contains(.typedPromQL(typed: 0, reformatted: 0, of: 1)))

    let reformatted = try DashboardImporter.importDashboard(dashboard([written]), source: "t.json", reformattingPromQL: true)
    #expect(queries(reformatted).map(\.expr) == [canonical] && queries(reformatted).first?.promQL != nil)
    #expect(reformatted.notes.contains(.typedPromQL(typed: 1, reformatted: 1, of: 1)))
    // The model the spec must render has the rewritten text; the typed value renders it exactly.
    #expect(reformatted.expected["panels"]?.elements.first?["targets"]?.elements.first?["expr"] == .string(canonical))
    #expect(reformatted.differences.isEmpty)
  }

  @Test(arguments: [
    "x @ end()",  // the DSL's tree has no @
    "-x",  // nor a unary minus (it would be 0 - x)
    "sum by ($label) (x)",  // a variable where Grafana puts a label name, not a string
    "topk($n, x)",
    "rate(x_total[$__interval_ms])",
  ])
  func whatTheTreeCannotSayStaysText(_ expr: String) throws {
    let imported = try DashboardImporter.importDashboard(dashboard([expr]), source: "t.json", reformattingPromQL: true)
    #expect(queries(imported).map(\.expr) == [expr])
    #expect(queries(imported).first?.promQL == nil)
    #expect(imported.differences.isEmpty)
  }

  @Test func onlyPrometheusTargetsAreTyped() throws {
    let influx = try DashboardImporter.importDashboard(dashboard(["x"], datasource: "influxdb"), source: "t.json")
    #expect(queries(influx).allSatisfy { $0.promQL == nil })
    #expect(!influx.notes.contains { if case .typedPromQL = $0 { true } else { false } })
    #expect(influx.differences.isEmpty)
  }
}
