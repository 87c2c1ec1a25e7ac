import MonitoringDSL
import MonitoringRender
import Testing

/// The streaming path (`JSONWriter` as the lowering's sink: memoized option objects, members sorted
/// in place, chunked flushing) must write exactly what the tree path writes (`JSONWriter.write` of the lowered tree,
/// which memoizes nothing).
@Suite struct StreamingWriterTests {
  /// Panels that share some inputs and differ in others, at two depths (open and collapsed rows).
  static func panels(_ prefix: String) -> [Panel] {
    let base = TimeSeries("\(prefix) base") { Query("up", legend: "up") }
      .unit(.requestsPerSecond)
      .thresholds { Step(.green); Step(.red, from: 50) }
    return [
      base,
      base,
      base.fillOpacity(10),
      base.legend(.table(calcs: [.mean])),
      base.tooltip(.all(sort: .descending)),
      base.thresholds { Step(.green); Step(.red, from: 60) },
      base.color(.fixed(.red)),
      base.datasource(.prometheus("other")),
      base.extraJSON(["options": ["legend": ["showLegend": false]]]),
      Stat("\(prefix) stat") { Query("up") }.graphMode(.off),
      Stat("\(prefix) stat 2") { Query("up") },
      Heatmap("\(prefix) heatmap") { Query("up").format(.heatmap) }.unit(.seconds),
      Heatmap("\(prefix) heatmap 2") { Query("up").format(.heatmap) },
      Table("\(prefix) table") { Query("up").instant() }.sortBy("Value", descending: true),
      StateTimeline("\(prefix) states") { Query("up") },
      Text("\(prefix) text", markdown: "# Notes"),
    ]
  }

  static let mixed = Dashboard("Mixed", uid: "mixed") {
    for panel in panels("top") { panel }
    Row("Open") { panels("open") }
    Row("Collapsed") { panels("collapsed") }.collapsed()
  }
  .datasource(.prometheus("prom"))

  static func streamed(_ dashboard: Dashboard, chunkSize: Int? = nil) -> String {
    let placed = GridLayout.place(dashboard).items
    var chunks: [UInt8] = []
    if let chunkSize {
      var writer = JSONWriter(chunkSize: chunkSize) { chunks += $0 }
      DashboardLowering.write(dashboard, placed: placed, to: &writer)
      chunks += writer.finish()
    } else {
      var writer = JSONWriter()
      DashboardLowering.write(dashboard, placed: placed, to: &writer)
      chunks = writer.finish()
    }
    return String(decoding: chunks, as: UTF8.self)
  }

  @Test func flushingInSmallChunksWritesTheSameBytes() {
    #expect(Self.streamed(Self.mixed, chunkSize: 256) == Self.tree(Self.mixed))
  }

  /// An object out of order keeps its bytes until it closes, though the buffer is over its chunk size.
  @Test func anObjectOutOfOrderIsSortedBeforeItIsFlushed() {
    var chunks: [UInt8] = []
    var writer = JSONWriter(chunkSize: 256) { chunks += $0 }
    writer.beginObject()
    writer.member("b", String(repeating: "x", count: 300))
    writer.key("a")
    writer.beginArray()
    writer.beginObject()
    writer.member("k", String(repeating: "y", count: 300))
    writer.endObject()  // over the chunk size, inside an object whose keys are out of order
    writer.endArray()
    writer.endObject()
    chunks += writer.finish()
    let text = String(decoding: chunks, as: UTF8.self)
    #expect(text.firstRange(of: "\"a\"")!.lowerBound < text.firstRange(of: "\"b\"")!.lowerBound)
  }

  static func tree(_ dashboard: Dashboard) -> String {
    JSONWriter.write(DashboardLowering.json(dashboard, placed: GridLayout.place(dashboard).items))
  }

  @Test func streamedDashboardEqualsTheTreeWritten() {
    let tree = Self.tree(Self.mixed)
    #expect(Self.streamed(Self.mixed) == tree)
    #expect(tree.contains("\"fillOpacity\": 10"))
  }

