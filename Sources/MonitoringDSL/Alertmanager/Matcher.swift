/// One Alertmanager label matcher, as used by routes and inhibit rules (`matchers:`,
/// `source_matchers:`, `target_matchers:`). It is written as `severity="critical"`; regular
/// expressions are anchored at both ends, as Alertmanager does.
/// ```swift
/// Matcher.equal("severity", "critical")      // severity="critical"
/// Matcher.regex("team", "web|api")            // team=~"web|api"
/// Matcher("env", .notEqual, "dev")            // env!="dev"
/// ```
public struct Matcher: Hashable, Sendable {
  /// How the label value is compared; the raw value is the operator as Alertmanager writes it.
  public enum Operator: String, Hashable, Sendable {
    case equal = "="
    case notEqual = "!="
    case regex = "=~"
    case notRegex = "!~"
  }

  public var label: String
  public var op: Operator
  /// The value, unescaped; quoting and escaping happen when the config is written.
  public var value: String

  public init(_ label: String, _ op: Operator, _ value: String) {
    self.label = label
    self.op = op
    self.value = value
  }

  /// `label="value"`.
  public static func equal(_ label: String, _ value: String) -> Matcher { Matcher(label, .equal, value) }
  /// `label!="value"`.
  public static func notEqual(_ label: String, _ value: String) -> Matcher { Matcher(label, .notEqual, value) }
  /// `label=~"regex"`: the whole value matches `regex`.
  public static func regex(_ label: String, _ regex: String) -> Matcher { Matcher(label, .regex, regex) }
  /// `label!~"regex"`: the whole value does not match `regex`.
  public static func notRegex(_ label: String, _ regex: String) -> Matcher { Matcher(label, .notRegex, regex) }
}
