public import MonitoringDSL

/// A panel's place on Grafana's 24-column grid.
public struct GridPosition: Hashable, Sendable {
  public var x: Int, y: Int, width: Int, height: Int
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
  func overlaps(_ other: GridPosition) -> Bool {
    x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
  }
}

/// A panel's resolved id and position. The panel itself stays in the dashboard: the layout is one
/// ``PlacedItem`` per dashboard item, in the same order, and the lowering walks the two together
/// (so a dashboard of thousands of panels is not copied).
public struct PlacedPanel: Hashable, Sendable {
  public var id: Int
  public var position: GridPosition
}

/// A row's resolved id and position, and its panels' (in the row's order).
public struct PlacedRow: Hashable, Sendable {
  public var id: Int
  public var position: GridPosition
  public var panels: [PlacedPanel]
}

/// The layout of one dashboard item: `.panel` for a panel above the rows, `.row` for a row.
public enum PlacedItem: Hashable, Sendable {
  case panel(PlacedPanel)
  case row(PlacedRow)
}

/// The layout pass: assigns panel ids in traversal order (a fixed id kept, the others the next id no
/// fixed one takes) and places every panel on the 24-column grid.
///
/// Panels without a position flow left to right and wrap, each taking the first free spot at or after
/// the previous one (the way Grafana compacts a grid, so nothing moves on load). A row takes a full-width
/// line below everything before it; its panels are placed from the line after it, whether the row is
/// open (panels follow it in the list) or collapsed (panels live inside it and take no space).
/// ```swift
/// let (items, diagnostics) = GridLayout.place(dashboard)
/// ```
public enum GridLayout {
  public static let columns = 24

  public static func place(_ dashboard: Dashboard) -> (items: [PlacedItem], diagnostics: [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    var ids = PanelIDs(dashboard, root: [.dashboard(dashboard.title)], into: &diagnostics)
    var items: [PlacedItem] = []
    items.reserveCapacity(dashboard.items.count)
    var top = 0
    var looseSection: [Panel] = []
    let root: [PathElement] = [.dashboard(dashboard.title)]

    func flushLoosePanels() {
      guard !looseSection.isEmpty else { return }
      let placed = placeSection(looseSection, top: top, ids: &ids, path: root, into: &diagnostics)
      items += placed.panels.map(PlacedItem.panel)
      top = placed.bottom
      looseSection = []
    }

    for item in dashboard.items {
      switch item {
      case .panel(let panel):
        looseSection.append(panel)
      case .row(let row):
        flushLoosePanels()
        let rowID = ids.next(fixed: row.id)
        let rowPosition = GridPosition(x: 0, y: top, width: columns, height: 1)
        let placed = placeSection(
          row.panels, top: top + 1, ids: &ids, path: root + [.row(row.title)], into: &diagnostics)
        items.append(.row(PlacedRow(id: rowID, position: rowPosition, panels: placed.panels)))
        top = row.isCollapsed ? top + 1 : placed.bottom
      }
    }
    flushLoosePanels()
    return (items, diagnostics.diagnostics)
  }

  /// Places one section (the panels above the first row, or one row's panels) starting at line `top`.
  private static func placeSection(
    _ panels: [Panel], top: Int, ids: inout PanelIDs, path: [PathElement], into diagnostics: inout DiagnosticCollector
  ) -> (panels: [PlacedPanel], bottom: Int) {
    // NB: through the buffer, so each panel is read in place (an array element passed on is copied).
    panels.withUnsafeBufferPointer { panels in placeSection(panels, top: top, ids: &ids, path: path, into: &diagnostics) }
  }

  private static func placeSection(
    _ panels: UnsafeBufferPointer<Panel>, top: Int, ids: inout PanelIDs, path: [PathElement],
    into diagnostics: inout DiagnosticCollector
  ) -> (panels: [PlacedPanel], bottom: Int) {
    var occupied = Occupancy(top: top)
    var positions = [GridPosition?](repeating: nil, count: panels.count)

    // Pinned panels first, so the flowing ones go around them.
    for index in panels.indices {
      guard let point = panels[index].layout.position else { continue }
      let size = self.size(of: panels.baseAddress! + index)
      let position = GridPosition(x: point.x, y: top + point.y, width: size.width, height: size.height)
      let here = path + [.panel(panels[index].title)]
      if !checkBounds(position, point: point, at: here, into: &diagnostics) { continue }
      if occupied.overlapsAny(position), let other = occupied.all.first(where: position.overlaps) {
        let otherTitle = panels[positions.firstIndex(of: other) ?? index].title
        diagnostics.report(here, "overlaps panel \"\(otherTitle)\" at x=\(point.x), y=\(point.y)")
      }
      occupied.add(position)
      positions[index] = position
    }

    var cursor = (x: 0, y: top)
    for index in panels.indices where panels[index].layout.position == nil {
      let size = self.size(of: panels.baseAddress! + index)
      guard size.width >= 1, size.width <= columns, size.height >= 1 else {
        diagnostics.report(path + [.panel(panels[index].title)], "size \(size.width)×\(size.height) does not fit the grid (width 1…24, height ≥ 1)")
        continue
      }
      let position = firstFreeSpot(width: size.width, height: size.height, from: cursor, occupied: occupied)
      occupied.add(position)
      positions[index] = position
      cursor = (position.x + position.width, position.y)
    }

    var placed: [PlacedPanel] = []
    placed.reserveCapacity(panels.count)
    for index in panels.indices {
      let position = positions[index] ?? GridPosition(x: 0, y: top, width: 1, height: 1)
      placed.append(PlacedPanel(id: ids.next(fixed: panels[index].id), position: position))
    }
    let bottom = occupied.all.reduce(top) { Swift.max($0, $1.y + $1.height) }
    return (placed, bottom)
  }

  private static func checkBounds(
    _ position: GridPosition, point: GridPoint, at path: [PathElement], into diagnostics: inout DiagnosticCollector
  ) -> Bool {
    if position.width < 1 || position.width > columns || position.height < 1 {
      diagnostics.report(path, "size \(position.width)×\(position.height) does not fit the grid (width 1…24, height ≥ 1)")
      return false
    }
    if point.x < 0 || point.y < 0 || point.x + position.width > columns {
      diagnostics.report(
        path, "position x=\(point.x), y=\(point.y) with width \(position.width) is outside the 24-column grid")
      return false
    }
    return true
  }

  /// The panel's size: its layout's, else its kind's default.
  static func size(of panel: UnsafePointer<Panel>) -> (width: Int, height: Int) {
    // NB: through a pointer, member by member: a panel passed on by value is copied, a retain and
    // release of each of its two dozen members.
    let fallback = type(of: panel.pointee.kind.base).defaultSize
    return (panel.pointee.layout.width ?? fallback.width, panel.pointee.layout.height ?? fallback.height)
  }

  /// The first spot at or after `cursor`, left to right and line by line, that overlaps nothing.
  private static func firstFreeSpot(
    width: Int, height: Int, from cursor: (x: Int, y: Int), occupied: Occupancy
  ) -> GridPosition {
    var y = cursor.y
    var x = cursor.x
    while true {
      while x + width <= columns {
        let candidate = GridPosition(x: x, y: y, width: width, height: height)
        if !occupied.overlapsAny(candidate) { return candidate }
        x += 1
      }
      y += 1
      x = 0
    }
  }
}

/// The cells a section's panels take: a bit mask of the 24 columns per grid line, so that whether a
/// panel overlaps another costs its height, not the number of panels placed before it (a section of
/// thousands of panels is placed in linear time). Panels taller than ``maskedHeight`` lines (or outside
/// the ``maskedDepth`` lines from the section's top) are kept in a list and compared one by one instead.
private struct Occupancy {
  static let maskedHeight = 256
  /// How far below the top masks are kept (4 MiB of them): a panel pinned further down is listed.
  static let maskedDepth = 1 << 20

