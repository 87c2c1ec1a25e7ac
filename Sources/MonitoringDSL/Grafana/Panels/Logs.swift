extension LogsPanel {
  public static let newPanel = LogsPanel(
    options: .init(
      dedupStrategy: .off, enableLogDetails: true, prettifyLogMessage: false, showCommonLabels: false, showLabels: false,
      showLogContextToggle: false, showTime: true, sortOrder: .descending, wrapLogMessage: true))
  public static let defaultSize = (width: 24, height: 10)
  public static let previewGlyph = PanelGlyphShape.logs
}

extension Panel {
  /// Newest or oldest line first.
  /// ```swift
  /// Logs("Errors") { LokiQuery(#"{app="websocket"} |= "error""#) }.datasource(.loki("loki")).logOrder(.ascending)
  /// ```
  public consuming func logOrder(_ order: LogsPanel.LogsSortOrder) -> Panel {
    updating(LogsPanel.self, modifier: "logOrder") { $0.options.sortOrder = order }
  }
  /// Wraps long lines instead of scrolling sideways.
  public consuming func wrapLines(_ wrap: Bool = true) -> Panel {
    updating(LogsPanel.self, modifier: "wrapLines") { $0.options.wrapLogMessage = wrap }
  }
}
