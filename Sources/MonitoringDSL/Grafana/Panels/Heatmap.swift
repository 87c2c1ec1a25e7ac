extension HeatmapPanel {
  public static let newPanel = HeatmapPanel(
    options: .init(
      calculate: false, cellGap: 1,
      color: .init(exponent: 0.5, fill: "dark-orange", mode: .scheme, reverse: false, scale: .exponential, scheme: "Oranges", steps: 64),
      exemplars: .init(color: "rgba(255,0,255,0.7)"), filterValues: .init(le: 1e-9), legend: .init(show: true),
      rowsFrame: .init(layout: .auto), showValue: .auto,
      tooltip: .init(mode: .single, showColorScale: false, yHistogram: false),
      yAxis: .init(axisPlacement: .left, reverse: false)),
    fieldConfig: .init(hideFrom: .newPanel, scaleDistribution: .init(type: .linear)))
  public static let previewGlyph = PanelGlyphShape.heatmap

  /// The y axis shows the buckets' bounds, in the panel's unit.
  public func following(unit: ValueUnit) -> Self? {
    var following = self
    following.options.yAxis = (options.yAxis ?? .init()).with(unit: unit.rawValue)
    return following
  }
}

extension HeatmapPanel.YAxisConfig {
  fileprivate func with(unit: String) -> Self {
    var copy = self
    copy.unit = unit
    return copy
  }
}

extension Panel {
  /// ```swift
  /// Heatmap("Latency") { Query("sum by (le) (rate(x_bucket[5m]))").format(.heatmap) }.heatmapColors(scheme: "Blues")
  /// ```
  public consuming func heatmapColors(scheme: String, scale: HeatmapPanel.HeatmapColorScale = .exponential) -> Panel {
    updating(HeatmapPanel.self, modifier: "heatmapColors") {
      $0.options.color?.scheme = scheme
      $0.options.color?.scale = scale
    }
  }
  public consuming func calculateBuckets(_ calculate: Bool = true) -> Panel {
    updating(HeatmapPanel.self, modifier: "calculateBuckets") { $0.options.calculate = calculate }
  }
}
