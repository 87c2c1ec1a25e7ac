/// What a dashboard body holds: panels at the top, then rows.
public enum DashboardItem: Hashable, Sendable {
  // NB: boxed, so that an item is the size of a row, not of a panel (about five times as large): a
  // dashboard's list of rows is copied into its items.
  indirect case panel(Panel)
  case row(Row)
}

/// Builds a dashboard body from panels and rows.
@resultBuilder public enum DashboardBuilder: ListBuilder {
  public typealias Element = DashboardItem
  public static func buildExpression(_ panel: Panel) -> ListPart<DashboardItem> { .one(.panel(panel)) }
  public static func buildExpression(_ row: Row) -> ListPart<DashboardItem> { .one(.row(row)) }
  public static func buildExpression(_ rows: [Row]) -> ListPart<DashboardItem> { .many(rows.map(DashboardItem.row)) }
}
