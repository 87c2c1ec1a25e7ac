/// One `relabel_configs` / `metric_relabel_configs` step.
/// ```swift
/// RelabelRule(.replace, sourceLabels: ["__address__"], regex: "([^:]+):.*", targetLabel: "host", replacement: "$1")
/// RelabelRule.drop(metricsMatching: "go_gc_.*")
/// ```
public struct RelabelRule: Hashable, Sendable {
  public enum Action: String, Sendable {
    case replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase
  }

  public var action: Action
  public var sourceLabels: [String]
  public var separator: String?
  public var regex: String?
  public var targetLabel: String?
  public var replacement: String?
  public var modulus: Int?

  public init(
    _ action: Action, sourceLabels: [String] = [], separator: String? = nil, regex: String? = nil,
    targetLabel: String? = nil, replacement: String? = nil, modulus: Int? = nil
  ) {
    self.action = action
    self.sourceLabels = sourceLabels
    self.separator = separator
    self.regex = regex
    self.targetLabel = targetLabel
    self.replacement = replacement
    self.modulus = modulus
  }

  /// Drops every series whose metric name matches `regex`.
  public static func drop(metricsMatching regex: String) -> RelabelRule {
    RelabelRule(.drop, sourceLabels: ["__name__"], regex: regex)
  }

  /// Keeps only series whose metric name matches `regex`.
  public static func keep(metricsMatching regex: String) -> RelabelRule {
    RelabelRule(.keep, sourceLabels: ["__name__"], regex: regex)
  }
}

@resultBuilder public enum RelabelRuleBuilder: ListBuilder { public typealias Element = RelabelRule }
