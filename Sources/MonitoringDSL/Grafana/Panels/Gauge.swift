extension GaugePanel {
  public static let newPanel = GaugePanel(
    options: .init(
      minVizHeight: 75, minVizWidth: 75, orientation: .auto, reduceOptions: .newPanel, showThresholdLabels: false,
      showThresholdMarkers: true, sizing: .auto))
  public static let defaultSize = (width: 6, height: 6)
  public static let previewGlyph = PanelGlyphShape.gauge
}

extension Panel {
  /// ```swift
  /// Gauge("CPU") { Query("avg(rate(process_cpu_seconds_total[5m]))") }.thresholdMarkers(labels: true)
  /// ```
  public consuming func thresholdMarkers(_ show: Bool = true, labels: Bool = false) -> Panel {
    updating(GaugePanel.self, modifier: "thresholdMarkers") {
      $0.options.showThresholdMarkers = show
      $0.options.showThresholdLabels = labels
    }
  }
}
