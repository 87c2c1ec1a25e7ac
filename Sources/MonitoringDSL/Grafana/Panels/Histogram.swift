extension HistogramPanel {
  public static let newPanel = HistogramPanel(
    options: .init(legend: .newPanel, tooltip: .newPanel),
    fieldConfig: .init(fillOpacity: 80, gradientMode: .off, hideFrom: .newPanel, lineWidth: 1))
  public static let defaultColor = ColorMode.paletteClassic
  public static let previewGlyph = PanelGlyphShape.bars
}
