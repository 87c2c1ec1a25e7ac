import MonitoringDSL
import MonitoringRender
import Testing

/// Large dashboards are validated and lowered in parts on all cores: the bytes and the diagnostics
/// must be those of one pass, in order.
@Suite struct ConcurrentRenderTests {
  /// 100 rows of StreamingWriterTests' mixed panels (1 600 panels, far over the 256 of a part),
  /// every tenth row collapsed.
  static let large = Dashboard("Large", uid: "large") {
    for index in 0..<100 {
      if index % 10 == 9 {
        Row("Collapsed \(index)") { StreamingWriterTests.panels("c\(index)") }.collapsed()
      } else {
        Row("Row \(index)") { StreamingWriterTests.panels("r\(index)") }
      }
    }
  }
  .datasource(.prometheus("prom"))

  @Test func lowersInPartsTheBytesOfOnePass() {
    let tree = StreamingWriterTests.tree(Self.large)
    #expect(StreamingWriterTests.streamed(Self.large) == tree)
    #expect(StreamingWriterTests.streamed(Self.large, chunkSize: 4096) == tree)
  }

  @Test func valuesInPartsEqualTheValuesOneByOne() {
    var serial = JSONWriter()
    serial.beginArray()
    for index in 0..<1000 { serial.int(index) }
    serial.endArray()
    var parts = JSONWriter()
    parts.beginArray()
    parts.values(of: (0..<10).map { ($0 * 100)..<($0 * 100 + 100) }) { range, writer in
      for index in range { writer.int(index) }
    }
    parts.endArray()
    #expect(parts.finish() == serial.finish())
  }

  @Test func diagnosticsComeInPanelOrder() {
    let panels = (0..<2000).map { index in
      TimeSeries("P\(index)") { Query(index % 7 == 0 ? "sum(" : "up") }
    }
    let dashboard = Dashboard("Broken", uid: "broken") {
      for first in stride(from: 0, to: panels.count, by: 8) { Row("R\(first)") { Array(panels[first..<(first + 8)]) } }
    }
    .datasource(.prometheus("prom"))
    let catalog = Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
      dashboard
    }
    var reported: [Int] = []
    do {
      _ = try Renderer.render(catalog)
      Issue.record("a dashboard with broken queries rendered")
    } catch {
      reported = error.diagnostics.compactMap { diagnostic in
        diagnostic.path.lazy.compactMap { element -> Int? in
          if case .panel(let title) = element { Int(title.dropFirst()) } else { nil }
        }.first
      }
    }
    #expect(reported == Array(stride(from: 0, to: 2000, by: 7)))
  }
}
