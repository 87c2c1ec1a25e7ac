public import MonitoringDSL

/// Writes a ``JSONValue`` as the bytes we commit: 2-space indent, `"key": value`, keys sorted by
/// their UTF-8 bytes, `{}`/`[]` when empty, no escaped `/`, integral numbers without `.0`, and a
/// final newline. Every formatting policy lives here and nowhere else.
/// ```swift
/// let text = JSONWriter.write(["b": 1, "a": [true, nil]])
/// ```
public enum JSONWriter {
  public static func write(_ value: JSONValue) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    append(value, indent: 0, to: &out)
    out.append(UInt8(ascii: "\n"))
    return String(decoding: out, as: UTF8.self)
  }

  private static func append(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
    switch value {
    case .null: out += "null".utf8
    case .bool(let flag): out += (flag ? "true" : "false").utf8
    case .int(let number): out += String(number).utf8
    case .double(let number): out += format(number).utf8
    case .string(let text): appendString(text, to: &out)
    case .array(let elements):
      guard !elements.isEmpty else { return out += "[]".utf8 }
      out.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, &out)
        append(element, indent: indent + 1, to: &out)
      }
      newline(indent, &out)
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      guard !members.isEmpty else { return out += "{}".utf8 }
      out.append(UInt8(ascii: "{"))
      let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (index, key) in keys.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        newline(indent + 1, &out)
        appendString(key, to: &out)
        out += ": ".utf8
        append(members[key] ?? .null, indent: indent + 1, to: &out)
      }
      newline(indent, &out)
      out.append(UInt8(ascii: "}"))
    }
  }

  /// Integral values print as integers; others in Swift's shortest round-trip form. Non-finite values
  /// are not JSON: validation rejects them, and the writer stays total by writing `null`.
  static func format(_ number: Double) -> String {
    number.isFinite ? NumberText.format(number) : "null"
  }

  private static func newline(_ indent: Int, _ out: inout [UInt8]) {
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
  }

  private static func appendString(_ text: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += #"\""#.utf8
      case UInt8(ascii: "\\"): out += #"\\"#.utf8
      case UInt8(ascii: "\n"): out += #"\n"#.utf8
      case UInt8(ascii: "\r"): out += #"\r"#.utf8
      case UInt8(ascii: "\t"): out += #"\t"#.utf8
      case 0x08: out += #"\b"#.utf8
      case 0x0C: out += #"\f"#.utf8
      case ..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += #"\u00"#.utf8
        out.append(hex[Int(byte >> 4)])
        out.append(hex[Int(byte & 0xF)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
