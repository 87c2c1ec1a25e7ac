import MonitoringDSL

/// A small drawing of a panel kind (a line for a time series, an arc for a gauge, …), so the kinds
/// are told apart at a glance. The kind names its shape (`PanelKind.previewGlyph`); a kind without
/// one, or a plugin the DSL does not type, gets a dashed box.
/// ```swift
/// PanelGlyph.draw("gauge", x: 100, y: 60, into: &svg)
/// ```
enum PanelGlyph {
  static let width = 48
  static let height = 28

  static func draw(_ kind: String, x: Int, y: Int, into svg: inout SVGWriter) {
    let color = PreviewPalette.glyph
    let stroke = Self.stroke(2)
    svg.open("g", ["class": "glyph", "transform": "translate(\(x) \(y))"])
    switch PanelKinds.kind(typeID: kind)?.previewGlyph ?? .generic {
    case .line:
      svg.element("polyline", ["points": "0,24 10,14 18,18 28,6 38,12 48,2"] + stroke)
    case .bigNumber:
      svg.element(
        "text", ["x": "24", "y": "22", "font-size": "20", "font-weight": "bold", "text-anchor": "middle", "fill": color],
        text: "123")
    case .gauge:
      svg.element("path", ["d": "M4,28 A20,20 0 0,1 44,28"] + Self.stroke(5))
      svg.element("line", ["x1": "24", "y1": "28", "x2": "34", "y2": "14"] + stroke)
    case .bars:
      for (index, length) in [48, 34, 20].enumerated() {
        svg.element("rect", ["x": "0", "y": "\(index * 10 + 2)", "width": "\(length)", "height": "6", "fill": color])
      }
    case .table:
      svg.element("rect", ["x": "1", "y": "1", "width": "46", "height": "26"] + stroke)
      svg.element("path", ["d": "M1,10 H47 M1,19 H47 M17,1 V27 M32,1 V27"] + Self.stroke(1))
    case .heatmap:
      for (cell, opacity) in ["0.3", "0.9", "0.6", "0.2", "0.7", "0.4", "1", "0.5", "0.2", "0.8", "0.3", "0.6"].enumerated() {
        svg.element(
          "rect",
          [
            "x": "\(cell % 4 * 12)", "y": "\(cell / 4 * 9 + 1)", "width": "11", "height": "8", "fill": color,
            "fill-opacity": opacity,
          ])
      }
    case .timeline:
      for (row, segments) in [[(0, 20), (20, 14), (34, 14)], [(0, 30), (30, 18)]].enumerated() {
        for (index, segment) in segments.enumerated() {
          svg.element(
            "rect",
            [
              "x": "\(segment.0)", "y": "\(row * 14 + 2)", "width": "\(segment.1 - 1)", "height": "10", "fill": color,
              "fill-opacity": index % 2 == 0 ? "0.9" : "0.4",
            ])
        }
      }
    case .text:
      svg.element("path", ["d": "M0,4 H48 M0,12 H40 M0,20 H46 M0,28 H24"] + stroke)
    case .pie:
      svg.element("circle", ["cx": "24", "cy": "14", "r": "12"] + stroke)
      svg.element("path", ["d": "M24,14 V2 M24,14 L34,21"] + stroke)
    case .logs:
      for line in 0..<4 {
        svg.element("path", ["d": "M0,\(line * 8 + 2) H6 M10,\(line * 8 + 2) H\(48 - line % 2 * 12)"] + Self.stroke(2))
      }
    case .generic:
      svg.element("rect", ["x": "1", "y": "1", "width": "46", "height": "26", "stroke-dasharray": "4 3"] + stroke)
    }
    svg.close("g")
  }

  private static func stroke(_ width: Int) -> SVGWriter.Attributes {
    ["fill": "none", "stroke": PreviewPalette.glyph, "stroke-width": "\(width)"]
  }
}
