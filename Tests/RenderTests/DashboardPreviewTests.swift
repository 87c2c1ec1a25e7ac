import MonitoringDSL
import MonitoringRender
import Testing

/// `gen preview`'s pictures, read back as XML: every panel at its grid position, rows and collapsed
/// rows, the marks against a base, escaping, colours.
@Suite struct DashboardPreviewTests {
  /// The dashboard as `gen diff` and `gen preview` read it: written, then parsed back.
  func snapshot(_ dashboard: Dashboard) throws -> DashboardSnapshot {
    let model = DashboardLowering.json(dashboard, placed: GridLayout.place(dashboard).items)
    return try DashboardSnapshot(JSONParser.parse(JSONWriter.write(model)))
  }

  static let traffic = Row("Traffic") {
    TimeSeries("Requests") { Query("sum(rate(http_requests_total[5m]))") }.unit(.requestsPerSecond)
      .thresholds { Step(.green); Step(.red, from: 100) }
    Stat("Errors") { Query("sum(http_errors)") }.unit(.short).size(width: 6, height: 4)
    Gauge("Saturation") { Query("avg(saturation)") }.unit(.percent).size(width: 6, height: 8)
    latency
  }

  static let latency = TimeSeries("Latency p95") { Query("histogram_quantile(0.95, sum(rate(latency_bucket[5m])) by (le))") }
    .unit(.seconds)

  static let hidden = Row("Hidden") {
    Table("Firing") { Query("ALERTS") }
    Heatmap("Latency") { Query("sum(rate(latency_bucket[5m])) by (le)") }
  }
  .collapsed()

  static let base = Dashboard("Service", uid: "service") {
    traffic
    hidden
  }
  .datasource(.prometheus("prom"))

  @Test func everyVisiblePanelIsACellAtItsGridPosition() throws {
    let snapshot = try snapshot(Self.base)
    let tree = try SVGTree(DashboardPreview.svg(snapshot))
    let visible = snapshot.rows.filter { !$0.collapsed }.flatMap(\.panels)
    try #require(!visible.isEmpty)
    for panel in visible {
      let group = try #require(tree.panel(panel.title), "\(panel.title)")
      let frame = try #require(SVGTree.frame(group))
      let expected = DashboardPreview.frame(panel.grid)
      #expect(frame.x == expected.x && frame.y == expected.y, "\(panel.title)")
      #expect(frame.width == expected.width && frame.height == expected.height, "\(panel.title)")
      #expect(expected.x == 16 + 3 + panel.grid.x * DashboardPreview.columnWidth)
      #expect(expected.width == panel.grid.w * DashboardPreview.columnWidth - 6)
      #expect(group.attributes["data-kind"] == panel.type)
      #expect(group.allText.contains { $0.hasPrefix(panel.type) && $0.contains(panel.unit ?? panel.type) })
    }
    // The canvas holds the full 24-column grid.
    #expect(tree.root.int("width") == 16 * 2 + 24 * DashboardPreview.columnWidth)
    let bottom = visible.map { DashboardPreview.frame($0.grid) }.map { $0.y + $0.height }.max() ?? 0
    #expect(try #require(tree.root.int("height")) > bottom)
  }

