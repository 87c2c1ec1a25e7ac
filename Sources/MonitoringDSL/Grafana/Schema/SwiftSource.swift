/// Swift code as a small tree, laid out on one line when it fits and one argument per line when not:
/// how schema values print themselves for `gen import`.
/// ```swift
/// SwiftSource.call(".init", [("lineWidth", .number(2)), ("drawStyle", .code(".bars"))]).text(indent: "")
/// // .init(lineWidth: 2, drawStyle: .bars)
/// ```
public indirect enum SwiftSource: Hashable, Sendable {
  /// Code printed as is.
  case code(String)
  /// `name(label: value, …)`; an empty label is a positional argument.
  case call(String, [(label: String, value: SwiftSource)])
  case array([SwiftSource])
  case dictionary([(key: SwiftSource, value: SwiftSource)])

  /// The arguments of a call, each only where it differs from the default (what generated models print).
  public struct Arguments {
    public private(set) var list: [(label: String, value: SwiftSource)] = []
    public init() {}
    public mutating func add<Value: SchemaValue>(_ label: String, _ value: Value?, unless defaultValue: Value?) {
      guard value != defaultValue else { return }
      list.append((label, value?.swiftSource ?? .code("nil")))
    }
    public func call(_ name: String) -> SwiftSource { .call(name, list) }
  }

  /// A string literal (a raw literal when that reads better).
  public static func string(_ text: String) -> SwiftSource { .code(SwiftSource.literal(text)) }
  public static func number(_ value: Double) -> SwiftSource {
    guard value.isFinite else { return .code(value.isNaN ? ".nan" : value > 0 ? ".infinity" : "-.infinity") }
    return .code(NumberText.format(value))
  }

  /// The code, starting at a line indented by `indent`, lines at most `width` wide where it can.
  public func text(indent: String, width: Int = 110) -> String {
    let flat = flatText
    if indent.count + flat.count <= width || !isBreakable { return flat }
    let inner = indent + "  "
    switch self {
    case .code(let text): return text
    case .call(let name, let arguments):
      let lines = arguments.map { inner + ($0.label.isEmpty ? "" : $0.label + ": ") + $0.value.text(indent: inner, width: width) }
      return name + "(\n" + lines.joined(separator: ",\n") + "\n" + indent + ")"
    case .array(let elements):
      return "[\n" + elements.map { inner + $0.text(indent: inner, width: width) }.joined(separator: ",\n") + ",\n" + indent + "]"
    case .dictionary(let members):
      let lines = members.map { inner + $0.key.flatText + ": " + $0.value.text(indent: inner, width: width) }
      return "[\n" + lines.joined(separator: ",\n") + ",\n" + indent + "]"
    }
  }

  private var isBreakable: Bool {
    switch self {
    case .code: false
    case .call(_, let arguments): !arguments.isEmpty
    case .array(let elements): !elements.isEmpty
    case .dictionary(let members): !members.isEmpty
    }
  }

  private var flatText: String {
    switch self {
    case .code(let text): text
    case .call(let name, let arguments):
      name + "(" + arguments.map { ($0.label.isEmpty ? "" : $0.label + ": ") + $0.value.flatText }.joined(separator: ", ") + ")"
    case .array(let elements): "[" + elements.map(\.flatText).joined(separator: ", ") + "]"
    case .dictionary(let members):
      members.isEmpty ? "[:]" : "[" + members.map { $0.key.flatText + ": " + $0.value.flatText }.joined(separator: ", ") + "]"
    }
  }

  public static func == (lhs: SwiftSource, rhs: SwiftSource) -> Bool { lhs.flatText == rhs.flatText }
  public func hash(into hasher: inout Hasher) { hasher.combine(flatText) }

  /// A Swift string literal of `text`: raw (`#"…"#`) when it has quotes or backslashes and no control characters.
  public static func literal(_ text: String) -> String {
    let needsEscapes = text.contains("\"") || text.contains("\\")
    let hasControl = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    if needsEscapes, !hasControl, !text.contains("\"#") { return "#\"\(text)\"#" }
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\\u{\(String(scalar.value, radix: 16))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
