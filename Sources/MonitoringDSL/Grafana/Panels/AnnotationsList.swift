extension AnnotationsListPanel {
  public static let newPanel = AnnotationsListPanel(options: .init(tags: []))
  public static let previewGlyph = PanelGlyphShape.text
}
