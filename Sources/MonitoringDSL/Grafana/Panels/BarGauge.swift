extension BarGaugePanel {
  public static let newPanel = BarGaugePanel(
    options: .init(
      displayMode: .gradient, legend: .newHidden, maxVizHeight: 300, minVizHeight: 16, minVizWidth: 8,
      namePlacement: .auto, orientation: .auto, reduceOptions: .newPanel, showUnfilled: true, sizing: .auto,
      valueMode: .color))
  public static let defaultSize = (width: 6, height: 6)
  public static let previewGlyph = PanelGlyphShape.bars
}

extension Panel {
  /// ```swift
  /// BarGauge("Queue depth") { Query("sum by (queue) (queue_depth)") }.barDisplayMode(.lcd)
  /// ```
  public consuming func barDisplayMode(_ mode: GrafanaSchema.BarGaugeDisplayMode) -> Panel {
    updating(BarGaugePanel.self, modifier: "barDisplayMode") { $0.options.displayMode = mode }
  }
  public consuming func showUnfilled(_ show: Bool = true) -> Panel {
    updating(BarGaugePanel.self, modifier: "showUnfilled") { $0.options.showUnfilled = show }
  }
  public consuming func namePlacement(_ placement: BarGaugePanel.BarGaugeNamePlacement) -> Panel {
    updating(BarGaugePanel.self, modifier: "namePlacement") { $0.options.namePlacement = placement }
  }
}
