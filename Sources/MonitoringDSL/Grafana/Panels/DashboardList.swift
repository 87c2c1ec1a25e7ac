extension DashboardListPanel {
  public static let newPanel = DashboardListPanel(options: .init(tags: []))
  public static let previewGlyph = PanelGlyphShape.text
}
