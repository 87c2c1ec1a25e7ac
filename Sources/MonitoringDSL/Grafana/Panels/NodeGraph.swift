extension NodeGraphPanel {
  public static let defaultSize = (width: 12, height: 12)
}
