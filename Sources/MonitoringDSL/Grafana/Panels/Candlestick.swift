extension CandlestickPanel {
  public static let newPanel = CandlestickPanel(
    options: .init(fields: .init(), legend: .newPanel, tooltip: .newPanel), fieldConfig: TimeSeriesPanel.newPanel.fieldConfig)
  public static let defaultColor = ColorMode.paletteClassic
  public static let previewGlyph = PanelGlyphShape.bars
}
