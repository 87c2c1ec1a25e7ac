extension TimeSeriesPanel {
  public static let newPanel = TimeSeriesPanel(
    options: .init(legend: .newPanel, tooltip: .newPanel),
    fieldConfig: .init(
      axisBorderShow: false, axisCenteredZero: false, axisColorMode: .text, axisLabel: "", axisPlacement: .auto,
      barAlignment: .center, drawStyle: .line, fillOpacity: 0, gradientMode: .off, hideFrom: .newPanel, insertNulls: false,
      lineInterpolation: .linear, lineWidth: 1, pointSize: 5, scaleDistribution: .init(type: .linear), showPoints: .auto,
      spanNulls: false, stacking: .init(group: "A", mode: .off), thresholdsStyle: .init(mode: .off)))
  public static let defaultColor = ColorMode.paletteClassic
  public static let previewGlyph = PanelGlyphShape.line
}

extension Panel {
  /// ```swift
  /// TimeSeries("Requests") { Query("sum(rate(http_requests_total[5m]))") }.drawStyle(.bars)
  /// ```
  public consuming func drawStyle(_ style: GrafanaSchema.GraphDrawStyle) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "drawStyle") { $0.fieldConfig.drawStyle = style }
  }
  public consuming func lineInterpolation(_ interpolation: GrafanaSchema.LineInterpolation) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "lineInterpolation") { $0.fieldConfig.lineInterpolation = interpolation }
  }
  public consuming func lineWidth(_ width: Double) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "lineWidth") { $0.fieldConfig.lineWidth = width }
  }
  /// Area fill under the line, 0…100.
  public consuming func fillOpacity(_ opacity: Double) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "fillOpacity") { $0.fieldConfig.fillOpacity = opacity }
  }
  public consuming func gradientMode(_ mode: GrafanaSchema.GraphGradientMode) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "gradientMode") { $0.fieldConfig.gradientMode = mode }
  }
  public consuming func showPoints(_ mode: GrafanaSchema.VisibilityMode) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "showPoints") { $0.fieldConfig.showPoints = mode }
  }
  public consuming func stacking(_ mode: GrafanaSchema.StackingMode) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "stacking") { $0.fieldConfig.stacking = .init(group: "A", mode: mode) }
  }
  public consuming func spanNulls(_ span: Bool = true) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "spanNulls") { $0.fieldConfig.spanNulls = .bool(span) }
  }
  public consuming func axisLabel(_ label: String) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "axisLabel") { $0.fieldConfig.axisLabel = label }
  }
  /// Draws the thresholds on the graph, e.g. `.showThresholds(.dashed)` for an alert line.
  public consuming func showThresholds(_ style: GrafanaSchema.GraphThresholdsStyleMode) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "showThresholds") { $0.fieldConfig.thresholdsStyle = .init(mode: style) }
  }
  /// Soft limits of the y axis: the axis extends past them when the data does.
  public consuming func axisSoftRange(min: Double? = nil, max: Double? = nil) -> Panel {
    updating(TimeSeriesPanel.self, modifier: "axisSoftRange") {
      $0.fieldConfig.axisSoftMin = min
      $0.fieldConfig.axisSoftMax = max
    }
  }
}
