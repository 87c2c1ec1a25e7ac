/// Draws a dashboard's layout as an SVG a reviewer can look at: Grafana's 24-column grid scaled to
/// pixels, a band per row (collapsed rows with the number of panels they hide), and each panel at
/// its grid position with its title, kind, unit and threshold colours. With ``PreviewMarks`` it
/// outlines what was added, moved or changed since the base, and draws removed panels as ghosts in
/// a lane under the dashboard. Coordinates are integers and nothing depends on the clock, so the
/// same dashboard is always the same bytes.
/// ```swift
/// let snapshot = try DashboardSnapshot(JSONParser.parse(dashboardJSON))
/// let svg = DashboardPreview.svg(snapshot)                       // the layout
/// let review = DashboardPreview.svg(snapshot, marks: marks)      // and what changed
/// ```
public enum DashboardPreview {
  /// Pixels per grid column (Grafana's grid has 24) and per grid row unit.
  public static let columnWidth = 40
  public static let rowHeight = 30
  static let margin = 16
  static let headerHeight = 64
  /// Space kept free around each cell, so neighbours never touch.
  static let inset = 3
  static let gridTop = margin + headerHeight
  public static let width = margin * 2 + 24 * columnWidth

  /// A rectangle in pixels.
  public struct Rect: Hashable, Sendable {
    public var x, y, width, height: Int
  }

  /// Where a panel or row band at `grid` is drawn (the cell, less the inset on each side).
  /// ```swift
  /// DashboardPreview.frame(panel.grid)  // Rect(x: 19, y: 113, width: 234, height: 234) for 0,1 6×8
  /// ```
  public static func frame(_ grid: DashboardSnapshot.GridPosition) -> Rect {
    frame(grid, top: gridTop)
  }

  /// Where a row's band is drawn: the full width of its grid row.
  /// ```swift
  /// DashboardPreview.frame(row: snapshot.rows[0])  // Rect(x: 19, y: 83, width: 954, height: 24) at y 0
  /// ```
  public static func frame(row: DashboardSnapshot.Row) -> Rect {
    frame(DashboardSnapshot.GridPosition(x: 0, y: row.y, w: 24, h: 1))
  }

  static func frame(_ grid: DashboardSnapshot.GridPosition, top: Int) -> Rect {
    Rect(
      x: margin + grid.x * columnWidth + inset, y: top + grid.y * rowHeight + inset,
      width: max(grid.w * columnWidth - 2 * inset, 1), height: max(grid.h * rowHeight - 2 * inset, 1))
  }

