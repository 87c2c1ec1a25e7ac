/// The legend, tooltip and reduce options Grafana's editor gives a new panel; the kinds' presets share them.
extension GrafanaSchema.VizLegendOptions {
  /// A visible list at the bottom, no calculations.
  public static let newPanel = Self(calcs: [], displayMode: .list, placement: .bottom, showLegend: true)
  /// No legend (what bar gauges save).
  public static let newHidden = Self(calcs: [], displayMode: .hidden, placement: .bottom, showLegend: false)
}

extension GrafanaSchema.VizTooltipOptions {
  /// One series, unsorted, zeros shown.
  public static let newPanel = Self(hideZeros: false, mode: .single, sort: .off)
}

extension GrafanaSchema.ReduceDataOptions {
  /// The last non-null value of each series, numeric fields.
  public static let newPanel = Self(calcs: ["lastNotNull"], fields: "", values: false)
}

extension GrafanaSchema.HideSeriesConfig {
  public static let newPanel = Self(legend: false, tooltip: false, viz: false)
}
