/// Writes SVG elements one per line, indented by nesting, with every attribute value and text
/// escaped for XML. Numbers are integers, so the same picture is always the same bytes.
/// ```swift
/// var svg = SVGWriter()
/// svg.open("g", ["class": "panel"])
/// svg.element("text", ["x": "8", "y": "18"], text: "Errors <5m>")
/// svg.close("g")
/// ```
struct SVGWriter {
  private(set) var text = ""
  private var depth = 0

  /// Attributes in the order written (a dictionary literal keeps its order here); values are
  /// escaped when written.
  struct Attributes: ExpressibleByDictionaryLiteral {
    var pairs: [(name: String, value: String)]

    init(dictionaryLiteral elements: (String, String)...) { pairs = elements }

    static func + (lhs: Self, rhs: Self) -> Self {
      var joined = lhs
      joined.pairs += rhs.pairs
      return joined
    }
  }

  mutating func open(_ name: String, _ attributes: Attributes = [:]) {
    line("<\(name)\(Self.attributes(attributes))>")
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    line("</\(name)>")
  }

  /// An element with text content, or empty (`<rect … />`) without.
  mutating func element(_ name: String, _ attributes: Attributes = [:], text content: String? = nil) {
    guard let content else { return line("<\(name)\(Self.attributes(attributes))/>") }
    line("<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>")
  }

  /// Text as XML 1.0 takes it: markup characters as entities, control characters (which XML
  /// cannot hold at all) as spaces.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\t", "\n", "\r": escaped += " "
      case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): escaped += " "
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  private static func attributes(_ attributes: Attributes) -> String {
    attributes.pairs.map { " \($0.name)=\"\(escape($0.value))\"" }.joined()
  }

  private mutating func line(_ content: String) {
    text += String(repeating: "  ", count: depth) + content + "\n"
  }
}
