extension DashboardPreview {
  /// One panel: its cell, title, kind and unit, what its mark says, a glyph of its kind and a strip
  /// of its threshold colours with the step values. Lines that do not fit the cell are left out,
  /// and everything inside is clipped to the cell (`clip` is the clip path's unique id).
  static func panel(
    _ panel: DashboardSnapshot.Panel, at rect: Rect, mark: PreviewMarks.Mark?, clip: String, into svg: inout SVGWriter,
    kind markKind: Change.Kind? = nil, notes extraNotes: [String] = []
  ) {
    let kind = markKind ?? mark?.kind
    svg.open(
      "g",
      [
        "class": ["panel", kind?.rawValue].compactMap { $0 }.joined(separator: " "), "data-title": panel.title,
        "data-kind": panel.type,
      ])
    svg.element("title", text: [panel.title, panel.type, panel.unit].compactMap { $0 }.joined(separator: " · "))
    svg.element("rect", outline(rect, fill: kind == .removed ? PreviewPalette.removedFill : PreviewPalette.panel, kind: kind))
    svg.open("clipPath", ["id": clip])
    svg.element("rect", ["x": "\(rect.x)", "y": "\(rect.y)", "width": "\(rect.width)", "height": "\(rect.height)"])
    svg.close("clipPath")
    svg.open("g", ["clip-path": "url(#\(clip))"])
    var badgeWidth = 0
    if let kind {
      badgeWidth = kind.rawValue.count * 7 + 10
      badge(kind, x: rect.x + rect.width - badgeWidth - 5, y: rect.y + 5, width: badgeWidth, into: &svg)
    }
    var lineY = rect.y + 18
    let textWidth = rect.width - 16
    svg.element(
      "text",
      ["x": "\(rect.x + 8)", "y": "\(lineY)", "font-size": "13", "font-weight": "bold", "fill": PreviewPalette.text],
      text: fit(panel.title.isEmpty ? "(no title)" : panel.title, width: textWidth - badgeWidth - 6, charWidth: 8))
    let kindLine = [panel.type, panel.unit, panel.repeatBy.map { "repeated for each $\($0)" }].compactMap { $0 }
    var notes: [(text: String, color: String)] = [(kindLine.joined(separator: " · "), PreviewPalette.muted)]
    if let movedFrom = mark?.movedFrom { notes.append(("moved from \(movedFrom)", PreviewPalette.mark(.moved))) }
    if let fields = mark?.changedFields, !fields.isEmpty {
      notes.append(("changed: " + fields.joined(separator: ", "), PreviewPalette.mark(.changed)))
    }
    notes += extraNotes.map { ($0, PreviewPalette.mark(.removed)) }
    let stripY = rect.y + rect.height - 14
    let steps = panel.thresholdSteps
    // The lowest a text line may sit: above the threshold labels when there is a strip.
    let textBottom = steps.isEmpty || rect.height < 60 ? rect.y + rect.height - 4 : stripY - 12
    for note in notes where lineY + 16 <= textBottom {
      lineY += 16
      svg.element(
        "text", ["x": "\(rect.x + 8)", "y": "\(lineY)", "font-size": "11", "fill": note.color],
        text: fit(note.text, width: textWidth, charWidth: 7))
    }
    let glyphTop = lineY + 8
    if textBottom - glyphTop >= PanelGlyph.height, rect.width >= PanelGlyph.width + 16 {
      let x = rect.x + (rect.width - PanelGlyph.width) / 2
      let y = glyphTop + (textBottom - glyphTop - PanelGlyph.height) / 2
      PanelGlyph.draw(panel.type, x: x, y: y, into: &svg)
    }
    if !steps.isEmpty, rect.height >= 60 { thresholds(steps, x: rect.x + 8, y: stripY, width: textWidth, into: &svg) }
    svg.close("g")
    svg.close("g")
  }

  private static func badge(_ kind: Change.Kind, x: Int, y: Int, width: Int, into svg: inout SVGWriter) {
    svg.element(
      "rect", ["x": "\(x)", "y": "\(y)", "width": "\(width)", "height": "16", "rx": "8", "fill": PreviewPalette.mark(kind)])
    svg.element(
      "text",
      [
        "x": "\(x + width / 2)", "y": "\(y + 12)", "font-size": "10", "font-weight": "bold", "text-anchor": "middle",
        "fill": "#FFFFFF",
      ],
      text: kind.rawValue)
  }

  /// Equal swatches, one per step in order, each labelled with the value it starts at when the
  /// label fits (the base step has none).
  private static func thresholds(
    _ steps: [DashboardSnapshot.ThresholdStep], x: Int, y: Int, width: Int, into svg: inout SVGWriter
  ) {
    svg.open("g", ["class": "thresholds"])
    for (index, step) in steps.enumerated() {
      let left = x + width * index / steps.count
      let right = x + width * (index + 1) / steps.count
      let fill = PreviewPalette.hex(step.color)
      var swatch: SVGWriter.Attributes = [
        "x": "\(left)", "y": "\(y)", "width": "\(max(right - left, 1))", "height": "8", "fill": fill,
      ]
      if fill == "none" { swatch = swatch + ["stroke": PreviewPalette.muted, "stroke-dasharray": "2 2"] }
      svg.element("rect", swatch)
      if let value = step.value {
        let label = JSONWriter.format(value)
        if label.count * 6 + 4 <= right - left {
          svg.element(
            "text", ["x": "\(left + 2)", "y": "\(y - 3)", "font-size": "9", "fill": PreviewPalette.muted], text: label)
        }
      }
    }
    svg.close("g")
  }
}
