extension NewsPanel {
  public static let defaultSize = (width: 8, height: 10)
  public static let previewGlyph = PanelGlyphShape.text
}

extension Panel {
  /// The RSS or Atom feed a news panel shows.
  /// ```swift
  /// News("Grafana blog").feedURL("https://grafana.com/blog/news.xml")
  /// ```
  public consuming func feedURL(_ url: String) -> Panel {
    updating(NewsPanel.self, modifier: "feedURL") { $0.options.feedUrl = url }
  }
}
