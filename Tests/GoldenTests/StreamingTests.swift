import MonitoringDSL
import MonitoringRender
import Testing

/// Every dashboard of the golden cases and of specs/: the bytes `gen` streams equal the tree path's.
@Suite struct StreamingTests {
  @Test(arguments: GoldenTests.everyCatalog)
  func streamedDashboardsEqualTheWrittenTree(_ golden: GoldenCase) {
    for dashboard in golden.catalog.dashboards {
      let placed = GridLayout.place(dashboard).items
      var writer = JSONWriter()
      DashboardLowering.write(dashboard, placed: placed, to: &writer)
      let streamed = String(decoding: writer.finish(), as: UTF8.self)
      #expect(streamed == JSONWriter.write(DashboardLowering.json(dashboard, placed: placed)), "\(dashboard.title)")
    }
  }
}
