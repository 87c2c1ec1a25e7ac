/// A text panel (`text`) with Markdown or HTML content.
/// ```swift
/// Text("About", markdown: "Runbooks: [websocket](https://runbooks.example.com/websocket)")
/// ```
public func Text(_ title: String, markdown: String) -> Panel {
  Panel(title, visualization: .text(TextOptions(mode: .markdown, content: markdown)), queries: [])
}

/// A text panel with HTML content.
public func Text(_ title: String, html: String) -> Panel {
  Panel(title, visualization: .text(TextOptions(mode: .html, content: html)), queries: [])
}

public struct TextOptions: Hashable, Sendable {
  public enum Mode: String, Sendable { case markdown, html }
  public var mode: Mode
  public var content: String
}
