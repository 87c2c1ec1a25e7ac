import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

/// `gen preview`'s SVGs kept as goldens under `Fixtures/previews/<case>/<slug>.svg` (record with
/// `GEN_RECORD=1` and read them like code): the golden cases with dashboards, the seed, and the
/// `Rows` case marked against an edit of it.
@Suite struct PreviewGoldenTests {
  static let cases = GoldenCase.all.filter { !$0.catalog.dashboards.isEmpty } + [
    GoldenCase(name: "starter-dev", catalog: Monitoring.dev.defaultCatalog)
  ]

  static func folder(_ name: String) -> URL {
    GoldenFiles.packageRoot.appendingPathComponent("Tests/GoldenTests/Fixtures/previews/\(name)")
  }

  /// Each dashboard file read back, as `gen preview` reads it.
  static func snapshots(_ catalog: Catalog) throws -> [(slug: String, snapshot: DashboardSnapshot)] {
    var seen: Set<String> = []
    return try Renderer.render(catalog).compactMap { file in
      // One preview per dashboard, whatever the formats it is written in.
      guard file.spec.hasPrefix("dashboard/"), seen.insert(file.spec).inserted else { return nil }
      return (String(file.spec.dropFirst("dashboard/".count)), try DashboardSnapshot(JSONParser.parse(file.contents)))
    }
  }

  static func snapshot(_ dashboard: Dashboard) throws -> DashboardSnapshot {
    let model = DashboardLowering.json(dashboard, placed: GridLayout.place(dashboard).items)
    return try DashboardSnapshot(JSONParser.parse(JSONWriter.write(model)))
  }

  @Test(arguments: cases)
  func previewMatchesItsGolden(_ golden: GoldenCase) throws {
    let previews = try Self.snapshots(golden.catalog).map { slug, snapshot in
      OutputFile(path: "\(slug).svg", spec: "dashboard/\(slug)", contents: DashboardPreview.svg(snapshot))
    }
    try #require(previews.count == golden.catalog.dashboards.count)
    for problem in GoldenFiles.compare(previews, with: Self.folder(golden.name)) { Issue.record(Comment(rawValue: problem)) }
  }

  @Test func markedPreviewMatchesItsGolden() throws {
    let base = try Self.snapshot(Rows.dashboard)
    let edited = try Self.snapshot(RowsEdited.dashboard)
    let svg = DashboardPreview.svg(edited, marks: PreviewMarks(base: "origin/main", old: base, new: edited))
    let file = OutputFile(path: "rows.svg", spec: "dashboard/rows", contents: svg)
    for problem in GoldenFiles.compare([file], with: Self.folder("rows-marked")) { Issue.record(Comment(rawValue: problem)) }
  }
}
