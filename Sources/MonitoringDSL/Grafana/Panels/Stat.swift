/// A stat panel (`stat`): one big number per series, with an optional sparkline.
/// ```swift
/// Stat("Errors (1h)") { Query("sum(increase(app_errors_total[1h]))") }
///   .graphMode(.none)
///   .thresholds { Step(.green); Step(.red, from: 1) }
/// ```
public func Stat(_ title: String, @QueryBuilder queries: () -> [Query]) -> Panel {
  Panel(title, visualization: .stat(StatOptions()), queries: queries())
}

public struct StatOptions: Hashable, Sendable {
  public enum GraphMode: String, Sendable { case none, area }
  public enum ColorMode: String, Sendable {
    case value, background, backgroundSolid = "background_solid", none
  }
  public enum TextMode: String, Sendable { case auto, value, valueAndName = "value_and_name", name, none }
  public enum JustifyMode: String, Sendable { case auto, center }

  public var reduce = ReduceOptions()
  public var graphMode: GraphMode = .area
  public var colorMode: ColorMode = .value
  public var textMode: TextMode = .auto
  public var justifyMode: JustifyMode = .auto
  public var orientation: Orientation = .auto
  public init() {}
}

extension Panel {
  public func graphMode(_ mode: StatOptions.GraphMode) -> Panel {
    updating(\.stat, modifier: "graphMode") { $0.graphMode = mode }
  }
  /// Whether the value or the whole background takes the threshold colour.
  public func statColorMode(_ mode: StatOptions.ColorMode) -> Panel {
    updating(\.stat, modifier: "statColorMode") { $0.colorMode = mode }
  }
  public func textMode(_ mode: StatOptions.TextMode) -> Panel {
    updating(\.stat, modifier: "textMode") { $0.textMode = mode }
  }
  public func justifyMode(_ mode: StatOptions.JustifyMode) -> Panel {
    updating(\.stat, modifier: "justifyMode") { $0.justifyMode = mode }
  }
}
