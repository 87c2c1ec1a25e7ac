extension StatPanel {
  public static let newPanel = StatPanel(
    options: .init(orientation: .auto, reduceOptions: .newPanel))
  public static let defaultSize = (width: 6, height: 6)
  public static let previewGlyph = PanelGlyphShape.bigNumber
}

extension Panel {
  /// ```swift
  /// Stat("Errors (1h)") { Query("sum(increase(app_errors_total[1h]))") }.graphMode(.off)
  /// ```
  public consuming func graphMode(_ mode: StatPanel.BigValueGraphMode) -> Panel {
    updating(StatPanel.self, modifier: "graphMode") { $0.options.graphMode = mode }
  }
  /// Whether the value or the whole background takes the threshold colour.
  public consuming func statColorMode(_ mode: StatPanel.BigValueColorMode) -> Panel {
    updating(StatPanel.self, modifier: "statColorMode") { $0.options.colorMode = mode }
  }
  public consuming func textMode(_ mode: StatPanel.BigValueTextMode) -> Panel {
    updating(StatPanel.self, modifier: "textMode") { $0.options.textMode = mode }
  }
  public consuming func justifyMode(_ mode: StatPanel.BigValueJustifyMode) -> Panel {
    updating(StatPanel.self, modifier: "justifyMode") { $0.options.justifyMode = mode }
  }
}
