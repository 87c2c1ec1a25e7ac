extension GeomapPanel {
  public static let newPanel = GeomapPanel(
    options: .init(
      basemap: .init(name: "Layer 0", type: "default"),
      controls: .init(mouseWheelZoom: true, showAttribution: true, showZoom: true), layers: [],
      tooltip: .init(mode: .details), view: .init(allLayers: true, id: "zero", lat: 0, lon: 0, zoom: 1)))
  public static let previewGlyph = PanelGlyphShape.generic
}
