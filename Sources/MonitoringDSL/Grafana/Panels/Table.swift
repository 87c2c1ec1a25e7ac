extension TablePanel {
  public static let newPanel = TablePanel(
    options: .init(
      cellHeight: .sm, footer: .init(countRows: false, reducer: ["sum"], show: false), frameIndex: 0, showHeader: true,
      sortBy: []),
    fieldConfig: .init(align: .auto, cellOptions: .auto(.init()), filterable: false, inspect: false))
  public static let previewGlyph = PanelGlyphShape.table
}

extension Panel {
  /// How cells show their values.
  /// ```swift
  /// Table("Targets") { Query("up").instant().format(.table) }.cellDisplay(.colorBackground(.init()))
  /// ```
  public consuming func cellDisplay(_ cell: TablePanel.TableCellOptions) -> Panel {
    updating(TablePanel.self, modifier: "cellDisplay") { $0.fieldConfig.cellOptions = cell }
  }
  public consuming func sortBy(_ column: String, descending: Bool = false) -> Panel {
    updating(TablePanel.self, modifier: "sortBy") {
      $0.options.sortBy = ($0.options.sortBy ?? []) + [.init(desc: descending, displayName: column)]
    }
  }
  public consuming func showHeader(_ show: Bool = true) -> Panel {
    updating(TablePanel.self, modifier: "showHeader") { $0.options.showHeader = show }
  }
  public consuming func filterable(_ filterable: Bool = true) -> Panel {
    updating(TablePanel.self, modifier: "filterable") { $0.fieldConfig.filterable = filterable }
  }
}
