extension XYChartPanel {
  public static let newPanel = XYChartPanel(
    options: .init(legend: .newPanel, mapping: .auto, series: [], tooltip: .newPanel),
    fieldConfig: .init(hideFrom: .newPanel))
  public static let defaultColor = ColorMode.paletteClassic
  public static let previewGlyph = PanelGlyphShape.line
}
