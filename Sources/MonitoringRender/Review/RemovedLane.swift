/// The lane under a marked dashboard where the base's removed panels are drawn as dashed red
/// ghosts: each keeps its old columns, width and height, and is stacked as high as the ghosts
/// before it allow (Grafana's own gravity), so ghosts never overlap each other or the dashboard.
/// ```swift
/// RemovedLane(marks, top: 700)?.draw(into: &svg)
/// ```
struct RemovedLane {
  let marks: PreviewMarks
  let top: Int
  /// Each removed panel with its cell in the lane's grid.
  let ghosts: [(removed: PreviewMarks.RemovedPanel, grid: DashboardSnapshot.GridPosition)]
  let units: Int

  static let headingHeight = 24

  /// `nil` when nothing was removed.
  init?(_ marks: PreviewMarks, top: Int) {
    guard !marks.removedPanels.isEmpty || !marks.removedRows.isEmpty else { return nil }
    self.marks = marks
    self.top = top
    var skyline = Array(repeating: 0, count: 24)
    var ghosts: [(removed: PreviewMarks.RemovedPanel, grid: DashboardSnapshot.GridPosition)] = []
    for removed in marks.removedPanels {
      let x = min(max(removed.panel.grid.x, 0), 23)
      let w = min(max(removed.panel.grid.w, 1), 24 - x)
      let h = max(removed.panel.grid.h, 1)
      let y = skyline[x..<(x + w)].max() ?? 0
      for column in x..<(x + w) { skyline[column] = y + h }
      ghosts.append((removed, DashboardSnapshot.GridPosition(x: x, y: y, w: w, h: h)))
    }
    self.ghosts = ghosts
    units = skyline.max() ?? 0
  }

  var bottom: Int { top + Self.headingHeight + units * DashboardPreview.rowHeight }

  func draw(into svg: inout SVGWriter) {
    svg.open("g", ["class": "removed-lane"])
    var heading = "Removed since \(marks.base)"
    let count = marks.removedPanels.count
    if count > 0 { heading += ": \(count) panel\(count == 1 ? "" : "s")" }
    if !marks.removedRows.isEmpty {
      heading += (count > 0 ? "; " : ": ") + marks.removedRows.map { "row \"\($0)\"" }.joined(separator: ", ")
    }
    svg.element(
      "text",
      [
        "x": "\(DashboardPreview.margin)", "y": "\(top + 16)", "font-size": "13", "font-weight": "bold",
        "fill": PreviewPalette.mark(.removed),
      ],
      text: DashboardPreview.fit(heading, width: DashboardPreview.width - 2 * DashboardPreview.margin, charWidth: 8))
    for (index, (removed, grid)) in ghosts.enumerated() {
      let old = removed.panel.grid
      let place = removed.row.map { "row \"\($0)\", " } ?? ""
      DashboardPreview.panel(
        removed.panel, at: DashboardPreview.frame(grid, top: top + Self.headingHeight), mark: nil,
        clip: "removed-\(index + 1)", into: &svg,
        kind: .removed, notes: ["was \(place)x \(old.x), y \(old.y)"])
    }
    svg.close("g")
  }
}
