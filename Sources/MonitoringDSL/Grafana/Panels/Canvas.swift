extension CanvasPanel {
  public static let newPanel = CanvasPanel(options: .init(root: .init(elements: [], name: "Element root", type: "frame")))
}
