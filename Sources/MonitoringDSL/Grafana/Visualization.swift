/// The kind of a panel and the options only that kind has.
public enum Visualization: Hashable, Sendable {
  case timeSeries(TimeSeriesOptions)
  case stat(StatOptions)
  case gauge(GaugeOptions)
  case barGauge(BarGaugeOptions)
  case table(TableOptions)
  case heatmap(HeatmapOptions)
  case text(TextOptions)
  case stateTimeline(StateTimelineOptions)

  /// Grafana's panel plugin id.
  public var typeID: String {
    switch self {
    case .timeSeries: "timeseries"
    case .stat: "stat"
    case .gauge: "gauge"
    case .barGauge: "bargauge"
    case .table: "table"
    case .heatmap: "heatmap"
    case .text: "text"
    case .stateTimeline: "state-timeline"
    }
  }

  /// The size a panel of this kind gets when the spec does not give one.
  public var defaultSize: (width: Int, height: Int) {
    switch self {
    case .stat, .gauge, .barGauge: (6, 6)
    case .text: (12, 4)
    case .timeSeries, .table, .heatmap, .stateTimeline: (12, 8)
    }
  }

  /// Whether the kind draws a legend and a tooltip (the `.legend` and `.tooltip` modifiers).
  public var hasLegendAndTooltip: Bool {
    switch self {
    case .timeSeries, .heatmap, .stateTimeline: true
    case .stat, .gauge, .barGauge, .table, .text: false
    }
  }

  // MARK: - Payload access for the kind-specific modifiers

  public var timeSeries: TimeSeriesOptions? {
    get { if case .timeSeries(let options) = self { options } else { nil } }
    set { if let newValue, case .timeSeries = self { self = .timeSeries(newValue) } }
  }
  public var stat: StatOptions? {
    get { if case .stat(let options) = self { options } else { nil } }
    set { if let newValue, case .stat = self { self = .stat(newValue) } }
  }
  public var gauge: GaugeOptions? {
    get { if case .gauge(let options) = self { options } else { nil } }
    set { if let newValue, case .gauge = self { self = .gauge(newValue) } }
  }
  public var barGauge: BarGaugeOptions? {
    get { if case .barGauge(let options) = self { options } else { nil } }
    set { if let newValue, case .barGauge = self { self = .barGauge(newValue) } }
  }
  public var table: TableOptions? {
    get { if case .table(let options) = self { options } else { nil } }
    set { if let newValue, case .table = self { self = .table(newValue) } }
  }
  public var heatmap: HeatmapOptions? {
    get { if case .heatmap(let options) = self { options } else { nil } }
    set { if let newValue, case .heatmap = self { self = .heatmap(newValue) } }
  }
  public var stateTimeline: StateTimelineOptions? {
    get { if case .stateTimeline(let options) = self { options } else { nil } }
    set { if let newValue, case .stateTimeline = self { self = .stateTimeline(newValue) } }
  }

  /// The reduce options of the kinds that reduce a series to one value.
  public var reduce: ReduceOptions? {
    get {
      switch self {
      case .stat(let options): options.reduce
      case .gauge(let options): options.reduce
      case .barGauge(let options): options.reduce
      default: nil
      }
    }
    set {
      guard let newValue else { return }
      switch self {
      case .stat(var options): options.reduce = newValue; self = .stat(options)
      case .gauge(var options): options.reduce = newValue; self = .gauge(options)
      case .barGauge(var options): options.reduce = newValue; self = .barGauge(options)
      default: break
      }
    }
  }
}