  /// Every position taken, in the order taken.
  private(set) var all: [GridPosition] = []
  private var tall: [GridPosition] = []
  /// The section's first line: `lines[0]` is its mask.
  private let top: Int
  /// NB: an array from the section's top, not a dictionary by line: every panel reads and sets a
  /// mask per line it covers, and hashing the line cost more than the rest of the layout.
  private var lines: [UInt32] = []

  init(top: Int) { self.top = top }

  func overlapsAny(_ position: GridPosition) -> Bool {
    guard isMasked(position) else { return all.contains(where: position.overlaps) }
    if tall.contains(where: position.overlaps) { return true }
    let bits = Self.bits(position)
    let end = Swift.min(position.y + position.height - top, lines.count)
    var index = position.y - top
    while index < end {
      if lines[index] & bits != 0 { return true }
      index += 1
    }
    return false
  }

  mutating func add(_ position: GridPosition) {
    all.append(position)
    guard isMasked(position) else { return tall.append(position) }
    let bits = Self.bits(position)
    let end = position.y + position.height - top
    if lines.count < end { lines.append(contentsOf: repeatElement(0, count: end - lines.count)) }
    for index in (position.y - top)..<end { lines[index] |= bits }
  }

  private func isMasked(_ position: GridPosition) -> Bool {
    (1...Self.maskedHeight).contains(position.height) && (0..<Self.maskedDepth).contains(position.y - top)
      && position.x >= 0 && position.width >= 1 && position.x + position.width <= GridLayout.columns
  }

  private static func bits(_ position: GridPosition) -> UInt32 {
    ((1 << UInt32(position.width)) - 1) << UInt32(position.x)
  }
}
