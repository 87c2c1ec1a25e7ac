extension DebugPanel {
  public static let newPanel = DebugPanel(options: .init(mode: .render))
}