  /// The order of keys is the writer's: members written in any order come out in byte order, each
  /// whole (nested objects, memoized values and escaped keys with it), as the tree path has them.
  @Test func keysComeOutInByteOrderWhateverOrderTheyAreWritten() {
    func events(_ sink: inout some JSONSink & ~Copyable) {
      sink.beginObject()
      sink.member("zeta", 1)
      sink.key("options")
      sink.beginObject()
      sink.member("b", true)
      sink.member("a", "x")
      sink.endObject()
      sink.dynamicKey("Quote\"d")
      sink.beginArray()
      sink.beginObject()
      sink.member("y", 2)
      sink.member("x", 1)
      sink.endObject()
      sink.endArray()
      sink.member("alpha", memoizing: 7) { value, sink in sink.int(value) }
      sink.member("alpha2", "after its prefix")
      sink.endObject()
    }
    var writer = JSONWriter()
    events(&writer)
    var tree = JSONTreeBuilder()
    events(&tree)
    let text = String(decoding: writer.finish(), as: UTF8.self)
    #expect(text == JSONWriter.write(tree.result))
    #expect(
      text == """
        {
          "Quote\\"d": [
            {
              "x": 1,
              "y": 2
            }
          ],
          "alpha": 7,
          "alpha2": "after its prefix",
          "options": {
            "a": "x",
            "b": true
          },
          "zeta": 1
        }

        """)
  }

  /// The test catalog with the second datasource the mixed dashboard names.
  static let mixedCatalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
    Datasource.prometheus(name: "Other", uid: "other", url: "http://other:9090", scrapeInterval: "15s")
    mixed
  }

  @Test func rendererWritesTheStreamedBytes() throws {
    let files = try Renderer.render(Self.mixedCatalog)
    let file = try #require(files.first { $0.path == "grafana/dashboards/mixed.json" })
    #expect(file.contents == Self.tree(Self.mixed))

    var chunks: [UInt8] = []
    var writer = JSONWriter(chunkSize: 512) { chunks += $0 }
    try Renderer.writeDashboard(uid: "mixed", of: Self.mixedCatalog, to: &writer) { chunks += $0 }
    #expect(String(decoding: chunks, as: UTF8.self) == file.contents)
  }

  @Test func writeDashboardRejectsAnUnknownUIDAndInvalidCatalogs() {
    var writer = JSONWriter()
    #expect(throws: ValidationFailure.self) { try Renderer.writeDashboard(uid: "nope", of: Self.mixedCatalog, to: &writer) }
    let broken = Dashboard("Broken", uid: "broken") { TimeSeries("") { Query("up") } }.datasource(.prometheus("prom"))
    #expect(throws: ValidationFailure.self) { try Renderer.writeDashboard(uid: "broken", of: catalog(broken), to: &writer) }
    #expect(writer.finish() == Array("\n".utf8), "nothing written before the final newline")
  }

  /// One panel of each kind with every optional key the lowering can write, so the byte order of keys
  /// is checked across all of them (the writer sorts what comes out of order; the tree has no order).
  static func everything(_ panel: Panel) -> Panel {
    panel
      .description("All of it.")
      .datasource(.prometheus("prom"))
      .decimals(1)
      .displayName("Shown")
      .min(0)
      .max(100)
      .noValue("n/a")
      .unit(.percent)
      .mappings {
        ValueMapping.value("0", text: "Down", color: .red)
        ValueMapping.range(from: 1, to: nil, text: "Up", color: .green)
        ValueMapping.regex("^x", text: "X")
        ValueMapping.special(.nullAndNaN, color: .blue)
      }
      .overrides {
        FieldOverride(.byName("a")).unit(.seconds).decimals(2).min(1).max(2).displayName("A").color(.fixed(.red))
        FieldOverride(.byRegex("b")).thresholds { Step(.green); Step(.red, from: 1) }
        FieldOverride(.byType("number")).mappings { ValueMapping.value("1", text: "one") }
        FieldOverride(.byQuery("A")).custom("custom.lineWidth", 2)
      }
      .links { Link.url("Runbook", "https://example.com", tooltip: "tip", newTab: true) }
      .repeatBy("instance", direction: .vertical, maxPerRow: 4)
      .transparent()
      .minInterval("30s")
      .maxDataPoints(500)
  }

  static let everythingDashboard = Dashboard("Everything", uid: "everything") {
    everything(TimeSeries("series") {
      Query("up", legend: "up").exemplars().format(.table).hidden().interval("1m").datasource(.prometheus("prom"))
      Query("up").refID("Z").rangeAndInstant()
    }.axisSoftRange(min: 0, max: 10).axisLabel("req"))
    everything(Stat("stat") { Query("up").instant() })
    everything(Gauge("gauge") { Query("up") })
    everything(BarGauge("bars") { Query("up") })
    everything(Table("table") { Query("up") }.sortBy("Value", descending: true))
    everything(Heatmap("heatmap") { Query("up").format(.heatmap) })
    everything(StateTimeline("states") { Query("up") })
    everything(Text("text", markdown: "# Notes"))
  }
  .variables { Variable.query("instance", "label_values(up, instance)", datasource: .prometheus("prom")).multi() }

  @Test func everyOptionalKeyInOrderOnBothPaths() {
    let tree = Self.tree(Self.everythingDashboard)
    #expect(Self.streamed(Self.everythingDashboard) == tree)
    for key in ["\"maxPerRow\": 4", "\"maxDataPoints\": 500", "\"exemplar\": true", "\"axisSoftMax\": 10", "\"noValue\""] {
      #expect(tree.contains(key), "\(key)")
    }
  }

  @Test func memoizedMembersFollowTheirInputAndDepth() {
    func write(_ value: Int, to sink: inout some JSONSink & ~Copyable) {
      sink.beginObject()
      sink.member("n", value)
      sink.endObject()
    }
    var writer = JSONWriter()
    var builder = JSONTreeBuilder()
    writer.beginArray()
    builder.beginArray()
    for value in [1, 1, 2, 1] {
      writer.beginObject()
      builder.beginObject()
      writer.member("m", memoizing: value) { write($0, to: &$1) }
      builder.member("m", memoizing: value) { write($0, to: &$1) }
      writer.key("z")
      builder.key("z")
      writer.beginObject()
      builder.beginObject()
      writer.member("m", memoizing: value) { write($0, to: &$1) }
      builder.member("m", memoizing: value) { write($0, to: &$1) }
      writer.endObject()
      builder.endObject()
      writer.endObject()
      builder.endObject()
    }
    writer.endArray()
    builder.endArray()
    #expect(String(decoding: writer.finish(), as: UTF8.self) == JSONWriter.write(builder.result))
  }
}
