/// Whether threshold values are absolute values or percentages of the field's min…max.
public enum ThresholdMode: String, Sendable {
  case absolute
  case percentage
}

/// One step of a threshold scale: a colour from a value upwards. The first step is the base and
/// has no value (Grafana's `"value": null`, minus infinity).
/// ```swift
/// .thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }
/// ```
public struct Step: Hashable, Sendable {
  public var color: Color
  /// `nil` for the base step.
  public var value: Double?

  /// The base step, from minus infinity.
  public init(_ color: Color) {
    self.color = color
    self.value = nil
  }

  /// A step starting at `value`.
  public init(_ color: Color, from value: Double) {
    self.color = color
    self.value = value
  }
}

/// Builds the steps of a threshold scale.
@resultBuilder public enum ThresholdBuilder: ListBuilder { public typealias Element = Step }

/// A threshold scale: mode plus ascending steps.
public struct Thresholds: Hashable, Sendable {
  public var mode: ThresholdMode
  public var steps: [Step]

  /// ```swift
  /// Thresholds(.percentage) { Step(.green); Step(.red, from: 90) }
  /// ```
  public init(_ mode: ThresholdMode = .absolute, @ThresholdBuilder steps: () -> [Step]) {
    self.mode = mode
    self.steps = steps()
  }

  /// Grafana's default for a new panel: green base, red from 80.
  public static let grafanaDefault = Thresholds { Step(.green); Step(.red, from: 80) }
}
