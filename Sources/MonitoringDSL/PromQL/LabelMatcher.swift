/// One label matcher: in a PromQL selector (`job="api"`, `instance=~"$instance"`), and in
/// Alertmanager's `matchers:`, `source_matchers:` and `target_matchers:`, which use the same syntax
/// (regular expressions are anchored at both ends in both).
/// ```swift
/// App.messages.rate("5m", [.equal("job", "websocket-app"), .regex("instance", "$instance")])
/// ```
public struct LabelMatcher: Hashable, Sendable {
  public enum Operator: String, Sendable {
    case equal = "="
    case notEqual = "!="
    case regex = "=~"
    case notRegex = "!~"
  }

  public var label: String
  public var op: Operator
  public var value: String

  public init(_ label: String, _ op: Operator, _ value: String) {
    self.label = label
    self.op = op
    self.value = value
  }

  public static func equal(_ label: String, _ value: String) -> LabelMatcher { LabelMatcher(label, .equal, value) }
  public static func notEqual(_ label: String, _ value: String) -> LabelMatcher { LabelMatcher(label, .notEqual, value) }
  public static func regex(_ label: String, _ value: String) -> LabelMatcher { LabelMatcher(label, .regex, value) }
  public static func notRegex(_ label: String, _ value: String) -> LabelMatcher { LabelMatcher(label, .notRegex, value) }

  /// `label="value"` with the value quoted and escaped as PromQL reads it.
  public var text: String { "\(label)\(op.rawValue)\(PromQLPrinter.quoted(value))" }
}
