import MonitoringDSL

/// The ids of a dashboard's rows and panels, handed out in traversal order: a fixed id (``Panel/id``,
/// ``Row/id``) as it is, the others counting up from 1 past every fixed id, so no two items share one
/// (Grafana keys repeats, links and library panels by id). Two fixed ones alike are an error.
struct PanelIDs {
  private var fixed: Set<Int> = []
  private var nextFree = 1

  init(_ dashboard: Dashboard, root: [PathElement], into diagnostics: inout DiagnosticCollector) {
    func claim(_ id: Int?, _ path: @autoclosure () -> [PathElement]) {
      guard let id else { return }
      if !fixed.insert(id).inserted { diagnostics.report(path(), "panel id \(id) is already given to another panel or row") }
    }
    // NB: a row's panels by index, reading only their ids (a bound panel is a copy, a retain per member).
    for item in dashboard.items.indices {
      switch dashboard.items[item] {
      case .panel(let panel): claim(panel.id, root + [.panel(panel.title)])
      case .row(let row):
        claim(row.id, root + [.row(row.title)])
        for index in row.panels.indices {
          claim(row.panels[index].id, root + [.row(row.title), .panel(row.panels[index].title)])
        }
      }
    }
  }

  /// Ids counting up from 1 past `fixed`: a v2 dashboard's rows, whose panels all have theirs.
  init(fixed: Set<Int>) { self.fixed = fixed }

  /// The item's id: its fixed one, or the next free one.
  mutating func next(fixed id: Int?) -> Int {
    if let id { return id }
    while fixed.contains(nextFree) { nextFree += 1 }
    defer { nextFree += 1 }
    return nextFree
  }
}
