extension TextPanel {
  public static let newPanel = TextPanel(
    options: .init(code: .init(language: .plaintext, showLineNumbers: false, showMiniMap: false), content: "", mode: .markdown))
  public static let defaultSize = (width: 12, height: 4)
  public static let previewGlyph = PanelGlyphShape.text
}

/// A text panel (`text`) with Markdown content; it runs no queries.
/// ```swift
/// Text("About", markdown: "Runbook: https://example.com/runbook")
/// ```
public func Text(_ title: String, markdown: String) -> Panel {
  var options = TextPanel.newPanel.options
  options.content = markdown
  return Text(title, options: options)
}

/// A text panel with HTML content.
/// ```swift
/// Text("About", html: "<b>Runbook</b>")
/// ```
public func Text(_ title: String, html: String) -> Panel {
  var options = TextPanel.newPanel.options
  options.content = html
  options.mode = .html
  return Text(title, options: options)
}
