import MonitoringDSL
import MonitoringRender

/// What Grafana does to a dashboard older than the grid layout (schema 16) and to the panels it no
/// longer has (Angular `graph` and `singlestat`, migrated automatically since Grafana 11/12), done
/// on the JSON before import. Each step leaves a note for the person reviewing the import.
enum LegacyMigration {
  /// Grafana's constants for the row → grid conversion.
  static let columns = 24
  static let cellHeight = 30
  static let cellMargin = 8
  static let defaultRowHeight = 250
  static let defaultSpan = 4.0

  /// Turns `rows[]` into row panels and grid positions, as Grafana's `upgradeToGridLayout` does.
  static func gridLayout(_ dashboard: JSONValue, notes: inout [ImportNote]) -> JSONValue {
    guard case .array(let rows)? = dashboard["rows"] else { return dashboard }
    var panels: [JSONValue] = []
    let maxID = rows.flatMap { $0["panels"]?.elements ?? [] }.compactMap { $0["id"]?.integer }.max() ?? 0
    var nextRowID = maxID + 1
    // Row panels appear if even one row is collapsed, repeated or shows its title.
    let showRows = rows.contains { row in
      row["collapse"] == .bool(true) || row["showTitle"] == .bool(true) || (row["repeat"]?.text.map { !$0.isEmpty } ?? false)
    }
    var y = 0
    // Rows Grafana repeated when it saved the dashboard are copies; it skips them.
    for row in rows where row["repeatIteration"] == nil || row["repeatIteration"] == .null {
      let rowHeight = gridHeight(row["height"] ?? .int(defaultRowHeight))
      let collapsed = row["collapse"] == .bool(true)
      var rowPanel: [String: JSONValue]?
      if showRows {
        rowPanel = [
          "id": .int(nextRowID), "type": "row", "title": row["title"] ?? "", "collapsed": .bool(collapsed), "panels": [],
          "gridPos": ["x": 0, "y": .int(y), "w": .int(columns), "h": .int(rowHeight)],
        ]
        if let repeatBy = row["repeat"], repeatBy.text.map({ !$0.isEmpty }) ?? false { rowPanel?["repeat"] = repeatBy }
        nextRowID += 1
        y += 1
      }
      var area = RowArea(height: rowHeight, y: y)
      var nested: [JSONValue] = []
      for panel in row["panels"]?.elements ?? [] {
        guard case .object(var members) = panel else { continue }
        let span = members["span"]?.number ?? defaultSpan
        let width = Int(span.rounded(.down)) * columns / 12
        let height = members["height"].map(gridHeight) ?? rowHeight
        let place = area.place(width: width, height: height)
        members["gridPos"] = ["x": .int(place.x), "y": .int(place.y), "w": .int(width), "h": .int(height)]
        members["span"] = nil
        if collapsed, rowPanel != nil { nested.append(.object(members)) } else { panels.append(.object(members)) }
      }
      y = area.y
      if var rowPanel {
        rowPanel["panels"] = .array(nested)
        panels.append(.object(rowPanel))
      }
      if !(rowPanel != nil && collapsed) { y += rowHeight }
    }
    notes.append(.migrated("rows[] (schema \(dashboard["schemaVersion"]?.integer ?? 0)) became row panels with grid positions"))
    var result = dashboard.removing(path: ["rows"])
    result = result.merging(["panels": .array(sortedByPosition(panels))])
    return result
  }

  /// Grafana sorts panels by position when it loads a dashboard.
  static func sortedByPosition(_ panels: [JSONValue]) -> [JSONValue] {
    panels.enumerated().sorted { left, right in
      let a = (left.element["gridPos"]?["y"]?.integer ?? 0, left.element["gridPos"]?["x"]?.integer ?? 0, left.offset)
      let b = (right.element["gridPos"]?["y"]?.integer ?? 0, right.element["gridPos"]?["x"]?.integer ?? 0, right.offset)
      return a < b
    }.map(\.element)
  }

  private static func gridHeight(_ value: JSONValue) -> Int {
    let pixels = value.number ?? value.text.flatMap { Double($0.replacingPixels) } ?? Double(defaultRowHeight)
    let minimum = Double(cellHeight * 3)
    return Int((max(pixels, minimum) / Double(cellHeight + cellMargin)).rounded(.up))
  }

  /// Grafana's `RowArea`: the height filled in each column of a legacy row, to flow panels into it.
  private struct RowArea {
    var area = [Int](repeating: 0, count: LegacyMigration.columns)
    let height: Int
    var y: Int

    init(height: Int, y: Int) {
      self.height = height
      self.y = y
    }

    mutating func place(width: Int, height panelHeight: Int) -> (x: Int, y: Int) {
      if let place = position(width: width) {
        add(x: place.x, y: place.y, width: width, height: panelHeight)
        return place
      }
      // Wrap to the next line of the row.
      y += height
      area = [Int](repeating: 0, count: LegacyMigration.columns)
      let place = position(width: width) ?? (x: 0, y: y)
      add(x: place.x, y: place.y, width: width, height: panelHeight)
      return place
    }

    private func position(width: Int) -> (x: Int, y: Int)? {
      var start: Int?
      var end: Int?
      for index in stride(from: area.count - 1, through: 0, by: -1) {
        guard height - area[index] > 0 else { break }
        if end == nil {
          end = index
        } else if index < area.count - 1, area[index] <= area[index + 1] {
          start = index
        } else {
          break
        }
      }
      guard let start, let end, end - start >= width - 1 else { return nil }
      return (start, y + (area[start...].max() ?? 0))
    }

    private mutating func add(x: Int, y top: Int, width: Int, height panelHeight: Int) {
      for column in x..<min(x + width, area.count) where top + panelHeight - y > area[column] {
        area[column] = top + panelHeight - y
      }
    }
  }
}

extension String {
  fileprivate var replacingPixels: String { hasSuffix("px") ? String(dropLast(2)) : self }
}