  /// The whole picture: header (title, uid, counts; with marks the base and a legend), the rows
  /// and panels in the dashboard's order, and with marks the lane of removed panels.
  /// ```swift
  /// try folder.write("dev/ops.svg", DashboardPreview.svg(snapshot, marks: marks))
  /// ```
  public static func svg(_ snapshot: DashboardSnapshot, marks: PreviewMarks? = nil) -> String {
    let gridBottom = gridTop + gridUnits(snapshot) * rowHeight
    let lane = marks.flatMap { RemovedLane($0, top: gridBottom + margin) }
    let height = (lane?.bottom ?? gridBottom) + margin
    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "width": "\(width)", "height": "\(height)",
        "viewBox": "0 0 \(width) \(height)", "font-family": "DejaVu Sans, Verdana, sans-serif",
      ])
    svg.element("title", text: "Layout of \(snapshot.title)")
    svg.element("rect", ["x": "0", "y": "0", "width": "\(width)", "height": "\(height)", "fill": PreviewPalette.canvas])
    header(snapshot, marks: marks, into: &svg)
    let keys = ReviewItems.panelKeys(snapshot)
    var drawn = 0
    for (row, rowKeys) in zip(snapshot.rows, keys) {
      if let title = row.title {
        band(row, title: title, keys: rowKeys, marks: marks, into: &svg)
      }
      guard !row.collapsed else { continue }
      for (panel, key) in zip(row.panels, rowKeys) {
        drawn += 1
        self.panel(panel, at: frame(panel.grid), mark: marks?.marks[key], clip: "cell-\(drawn)", into: &svg)
      }
    }
    if snapshot.rows.allSatisfy({ $0.panels.isEmpty && $0.title == nil }) {
      svg.element(
        "text", ["x": "\(margin)", "y": "\(gridTop + 20)", "font-size": "13", "fill": PreviewPalette.muted], text: "No panels.")
    }
    if let lane { lane.draw(into: &svg) }
    svg.close("svg")
    return svg.text
  }

  /// Grid units from the top to the lowest band or visible panel (at least one, for the
  /// "No panels." line).
  static func gridUnits(_ snapshot: DashboardSnapshot) -> Int {
    var bottom = 1
    for row in snapshot.rows {
      if row.title != nil { bottom = max(bottom, row.y + 1) }
      guard !row.collapsed else { continue }
      for panel in row.panels { bottom = max(bottom, panel.grid.y + panel.grid.h) }
    }
    return bottom
  }

  // MARK: - Header

  private static func header(_ snapshot: DashboardSnapshot, marks: PreviewMarks?, into svg: inout SVGWriter) {
    let legendWidth = marks == nil ? 0 : 4 * legendItemWidth
    let titleWidth = width - 2 * margin - legendWidth - 8
    svg.element(
      "text", ["x": "\(margin)", "y": "\(margin + 18)", "font-size": "18", "font-weight": "bold", "fill": PreviewPalette.text],
      text: fit(snapshot.title.isEmpty ? "(untitled dashboard)" : snapshot.title, width: titleWidth, charWidth: 11))
    let panels = snapshot.rows.map(\.panels.count).reduce(0, +)
    let rows = snapshot.rows.filter { $0.title != nil }.count
    var facts = [
      "uid \(snapshot.uid)", "\(panels) panel\(panels == 1 ? "" : "s")", "\(rows) row\(rows == 1 ? "" : "s")",
      "24-column grid",
    ]
    if let marks {
      facts.append(marks.isNewDashboard ? "new since \(marks.base)" : "compared with \(marks.base)")
      if !marks.changedSettings.isEmpty { facts.append("settings changed: " + marks.changedSettings.joined(separator: ", ")) }
    }
    svg.element(
      "text", ["x": "\(margin)", "y": "\(margin + 40)", "font-size": "12", "fill": PreviewPalette.muted],
      text: fit(facts.joined(separator: " · "), width: width - 2 * margin, charWidth: 7))
    if let marks { legend(marks, into: &svg) }
  }

  static let legendItemWidth = 100

  private static func legend(_ marks: PreviewMarks, into svg: inout SVGWriter) {
    svg.open("g", ["class": "legend"])
    for (index, kind) in [Change.Kind.added, .moved, .changed, .removed].enumerated() {
      let x = width - margin - (4 - index) * legendItemWidth
      let color = PreviewPalette.mark(kind)
      svg.element(
        "rect",
        ["x": "\(x)", "y": "\(margin + 6)", "width": "12", "height": "12", "fill": "none", "stroke": color, "stroke-width": "3"]
          + dash(kind))
      svg.element(
        "text", ["x": "\(x + 18)", "y": "\(margin + 17)", "font-size": "12", "fill": PreviewPalette.text],
        text: "\(marks.count(kind)) \(kind.rawValue)")
    }
    svg.close("g")
  }

  // MARK: - Rows

  private static func band(
    _ row: DashboardSnapshot.Row, title: String, keys: [String], marks: PreviewMarks?, into svg: inout SVGWriter
  ) {
    let rect = frame(row: row)
    let mark = marks?.mark(row: title)
    svg.open("g", ["class": ["row", mark?.kind?.rawValue].compactMap { $0 }.joined(separator: " "), "data-title": title])
    svg.element(
      "rect", outline(rect, fill: PreviewPalette.band, kind: mark?.kind))
    var notes: [String] = []
    if let variable = row.repeatBy { notes.append("repeated for each $\(variable)") }
    if row.collapsed {
      let count = row.panels.count
      notes.append("collapsed: \(count) panel\(count == 1 ? "" : "s") hidden")
      let hidden = zip(row.panels, keys).compactMap { _, key in marks?.marks[key]?.kind }
      for kind in [Change.Kind.added, .moved, .changed] where hidden.contains(kind) {
        notes.append("\(hidden.filter { $0 == kind }.count) \(kind.rawValue)")
      }
    }
    if let movedFrom = mark?.movedFrom { notes.append("moved from \(movedFrom)") }
    if let fields = mark?.changedFields, !fields.isEmpty { notes.append("changed: " + fields.joined(separator: ", ")) }
    if let kind = mark?.kind, kind == .added { notes.append("added") }
    let note = notes.joined(separator: " · ")
    let noteWidth = min(note.count * 7, rect.width / 2)
    svg.element(
      "text",
      ["x": "\(rect.x + 8)", "y": "\(rect.y + 17)", "font-size": "13", "font-weight": "bold", "fill": PreviewPalette.text],
      text: fit("\(row.collapsed ? "▸" : "▾") \(title)", width: rect.width - 24 - noteWidth, charWidth: 8))
    if !note.isEmpty {
      svg.element(
        "text",
        [
          "x": "\(rect.x + rect.width - 8)", "y": "\(rect.y + 17)", "font-size": "11", "text-anchor": "end",
          "fill": mark?.kind.map(PreviewPalette.mark) ?? PreviewPalette.muted,
        ],
        text: fit(note, width: noteWidth, charWidth: 7))
    }
    svg.close("g")
  }

  // MARK: - Shared pieces

  /// The attributes of a cell's rectangle: a thin border, or the mark's thick (dashed) outline.
  static func outline(_ rect: Rect, fill: String, kind: Change.Kind?) -> SVGWriter.Attributes {
    let stroke = kind.map(PreviewPalette.mark) ?? PreviewPalette.border
    return [
      "x": "\(rect.x)", "y": "\(rect.y)", "width": "\(rect.width)", "height": "\(rect.height)", "rx": "3", "fill": fill,
      "stroke": stroke, "stroke-width": kind == nil ? "1" : "3",
    ] + dash(kind)
  }

  /// Moved and removed items have dashed outlines, so the marks differ in more than hue.
  static func dash(_ kind: Change.Kind?) -> SVGWriter.Attributes {
    switch kind {
    case .moved?: ["stroke-dasharray": "8 4"]
    case .removed?: ["stroke-dasharray": "4 3"]
    default: [:]
    }
  }

  /// `text` cut with "…" to about `width` pixels, at `charWidth` pixels a character.
  static func fit(_ text: String, width: Int, charWidth: Int) -> String {
    let fitting = max(width / charWidth, 1)
    guard text.count > fitting else { return text }
    return String(text.prefix(max(fitting - 1, 0))) + "…"
  }
}
