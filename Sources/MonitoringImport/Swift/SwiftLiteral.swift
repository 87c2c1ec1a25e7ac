import MonitoringDSL
import MonitoringRender

/// Swift source for literal values: strings (raw `#"…"#` when they hold quotes or backslashes, as
/// PromQL often does), numbers, and JSON for the raw escape hatch. JSON is spelled with explicit
/// cases (`.object([…])`, `.string("…")`) so large values type-check in linear time.
enum SwiftLiteral {
  private static let keywords: Set = [
    "as", "break", "case", "catch", "class", "continue", "default", "defer", "do", "else", "enum", "extension", "false",
    "for", "func", "if", "import", "in", "init", "is", "let", "nil", "protocol", "repeat", "return", "self", "static",
    "struct", "super", "switch", "throw", "true", "try", "var", "where", "while",
  ]

  static func string(_ text: String) -> String { SwiftSource.literal(text) }

  static func strings(_ texts: [String]) -> String { "[" + texts.map(string).joined(separator: ", ") + "]" }

  /// A JSON value as Swift, indented for a block at `indent`; short values stay on one line.
  static func json(_ value: JSONValue, indent: String) -> String {
    let inline = jsonInline(value)
    if inline.count + indent.count <= 100 { return inline }
    switch value {
    case .array(let elements):
      let inner = indent + "  "
      return ".array([\n" + elements.map { inner + json($0, indent: inner) }.joined(separator: ",\n") + ",\n\(indent)])"
    case .object(let members):
      let inner = indent + "  "
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return ".object([\n"
        + keys.map { key in inner + string(key) + ": " + json(members[key] ?? .null, indent: inner) }.joined(separator: ",\n")
        + ",\n\(indent)])"
    default:
      return inline
    }
  }

  private static func jsonInline(_ value: JSONValue) -> String {
    switch value {
    case .null: ".null"
    case .bool(let flag): ".bool(\(flag))"
    case .int(let number): ".int(\(number))"
    case .double(let number): ".double(\(double(number)))"
    case .string(let text): ".string(\(string(text)))"
    case .array(let elements): ".array([" + elements.map(jsonInline).joined(separator: ", ") + "])"
    case .object(let members):
      members.isEmpty
        ? ".object([:])"
        : ".object(["
          + members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { key in
            string(key) + ": " + jsonInline(members[key] ?? .null)
          }.joined(separator: ", ") + "])"
    }
  }

  /// A double as a Swift literal that reads back to the same value (`1.0`, `0.25`, `1e-05`).
  static func double(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }

  /// A lowerCamelCase identifier from a title: `"CPU Busy (%)"` → `cpuBusy`.
  static func identifier(_ title: String, fallback: String) -> String {
    let words = title.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
    guard !words.isEmpty else { return fallback }
    var name = words.enumerated().map { index, word in
      if index == 0 {
        let allCaps = word.uppercased() == word
        return allCaps ? word.lowercased() : word.prefix(1).lowercased() + word.dropFirst()
      }
      return word.prefix(1).uppercased() + word.dropFirst()
    }.joined()
    if name.first?.isNumber == true { name = fallback + name }
    return keywords.contains(name) ? name + "Panel" : name
  }
}
