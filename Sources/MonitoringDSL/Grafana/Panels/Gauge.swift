/// A gauge panel (`gauge`): a dial per series, coloured by the thresholds.
/// ```swift
/// Gauge("Active Connections") { Query("sum(app_active_connections)") }
///   .thresholds { Step(.red); Step(.green, from: 1) }
///   .max(100)
/// ```
public func Gauge(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .gauge(GaugeOptions()), queries: queries())
}

public struct GaugeOptions: Hashable, Sendable {
  public var reduce = ReduceOptions()
  public var showThresholdMarkers = true
  public var showThresholdLabels = false
  public var orientation: Orientation = .auto
  public init() {}
}

extension Panel {
  public func thresholdMarkers(_ show: Bool = true, labels: Bool = false) -> Panel {
    updating(\.gauge, modifier: "thresholdMarkers") {
      $0.showThresholdMarkers = show
      $0.showThresholdLabels = labels
    }
  }
}
