/// A heatmap panel (`heatmap`). For Prometheus histograms, query the `_bucket` series with
/// `.format(.heatmap)`; the panel then uses the buckets as they are (no re-bucketing).
/// ```swift
/// Heatmap("Shutdown duration distribution") {
///   Query("sum by (le) (increase(app_shutdown_duration_seconds_bucket[$__rate_interval]))", legend: "{{le}}")
///     .format(.heatmap)
/// }
/// .unit(.seconds)
/// ```
public func Heatmap(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .heatmap(HeatmapOptions()), queries: queries())
}

public struct HeatmapOptions: Hashable, Sendable {
  public enum ColorScale: String, Sendable { case exponential, linear }
  /// Let Grafana bucket raw values itself; off for data that already is a histogram.
  public var calculate = false
  public var colorScheme = "Oranges"
  public var colorScale: ColorScale = .exponential
  public var showValue: StateTimelineOptions.ShowValue = .auto
  public var cellGap = 1
  public init() {}
}

extension Panel {
  public func heatmapColors(scheme: String, scale: HeatmapOptions.ColorScale = .exponential) -> Panel {
    updating(\.heatmap, modifier: "heatmapColors") {
      $0.colorScheme = scheme
      $0.colorScale = scale
    }
  }
  public func calculateBuckets(_ calculate: Bool = true) -> Panel {
    updating(\.heatmap, modifier: "calculateBuckets") { $0.calculate = calculate }
  }
}
