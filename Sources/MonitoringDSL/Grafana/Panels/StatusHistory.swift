extension StatusHistoryPanel {
  public static let newPanel = StatusHistoryPanel(
    options: .init(legend: .newPanel, tooltip: .newPanel),
    fieldConfig: .init(fillOpacity: 70, hideFrom: .newPanel, lineWidth: 1))
  public static let previewGlyph = PanelGlyphShape.timeline
}
