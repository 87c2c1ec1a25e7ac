/// A table panel (`table`). Instant queries in table format give one row per series.
/// ```swift
/// Table("Targets") { Query("up", legend: "{{instance}}").instant().format(.table) }
///   .sortBy("Value", descending: true)
/// ```
public func Table(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .table(TableOptions()), queries: queries())
}

public struct TableOptions: Hashable, Sendable {
  public enum CellDisplay: String, Sendable {
    case auto, colorText = "color-text", colorBackground = "color-background", gauge, json = "json-view"
  }
  public struct SortColumn: Hashable, Sendable {
    public var displayName: String
    public var descending: Bool
  }

  public var showHeader = true
  public var cellDisplay: CellDisplay = .auto
  public var sortBy: [SortColumn] = []
  public var filterable = false
  public init() {}
}

extension Panel {
  public func cellDisplay(_ display: TableOptions.CellDisplay) -> Panel {
    updating(\.table, modifier: "cellDisplay") { $0.cellDisplay = display }
  }
  public func sortBy(_ column: String, descending: Bool = false) -> Panel {
    updating(\.table, modifier: "sortBy") {
      $0.sortBy.append(TableOptions.SortColumn(displayName: column, descending: descending))
    }
  }
  public func showHeader(_ show: Bool = true) -> Panel {
    updating(\.table, modifier: "showHeader") { $0.showHeader = show }
  }
  public func filterable(_ filterable: Bool = true) -> Panel {
    updating(\.table, modifier: "filterable") { $0.filterable = filterable }
  }
}
