/// Turns raw values into text and colour (`fieldConfig.defaults.mappings`).
/// ```swift
/// .mappings { ValueMapping.value("0", text: "Down", color: .red); ValueMapping.value("1", text: "Up", color: .green) }
/// ```
public struct ValueMapping: Hashable, Sendable {
  public enum Match: Hashable, Sendable {
    /// An exact value, compared as text.
    case value(String)
    /// A numeric range; either end may be open.
    case range(from: Double?, to: Double?)
    /// A regular expression on the text of the value.
    case regex(String)
    /// A special value.
    case special(SpecialValue)
  }

  public enum SpecialValue: String, Sendable {
    case null, nan, nullAndNaN = "null+nan", `true`, `false`, empty
  }

  public var match: Match
  public var text: String?
  public var color: Color?

  public init(_ match: Match, text: String? = nil, color: Color? = nil) {
    self.match = match
    self.text = text
    self.color = color
  }

  public static func value(_ value: String, text: String? = nil, color: Color? = nil) -> ValueMapping {
    ValueMapping(.value(value), text: text, color: color)
  }
  public static func range(from: Double?, to: Double?, text: String? = nil, color: Color? = nil) -> ValueMapping {
    ValueMapping(.range(from: from, to: to), text: text, color: color)
  }
  public static func regex(_ pattern: String, text: String? = nil, color: Color? = nil) -> ValueMapping {
    ValueMapping(.regex(pattern), text: text, color: color)
  }
  public static func special(_ value: SpecialValue, text: String? = nil, color: Color? = nil) -> ValueMapping {
    ValueMapping(.special(value), text: text, color: color)
  }
}

/// Builds a list of value mappings.
@resultBuilder public enum ValueMappingBuilder: ListBuilder { public typealias Element = ValueMapping }
