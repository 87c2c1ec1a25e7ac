import MonitoringDSL
import MonitoringRender
import Testing

/// The v2 lowering and its reading are inverses: every golden and starter dashboard, lowered to v2
/// and read back, is its classic model again, member for member.
@Suite struct DashboardV2RoundTripTests {
  @Test(arguments: GoldenTests.everyCatalog)
  func v2ReadsBackToTheClassicModel(_ golden: GoldenCase) {
    for dashboard in golden.catalog.dashboards {
      let classic = DashboardLowering.json(dashboard, placed: GridLayout.place(dashboard).items)
      let (resource, diagnostics) = DashboardV2Lowering.resource(fromClassic: classic, path: [.dashboard(dashboard.title)])
      #expect(diagnostics.map(\.description) == [], "\(dashboard.title)")
      let back = DashboardV2Reading.classic(resource, schemaVersion: dashboard.target.schemaVersion)
      for difference in JSONDifferences.between(classic, back) { Issue.record("\(dashboard.title): \(difference)") }
    }
  }
}

/// The paths where two JSON trees differ, for a readable failure.
enum JSONDifferences {
  static func between(_ old: JSONValue?, _ new: JSONValue?, at path: String = "$") -> [String] {
    switch (old, new) {
    case (.object(let a)?, .object(let b)?):
      return Set(a.keys).union(b.keys).sorted().flatMap { between(a[$0], b[$0], at: "\(path).\($0)") }
    case (.array(let a)?, .array(let b)?) where a.count == b.count:
      return zip(a, b).enumerated().flatMap { between($1.0, $1.1, at: "\(path)[\($0)]") }
    case (.array(let a)?, .array(let b)?):
      let titles = { (list: [JSONValue]) in list.map { $0["title"]?.text ?? "?" }.joined(separator: ", ") }
      return ["\(path): \(a.count) items (\(titles(a))) → \(b.count) (\(titles(b)))"]
    default:
      return old == new ? [] : ["\(path): \(old.map { JSONWriter.write($0) } ?? "absent") → \(new.map { JSONWriter.write($0) } ?? "absent")"]
    }
  }
}
