/// A time series panel (`timeseries`): lines, bars or points over time.
/// ```swift
/// TimeSeries("Message Throughput") {
///   Query("sum(rate(app_messages_total[$__rate_interval]))", legend: "messages/s")
/// }
/// .unit(.countsPerSecond)
/// .fillOpacity(10)
/// ```
public func TimeSeries(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .timeSeries(TimeSeriesOptions()), queries: queries())
}

public struct TimeSeriesOptions: Hashable, Sendable {
  public enum DrawStyle: String, Sendable { case line, bars, points }
  public enum LineInterpolation: String, Sendable { case linear, smooth, stepBefore, stepAfter }
  public enum ShowPoints: String, Sendable { case auto, never, always }
  public enum Stacking: String, Sendable { case none, normal, percent }
  public enum GradientMode: String, Sendable { case none, opacity, hue, scheme }
  /// How thresholds are drawn on the graph.
  public enum ThresholdsStyle: String, Sendable {
    case off, line, dashed, area, lineAndArea = "line+area", dashedAndArea = "dashed+area"
  }

  public var drawStyle: DrawStyle = .line
  public var lineInterpolation: LineInterpolation = .linear
  public var lineWidth = 1
  public var fillOpacity = 0
  public var gradientMode: GradientMode = .none
  public var showPoints: ShowPoints = .auto
  public var pointSize = 5
  public var stacking: Stacking = .none
  public var spanNulls = false
  public var axisLabel = ""
  public var axisSoftMin: Double?
  public var axisSoftMax: Double?
  public var thresholdsStyle: ThresholdsStyle = .off
  public init() {}
}

extension Panel {
  public func drawStyle(_ style: TimeSeriesOptions.DrawStyle) -> Panel {
    updating(\.timeSeries, modifier: "drawStyle") { $0.drawStyle = style }
  }
  public func lineInterpolation(_ interpolation: TimeSeriesOptions.LineInterpolation) -> Panel {
    updating(\.timeSeries, modifier: "lineInterpolation") { $0.lineInterpolation = interpolation }
  }
  public func lineWidth(_ width: Int) -> Panel {
    updating(\.timeSeries, modifier: "lineWidth") { $0.lineWidth = width }
  }
  /// Area fill under the line, 0…100.
  public func fillOpacity(_ opacity: Int) -> Panel {
    updating(\.timeSeries, modifier: "fillOpacity") { $0.fillOpacity = opacity }
  }
  public func gradientMode(_ mode: TimeSeriesOptions.GradientMode) -> Panel {
    updating(\.timeSeries, modifier: "gradientMode") { $0.gradientMode = mode }
  }
  public func showPoints(_ mode: TimeSeriesOptions.ShowPoints) -> Panel {
    updating(\.timeSeries, modifier: "showPoints") { $0.showPoints = mode }
  }
  public func stacking(_ stacking: TimeSeriesOptions.Stacking) -> Panel {
    updating(\.timeSeries, modifier: "stacking") { $0.stacking = stacking }
  }
  public func spanNulls(_ span: Bool = true) -> Panel {
    updating(\.timeSeries, modifier: "spanNulls") { $0.spanNulls = span }
  }
  public func axisLabel(_ label: String) -> Panel {
    updating(\.timeSeries, modifier: "axisLabel") { $0.axisLabel = label }
  }
  /// Draws the thresholds on the graph, e.g. `.showThresholds(.dashed)` for an alert line.
  public func showThresholds(_ style: TimeSeriesOptions.ThresholdsStyle) -> Panel {
    updating(\.timeSeries, modifier: "showThresholds") { $0.thresholdsStyle = style }
  }
  /// Soft limits of the y axis: the axis extends past them when the data does.
  public func axisSoftRange(min: Double? = nil, max: Double? = nil) -> Panel {
    updating(\.timeSeries, modifier: "axisSoftRange") {
      $0.axisSoftMin = min
      $0.axisSoftMax = max
    }
  }
}
