extension PieChartPanel {
  public static let newPanel = PieChartPanel(
    options: .init(
      legend: .init(calcs: [], displayMode: .list, placement: .bottom, showLegend: true, values: []), orientation: .auto,
      pieType: .pie, reduceOptions: .newPanel, tooltip: .newPanel),
    fieldConfig: .init(hideFrom: .newPanel))
  public static let defaultColor = ColorMode.paletteClassic
  public static let previewGlyph = PanelGlyphShape.pie
}

extension Panel {
  /// A pie or a donut.
  /// ```swift
  /// PieChart("Requests by code") { Query("sum by (code) (rate(http_requests_total[5m]))") }.pieType(.donut)
  /// ```
  public consuming func pieType(_ type: PieChartPanel.PieChartType) -> Panel {
    updating(PieChartPanel.self, modifier: "pieType") { $0.options.pieType = type }
  }
}
