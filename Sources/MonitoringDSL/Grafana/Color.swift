/// A Grafana colour: a named palette colour or any CSS colour string.
/// ```swift
/// Step(.green); Step(.red, from: 50); Step("#FF9830", from: 80)
/// ```
public struct Color: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public static let green: Color = "green"
  public static let yellow: Color = "yellow"
  public static let orange: Color = "orange"
  public static let red: Color = "red"
  public static let blue: Color = "blue"
  public static let purple: Color = "purple"
  public static let text: Color = "text"
  public static let transparent: Color = "transparent"
}

/// How a field picks its colour (`fieldConfig.defaults.color`).
/// ```swift
/// TimeSeries("Errors") { Query("…") }.color(.fixed(.red))
/// ```
public enum ColorMode: Hashable, Sendable {
  /// Colour by the threshold step the value falls in.
  case thresholds
  /// One colour per series from the classic palette.
  case paletteClassic
  /// One colour for everything.
  case fixed(Color)
  /// A continuous gradient, e.g. `"continuous-GrYlRd"`.
  case continuous(String)

  public var modeID: String {
    switch self {
    case .thresholds: "thresholds"
    case .paletteClassic: "palette-classic"
    case .fixed: "fixed"
    case .continuous(let scheme): scheme
    }
  }
}
