extension StateTimelinePanel {
  public static let newPanel = StateTimelinePanel(
    options: .init(
      alignValue: .left, legend: .newPanel, mergeValues: true, rowHeight: 0.9, showValue: .auto, tooltip: .newPanel),
    fieldConfig: .init(fillOpacity: 70, hideFrom: .newPanel, insertNulls: false, lineWidth: 0, spanNulls: false))
  public static let defaultColor = ColorMode.continuous("continuous-GrYlRd")
  public static let previewGlyph = PanelGlyphShape.timeline
}

extension Panel {
  /// Whether values are written on the bands (state timeline) or cells (heatmap).
  /// ```swift
  /// StateTimeline("Up") { Query("up") }.showValue(.never)
  /// ```
  public consuming func showValue(_ mode: GrafanaSchema.VisibilityMode) -> Panel {
    if kind[HeatmapPanel.self] != nil { return updating(HeatmapPanel.self, modifier: "showValue") { $0.options.showValue = mode } }
    return updating(StateTimelinePanel.self, modifier: "showValue") { $0.options.showValue = mode }
  }
  public consuming func mergeValues(_ merge: Bool = true) -> Panel {
    updating(StateTimelinePanel.self, modifier: "mergeValues") { $0.options.mergeValues = merge }
  }
  public consuming func rowHeight(_ fraction: Double) -> Panel {
    updating(StateTimelinePanel.self, modifier: "rowHeight") { $0.options.rowHeight = fraction }
  }
}
