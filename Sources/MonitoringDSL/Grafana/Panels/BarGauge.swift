/// A bar gauge panel (`bargauge`): one bar per series.
/// ```swift
/// BarGauge("Shutdown duration buckets") { Query("sum by (le) (app_shutdown_duration_seconds_bucket)") }
///   .barDisplayMode(.gradient)
///   .orientation(.horizontal)
/// ```
public func BarGauge(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .barGauge(BarGaugeOptions()), queries: queries())
}

public struct BarGaugeOptions: Hashable, Sendable {
  public enum DisplayMode: String, Sendable { case basic, lcd, gradient }
  public enum ValueMode: String, Sendable { case color, text, hidden }
  public enum NamePlacement: String, Sendable { case auto, top, left, hidden }

  public var reduce = ReduceOptions()
  public var displayMode: DisplayMode = .gradient
  public var valueMode: ValueMode = .color
  public var namePlacement: NamePlacement = .auto
  public var showUnfilled = true
  public var orientation: Orientation = .auto
  public init() {}
}

extension Panel {
  public func barDisplayMode(_ mode: BarGaugeOptions.DisplayMode) -> Panel {
    updating(\.barGauge, modifier: "barDisplayMode") { $0.displayMode = mode }
  }
  public func showUnfilled(_ show: Bool = true) -> Panel {
    updating(\.barGauge, modifier: "showUnfilled") { $0.showUnfilled = show }
  }
  public func namePlacement(_ placement: BarGaugeOptions.NamePlacement) -> Panel {
    updating(\.barGauge, modifier: "namePlacement") { $0.namePlacement = placement }
  }
  /// Layout direction of a stat, gauge or bar gauge panel.
  public func orientation(_ orientation: Orientation) -> Panel {
    with {
      switch $0.visualization {
      case .stat(var options): options.orientation = orientation; $0.visualization = .stat(options)
      case .gauge(var options): options.orientation = orientation; $0.visualization = .gauge(options)
      case .barGauge(var options): options.orientation = orientation; $0.visualization = .barGauge(options)
      default: $0.misapplied.append("orientation")
      }
    }
  }
}
