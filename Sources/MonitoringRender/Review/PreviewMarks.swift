/// What `gen preview --base REF` marks on a dashboard: panels and rows added, moved or changed
/// since the base, and the panels and rows the base had that are gone. It is ``SemanticDiff`` over
/// the two dashboards' ``ReviewItem``s, so the preview and `gen diff` always agree.
/// ```swift
/// let marks = PreviewMarks(base: "origin/main", old: baseSnapshot, new: snapshot)
/// let svg = DashboardPreview.svg(snapshot, marks: marks)
/// ```
public struct PreviewMarks: Hashable, Sendable {
  /// How one panel or row differs from the base.
  public struct Mark: Hashable, Sendable {
    public var isAdded = false
    /// Where it was (`row "Traffic" #2`) when it moved.
    public var movedFrom: String?
    /// The fields that changed (`unit`, `thresholds`, `query B`), in order.
    public var changedFields: [String] = []

    /// The mark drawn: added over moved over changed.
    public var kind: Change.Kind? {
      if isAdded { return .added }
      if movedFrom != nil { return .moved }
      return changedFields.isEmpty ? nil : .changed
    }
  }

  /// A panel of the base that is gone, with the row it was in.
  public struct RemovedPanel: Hashable, Sendable {
    public var panel: DashboardSnapshot.Panel
    public var row: String?
  }

  /// The git ref (or folder) compared with, as the reviewer named it.
  public var base: String
  /// The base has no such dashboard: everything in it is new.
  public var isNewDashboard: Bool
  /// Marks by review key: `panel CPU`, `panel CPU #2` (titles that repeat), `row System`.
  public var marks: [String: Mark]
  public var removedPanels: [RemovedPanel]
  public var removedRows: [String]
  /// Dashboard settings that changed (`refresh`, `time.from`, …).
  public var changedSettings: [String]

  public init(base: String, old: DashboardSnapshot?, new: DashboardSnapshot) {
    self.base = base
    isNewDashboard = old == nil
    marks = [:]
    removedPanels = []
    removedRows = []
    changedSettings = []
    guard let old else {
      for key in ReviewItems.panelKeys(new).joined() { marks[key] = Mark(isAdded: true) }
      for title in new.rows.compactMap(\.title) { marks["row \(title)"] = Mark(isAdded: true) }
      return
    }
    // Both sides as one file, so that only the dashboard's contents differ.
    let file = "dashboard"
    let changes = SemanticDiff.changes(
      old: ReviewItems.dashboard(old, file: file, root: []), new: ReviewItems.dashboard(new, file: file, root: []))
    var removedKeys = Set<String>()
    for change in changes {
      guard change.identity.count > 1 else {
        if let field = change.field { Self.append(field, to: &changedSettings) }
        continue
      }
      let key = change.identity[1]
      let isItem = change.identity.count == 2 && change.field == nil
      switch change.kind {
      case .added where isItem: marks[key, default: Mark()].isAdded = true
      case .removed where isItem: removedKeys.insert(key)
      case .moved: marks[key, default: Mark()].movedFrom = change.old
      default:
        // A query of the panel (`query B`) or a field of the item.
        let field = change.identity.count > 2 ? change.identity[2] : change.field ?? change.kind.rawValue
        Self.append(field, to: &marks[key, default: Mark()].changedFields)
      }
    }
    let oldKeys = ReviewItems.panelKeys(old)
    for (row, keys) in zip(old.rows, oldKeys) {
      if let title = row.title, removedKeys.contains("row \(title)") { removedRows.append(title) }
      for (panel, key) in zip(row.panels, keys) where removedKeys.contains(key) {
        removedPanels.append(RemovedPanel(panel: panel, row: row.title))
      }
    }
  }

  /// The mark of a row, by its title.
  func mark(row title: String) -> Mark? { marks["row \(title)"] }

  /// How many panels carry each kind of mark, and how many were removed.
  func count(_ kind: Change.Kind) -> Int {
    kind == .removed ? removedPanels.count : marks.filter { $0.key.hasPrefix("panel ") && $0.value.kind == kind }.count
  }

  private static func append(_ field: String, to fields: inout [String]) {
    if !fields.contains(field) { fields.append(field) }
  }
}
