/// The legend of a time series, state timeline or bar gauge panel.
/// ```swift
/// .legend(.table(placement: .right, calcs: [.mean, .max]))
/// ```
public struct LegendOptions: Hashable, Sendable {
  public enum DisplayMode: String, Sendable { case list, table, hidden }
  public enum Placement: String, Sendable { case bottom, right }

  public var displayMode: DisplayMode
  public var placement: Placement
  public var calcs: [ReduceCalculation]
  public var isVisible: Bool

  public init(
    displayMode: DisplayMode = .list, placement: Placement = .bottom, calcs: [ReduceCalculation] = [],
    isVisible: Bool = true
  ) {
    self.displayMode = displayMode
    self.placement = placement
    self.calcs = calcs
    self.isVisible = isVisible
  }

  public static let list = LegendOptions()
  public static let hidden = LegendOptions(displayMode: .hidden, isVisible: false)
  public static func table(placement: Placement = .bottom, calcs: [ReduceCalculation] = []) -> LegendOptions {
    LegendOptions(displayMode: .table, placement: placement, calcs: calcs)
  }
}

/// The hover tooltip of a time series, state timeline or heatmap panel.
/// ```swift
/// .tooltip(.all(sort: .descending))
/// ```
public struct TooltipOptions: Hashable, Sendable {
  public enum Mode: String, Sendable { case single, multi, none }
  public enum Sort: String, Sendable { case none, ascending = "asc", descending = "desc" }

  public var mode: Mode
  public var sort: Sort

  public init(mode: Mode = .single, sort: Sort = .none) {
    self.mode = mode
    self.sort = sort
  }

  public static let single = TooltipOptions()
  public static let hidden = TooltipOptions(mode: .none)
  public static func all(sort: Sort = .none) -> TooltipOptions { TooltipOptions(mode: .multi, sort: sort) }
}

/// How a series is reduced to one value (stat, gauge, bar gauge, legend columns, transformations):
/// Grafana's reducer ids.
public enum ReduceCalculation: String, Sendable, SchemaEnum {
  case lastNotNull, last, firstNotNull, first, mean, min, max, sum, count, delta, range, diff, median
  case stdDev, variance, logmin, diffperc, step, changeCount, distinctCount, allIsZero, allIsNull, allValues, uniqueValues
}
