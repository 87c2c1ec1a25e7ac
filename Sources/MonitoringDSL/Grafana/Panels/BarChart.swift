extension BarChartPanel {
  public static let newPanel = BarChartPanel(
    options: .init(legend: .newPanel, tooltip: .newPanel, xTickLabelMaxLength: 0),
    fieldConfig: .init(axisBorderShow: false, axisCenteredZero: false, axisColorMode: .text, axisLabel: "", axisPlacement: .auto,
      fillOpacity: 80, gradientMode: .off, hideFrom: .newPanel, lineWidth: 1, scaleDistribution: .init(type: .linear)))
  public static let previewGlyph = PanelGlyphShape.bars
}
