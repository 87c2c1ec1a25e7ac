/// What a dashboard body holds: panels at the top, then rows.
public enum DashboardItem: Hashable, Sendable {
  case panel(Panel)
  case row(Row)
}

/// Builds a dashboard body from panels and rows.
@resultBuilder public enum DashboardBuilder: ListBuilder {
  public typealias Element = DashboardItem
  public static func buildExpression(_ panel: Panel) -> [DashboardItem] { [.panel(panel)] }
  public static func buildExpression(_ row: Row) -> [DashboardItem] { [.row(row)] }
  public static func buildExpression(_ rows: [Row]) -> [DashboardItem] { rows.map(DashboardItem.row) }
}
