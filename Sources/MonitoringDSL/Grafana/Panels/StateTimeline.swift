/// A state timeline panel (`state-timeline`): discrete states over time, one lane per series.
/// ```swift
/// StateTimeline("Target health") { Query("up{job=\"websocket-app\"}", legend: "{{instance}}") }
///   .mappings { ValueMapping.value("0", text: "Down", color: .red); ValueMapping.value("1", text: "Up", color: .green) }
/// ```
public func StateTimeline(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .stateTimeline(StateTimelineOptions()), queries: queries())
}

public struct StateTimelineOptions: Hashable, Sendable {
  public enum ShowValue: String, Sendable { case auto, never, always }
  public var showValue: ShowValue = .auto
  public var mergeValues = true
  /// Lane height as a fraction of the space, 0…1.
  public var rowHeight = 0.9
  public var fillOpacity = 70
  public init() {}
}

extension Panel {
  public func showValue(_ mode: StateTimelineOptions.ShowValue) -> Panel {
    with {
      switch $0.visualization {
      case .stateTimeline(var options): options.showValue = mode; $0.visualization = .stateTimeline(options)
      case .heatmap(var options): options.showValue = mode; $0.visualization = .heatmap(options)
      default: $0.misapplied.append("showValue")
      }
    }
  }
  public func mergeValues(_ merge: Bool = true) -> Panel {
    updating(\.stateTimeline, modifier: "mergeValues") { $0.mergeValues = merge }
  }
  public func rowHeight(_ fraction: Double) -> Panel {
    updating(\.stateTimeline, modifier: "rowHeight") { $0.rowHeight = fraction }
  }
}
