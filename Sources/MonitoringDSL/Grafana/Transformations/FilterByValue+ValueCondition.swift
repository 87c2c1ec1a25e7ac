extension Transformation.FilterByValue {
  /// A condition on a value (`config`, Grafana's value matchers): `{"id": "greater", "options": {"value": 0}}`.
  /// ```swift
  /// .init(fieldName: "Value", .between(from: 0, to: 100))
  /// ```
  public enum ValueCondition: SchemaValue {
    case isNull, isNotNull
    case greater(Double), greaterOrEqual(Double), lower(Double), lowerOrEqual(Double)
    /// Equal to a number or a string.
    case equal(JSONValue), notEqual(JSONValue)
    case between(from: Double, to: Double)
    case regex(String), substring(String), notSubstring(String)

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: ["id", "options"]) else { return nil }
      guard let id: String = decoding.decode(members, "id") else {
        decoding.report("expected a value matcher id")
        return nil
      }
      guard let options = decoding.decode(members["options"] ?? .object([:]), at: ".options", as: [String: JSONValue].self) else {
        return nil
      }
      let known = ["isNull", "isNotNull"].contains(id) ? [] : id == "between" ? ["from", "to"] : ["value"]
      for unknown in options.keys.sorted() where !known.contains(unknown) {
        decoding.report("options: unknown key \"\(unknown)\"\(NearestName.suggestion(for: unknown, in: known))")
      }
      func read<Value: SchemaValue>(_ key: String = "value", as type: Value.Type) -> Value? {
        guard let value = options[key] else {
          decoding.report("options: \"\(key)\" is missing")
          return nil
        }
        return decoding.decode(value, at: ".options.\(key)", as: type)
      }
      switch id {
      case "isNull": self = .isNull
      case "isNotNull": self = .isNotNull
      case "greater": guard let value = read(as: Double.self) else { return nil }; self = .greater(value)
      case "greaterOrEqual": guard let value = read(as: Double.self) else { return nil }; self = .greaterOrEqual(value)
      case "lower": guard let value = read(as: Double.self) else { return nil }; self = .lower(value)
      case "lowerOrEqual": guard let value = read(as: Double.self) else { return nil }; self = .lowerOrEqual(value)
      case "equal": guard let value = read(as: JSONValue.self) else { return nil }; self = .equal(value)
      case "notEqual": guard let value = read(as: JSONValue.self) else { return nil }; self = .notEqual(value)
      case "between":
        guard let from = read("from", as: Double.self), let to = read("to", as: Double.self) else { return nil }
        self = .between(from: from, to: to)
      case "regex": guard let value = read(as: String.self) else { return nil }; self = .regex(value)
      case "substring": guard let value = read(as: String.self) else { return nil }; self = .substring(value)
      case "notSubstring": guard let value = read(as: String.self) else { return nil }; self = .notSubstring(value)
      default:
        decoding.report("unknown value matcher \"\(id)\"\(NearestName.suggestion(for: id, in: Self.ids))")
        return nil
      }
    }

    static let ids = [
      "isNull", "isNotNull", "greater", "greaterOrEqual", "lower", "lowerOrEqual", "equal", "notEqual", "between", "regex",
      "substring", "notSubstring",
    ]

    /// Grafana's matcher id.
    public var id: String {
      switch self {
      case .isNull: "isNull"
      case .isNotNull: "isNotNull"
      case .greater: "greater"
      case .greaterOrEqual: "greaterOrEqual"
      case .lower: "lower"
      case .lowerOrEqual: "lowerOrEqual"
      case .equal: "equal"
      case .notEqual: "notEqual"
      case .between: "between"
      case .regex: "regex"
      case .substring: "substring"
      case .notSubstring: "notSubstring"
      }
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("id", id)
      sink.key("options")
      sink.beginObject()
      switch self {
      case .isNull, .isNotNull: break
      case .greater(let value), .greaterOrEqual(let value), .lower(let value), .lowerOrEqual(let value): sink.member("value", value)
      case .equal(let value), .notEqual(let value): sink.member("value", json: value)
      case .between(let from, let to):
        sink.member("from", from)
        sink.member("to", to)
      case .regex(let text), .substring(let text), .notSubstring(let text): sink.member("value", text)
      }
      sink.endObject()
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      switch self {
      case .isNull, .isNotNull: .code(".\(id)")
      case .greater(let value), .greaterOrEqual(let value), .lower(let value), .lowerOrEqual(let value):
        .call(".\(id)", [("", .number(value))])
      case .equal(let value), .notEqual(let value): .call(".\(id)", [("", value.swiftSource)])
      case .between(let from, let to): .call(".between", [("from", .number(from)), ("to", .number(to))])
      case .regex(let text), .substring(let text), .notSubstring(let text): .call(".\(id)", [("", .string(text))])
      }
    }
  }
}
