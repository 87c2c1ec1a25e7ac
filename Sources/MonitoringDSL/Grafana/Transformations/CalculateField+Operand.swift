extension Transformation.CalculateField {
  /// One side of a `binary` calculation.
  /// ```swift
  /// .binary(.field("bytes"), .multiply, .fixed("8"))
  /// ```
  public enum Operand: SchemaValue {
    /// A number (`{"fixed": "8"}`).
    case fixed(String)
    /// The field of this name (`{"matcher": {"id": "byName", …}}`).
    case field(String)
    /// Each field of this type, `number` say (`{"matcher": {"id": "byType", …}}`).
    case fieldsOfType(String)
    /// A field name or a number as one string, as Grafana before 10.3 saved it.
    case name(String)

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      if case .string(let name) = json {
        self = .name(name)
        return
      }
      guard let members = decoding.members(of: json, known: ["fixed", "matcher"]) else { return nil }
      if let fixed: String = decoding.decode(members, "fixed") {
        self = .fixed(fixed)
        return
      }
      guard let matcher = members["matcher"] else {
        decoding.report("expected \"fixed\" or \"matcher\"")
        return nil
      }
      guard let matcherMembers = decoding.members(of: matcher, known: ["id", "options"]),
        let options: String = decoding.decode(matcherMembers, "options")
      else { return nil }
      switch matcherMembers["id"] {
      case .string("byName"): self = .field(options)
      case .string("byType"): self = .fieldsOfType(options)
      default:
        decoding.report("unknown field matcher \(matcherMembers["id"]?.compactText ?? "without id"); known: byName, byType")
        return nil
      }
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      switch self {
      case .name(let name): sink.string(name)
      case .fixed(let value):
        sink.beginObject()
        sink.member("fixed", value)
        sink.endObject()
      case .field(let name): Self.writeMatcher("byName", name, to: &sink)
      case .fieldsOfType(let type): Self.writeMatcher("byType", type, to: &sink)
      }
    }

    private static func writeMatcher<Sink: JSONSink & ~Copyable>(_ id: String, _ options: String, to sink: inout Sink) {
      sink.beginObject()
      sink.key("matcher")
      sink.beginObject()
      sink.member("id", id)
      sink.member("options", options)
      sink.endObject()
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      switch self {
      case .fixed(let value): .call(".fixed", [("", .string(value))])
      case .field(let name): .call(".field", [("", .string(name))])
      case .fieldsOfType(let type): .call(".fieldsOfType", [("", .string(type))])
      case .name(let name): .call(".name", [("", .string(name))])
      }
    }
  }
}