  @Test func collapsedRowsShowHowManyPanelsTheyHide() throws {
    let snapshot = try snapshot(Self.base)
    let tree = try SVGTree(DashboardPreview.svg(snapshot))
    let hidden = try #require(snapshot.rows.first { $0.collapsed })
    let band = try #require(tree.root.all.first { $0.classes.contains("row") && $0.attributes["data-title"] == "Hidden" })
    #expect(band.allText.contains("▸ Hidden"))
    #expect(band.allText.contains("collapsed: \(hidden.panels.count) panels hidden"))
    for panel in hidden.panels { #expect(tree.panel(panel.title) == nil, "\(panel.title) is drawn") }
    let open = try #require(tree.root.all.first { $0.classes.contains("row") && $0.attributes["data-title"] == "Traffic" })
    #expect(open.allText.contains("▾ Traffic"))
  }

  @Test func thresholdStepsAreSwatchesInTheirColours() throws {
    let snapshot = try snapshot(Self.base)
    let tree = try SVGTree(DashboardPreview.svg(snapshot))
    let requests = try #require(snapshot.rows.flatMap(\.panels).first { $0.title == "Requests" })
    let group = try #require(tree.panel("Requests"))
    let strip = try #require(group.all.first { $0.classes.contains("thresholds") })
    let fills = strip.children.filter { $0.name == "rect" }.compactMap { $0.attributes["fill"] }
    #expect(fills == requests.thresholdSteps.map { PreviewPalette.hex($0.color) })
    #expect(fills == ["#73BF69", "#F2495C"])
    #expect(strip.allText == ["100"])
  }

  // MARK: - Marks

  /// `Requests` moves to a new row, `Errors` changes unit, `Saturation` goes, `Queue` is new.
  static let changed = Dashboard("Service", uid: "service") {
    Row("Traffic") {
      Stat("Errors") { Query("sum(http_errors)") }.unit(.percent).size(width: 6, height: 4)
      Stat("Queue") { Query("sum(queue_depth)") }.size(width: 6, height: 4)
      latency
    }
    Row("Moved here") {
      TimeSeries("Requests") { Query("sum(rate(http_requests_total[5m]))") }.unit(.requestsPerSecond)
        .thresholds { Step(.green); Step(.red, from: 100) }
    }
    hidden
  }
  .datasource(.prometheus("prom"))

  @Test func marksWhatWasAddedMovedChangedAndRemoved() throws {
    let old = try snapshot(Self.base)
    let new = try snapshot(Self.changed)
    let marks = PreviewMarks(base: "origin/main", old: old, new: new)
    let tree = try SVGTree(DashboardPreview.svg(new, marks: marks))

    let added = try #require(tree.panel("Queue"))
    #expect(added.classes.contains("added"))
    #expect(added.children.first?.name == "title")
    #expect(SVGTree.frame(added).map { _ in added.children[1].attributes["stroke"] } == PreviewPalette.mark(.added))
    #expect(added.allText.contains("added"))

    let moved = try #require(tree.panel("Requests"))
    #expect(moved.classes.contains("moved"))
    #expect(moved.children[1].attributes["stroke-dasharray"] != nil)
    #expect(moved.allText.contains("moved from row \"Traffic\" #1"))

    let changed = try #require(tree.panel("Errors"))
    #expect(changed.classes.contains("changed"))
    #expect(changed.allText.contains("changed: unit"))

    // An unchanged panel carries no mark, though it now sits elsewhere.
    let unchanged = try #require(tree.panel("Latency p95"))
    #expect(unchanged.classes == ["panel"])
    #expect(unchanged.children[1].attributes["stroke-width"] == "1")

    // The removed panel is a ghost in the lane under the dashboard, below every drawn panel.
    let lane = try #require(tree.root.all.first { $0.classes.contains("removed-lane") })
    #expect(lane.allText.first == "Removed since origin/main: 1 panel")
    let ghosts = lane.children.filter { $0.classes.contains("panel") }
    #expect(ghosts.map { $0.attributes["data-title"] } == ["Saturation"])
    let ghost = try #require(ghosts.first.flatMap(SVGTree.frame))
    let lowest = new.rows.filter { !$0.collapsed }.flatMap(\.panels).map { DashboardPreview.frame($0.grid) }
      .map { $0.y + $0.height }.max() ?? 0
    #expect(ghost.y > lowest)
    let saturation = try #require(old.rows.flatMap(\.panels).first { $0.title == "Saturation" })
    #expect(ghost.x == DashboardPreview.frame(saturation.grid).x)
    #expect(ghosts.first?.allText.contains("was row \"Traffic\", x \(saturation.grid.x), y \(saturation.grid.y)") == true)

    // The legend counts what it marks.
    let legend = try #require(tree.root.all.first { $0.classes.contains("legend") })
    #expect(legend.allText == ["1 added", "1 moved", "1 changed", "1 removed"])
    // The new row is marked added.
    let row = try #require(tree.root.all.first { $0.classes.contains("row") && $0.attributes["data-title"] == "Moved here" })
    #expect(row.classes.contains("added"))
  }

  @Test func marksAgreeWithGenDiff() throws {
    let old = try snapshot(Self.base)
    let new = try snapshot(Self.changed)
    let marks = PreviewMarks(base: "HEAD", old: old, new: new)
    #expect(marks.marks["panel Queue"]?.kind == .added)
    #expect(marks.marks["panel Requests"]?.movedFrom == "row \"Traffic\" #1")
    #expect(marks.marks["panel Errors"]?.changedFields == ["unit"])
    #expect(marks.removedPanels.map(\.panel.title) == ["Saturation"])
    #expect(marks.removedPanels.first?.row == "Traffic")
    #expect(marks.marks["panel Firing"] == nil && marks.marks["panel Latency"] == nil)
  }

  @Test func aDashboardNewSinceTheBaseIsAllAdded() throws {
    let new = try snapshot(Self.base)
    let tree = try SVGTree(DashboardPreview.svg(new, marks: PreviewMarks(base: "main", old: nil, new: new)))
    let visible = new.rows.filter { !$0.collapsed }.flatMap(\.panels)
    #expect(tree.panels("added").count == visible.count)
    #expect(tree.root.all.contains { $0.text.contains("new since main") })
    let hidden = try #require(tree.root.all.first { $0.classes.contains("row") && $0.attributes["data-title"] == "Hidden" })
    #expect(hidden.allText.contains { $0.contains("collapsed: 2 panels hidden · 2 added") })
  }

  @Test func ghostsOfRemovedPanelsNeverOverlap() throws {
    // Both panels sat at x 0 (one in a collapsed row, so at the same grid place): the lane stacks them.
    let old = try snapshot(
      Dashboard("Gone", uid: "gone") {
        Row("Open") { Stat("One") { Query("up") }.size(width: 12, height: 4) }
        Row("Closed") { Stat("Two") { Query("up") }.size(width: 8, height: 4) }.collapsed()
      })
    let new = try snapshot(Dashboard("Gone", uid: "gone") { Row("Open") {} })
    let tree = try SVGTree(DashboardPreview.svg(new, marks: PreviewMarks(base: "main", old: old, new: new)))
    let ghosts = tree.panels("removed").compactMap(SVGTree.frame)
    try #require(ghosts.count == 2)
    #expect(ghosts[0].x == ghosts[1].x)
    #expect(ghosts[0].y + ghosts[0].height < ghosts[1].y)
    #expect(tree.root.all.contains { $0.text == "Removed since main: 2 panels; row \"Closed\"" })
  }

  @Test func anEmptyDashboardSaysSo() throws {
    let tree = try SVGTree(DashboardPreview.svg(try snapshot(Dashboard("Empty", uid: "empty") {})))
    #expect(tree.panels().isEmpty)
    #expect(tree.root.all.contains { $0.name == "text" && $0.text == "No panels." })
    #expect(tree.root.all.contains { $0.text == "uid empty · 0 panels · 0 rows · 24-column grid" })
  }

  // MARK: - Text and colours

  @Test func textIsEscapedForXML() throws {
    let title = #"Errors <5xx> & "quotes" 'too'"#
    let dashboard = Dashboard(title, uid: "escape") {
      Row(#"Row <b>&amp;</b>"#) { Stat("</text><script>alert(1)</script>") { Query("up") } }
    }
    let svg = DashboardPreview.svg(try snapshot(dashboard))
    #expect(!svg.contains("<script>") && !svg.contains("<5xx>") && !svg.contains("<b>"))
    let tree = try SVGTree(svg)
    #expect(tree.root.all.contains { $0.name == "text" && $0.text == title })
    #expect(tree.root.all.contains { $0.text == "▾ Row <b>&amp;</b>" })
    #expect(tree.panel("</text><script>alert(1)</script>") != nil)
    #expect(!tree.root.all.contains { $0.name == "script" })
  }

  @Test func longTitlesAreCutToTheirCell() throws {
    let long = String(repeating: "Connection ", count: 10)
    let dashboard = Dashboard("Long", uid: "long") { Stat(long) { Query("up") }.size(width: 4, height: 4) }
    let tree = try SVGTree(DashboardPreview.svg(try snapshot(dashboard)))
    let group = try #require(tree.panel(long))
    let shown = try #require(group.all.first { $0.name == "text" }?.text)
    #expect(shown.hasSuffix("…") && shown.count < long.count)
    #expect(group.children.first { $0.name == "title" }?.text.hasPrefix(long) == true)
    // Whatever the font makes of it, the text is clipped to the cell.
    let clip = try #require(group.all.first { $0.name == "clipPath" })
    let id = try #require(clip.attributes["id"])
    let clipped = try #require(group.all.first { $0.attributes["clip-path"] == "url(#\(id))" })
    #expect(clipped.all.contains { $0.name == "text" && $0.text == shown })
    let cell = try #require(SVGTree.frame(group))
    #expect(SVGTree.frame(clip).map { [$0.x, $0.y, $0.width, $0.height] } == [cell.x, cell.y, cell.width, cell.height])
  }

  @Test func grafanaColourNamesBecomeHex() {
    #expect(PreviewPalette.hex("green") == "#73BF69")
    #expect(PreviewPalette.hex("semi-dark-red") == "#E02F44")
    #expect(PreviewPalette.hex("super-light-blue") == "#C0D8FF")
    #expect(PreviewPalette.hex("dark-orange") == "#E55400")
    #expect(PreviewPalette.hex("#12ab3C") == "#12ab3C")
    #expect(PreviewPalette.hex("rgba(50, 172, 45, 0.97)") == "rgba(50, 172, 45, 0.97)")
    #expect(PreviewPalette.hex("transparent") == "none")
    #expect(PreviewPalette.hex("url(#x)") == PreviewPalette.unknown)
    #expect(PreviewPalette.hex("#12345") == PreviewPalette.unknown)
  }

  @Test func theSameDashboardIsTheSameBytesWithIntegerCoordinates() throws {
    let old = try snapshot(Self.base)
    let new = try snapshot(Self.changed)
    let first = DashboardPreview.svg(new, marks: PreviewMarks(base: "main", old: old, new: new))
    #expect(first == DashboardPreview.svg(new, marks: PreviewMarks(base: "main", old: old, new: new)))
    let tree = try SVGTree(first)
    let ids = tree.root.all.compactMap { $0.attributes["id"] }
    #expect(!ids.isEmpty && Set(ids).count == ids.count, "clip path ids are unique")
    for element in tree.root.all {
      for name in ["x", "y", "width", "height", "x1", "y1", "x2", "y2"] {
        if let value = element.attributes[name] { #expect(Int(value) != nil, "\(element.name) \(name)=\(value)") }
      }
    }
  }
}
