extension TrendPanel {
  public static let newPanel = TrendPanel(
    options: .init(legend: .newPanel, tooltip: .newPanel), fieldConfig: TimeSeriesPanel.newPanel.fieldConfig)
  public static let defaultColor = ColorMode.paletteClassic
  public static let previewGlyph = PanelGlyphShape.line
}
