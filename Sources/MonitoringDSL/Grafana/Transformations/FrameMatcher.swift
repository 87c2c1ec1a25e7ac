extension Transformation {
  /// The frames a transformation applies to (`filter`, Grafana's frame matchers).
  /// ```swift
  /// Transformation.seriesToRows().filter(.byRefID("A"))
  /// ```
  public enum FrameMatcher: SchemaValue {
    /// The frames of the queries whose refId is this (or matches it, written `/regex/`).
    case byRefID(String)
    case byName(String)
    case byIndex(Int)

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: ["id", "options"]) else { return nil }
      let id: String? = decoding.decode(members, "id")
      switch id {
      case "byRefId": guard let refID: String = decoding.decode(members, "options") else { return nil }; self = .byRefID(refID)
      case "byName": guard let name: String = decoding.decode(members, "options") else { return nil }; self = .byName(name)
      case "byIndex": guard let index: Int = decoding.decode(members, "options") else { return nil }; self = .byIndex(index)
      default:
        decoding.report("unknown frame matcher \(id.map { "\"\($0)\"" } ?? "without id"); known: byRefId, byName, byIndex")
        return nil
      }
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      switch self {
      case .byRefID(let refID):
        sink.member("id", "byRefId")
        sink.member("options", refID)
      case .byName(let name):
        sink.member("id", "byName")
        sink.member("options", name)
      case .byIndex(let index):
        sink.member("id", "byIndex")
        sink.member("options", index)
      }
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      switch self {
      case .byRefID(let refID): .call(".byRefID", [("", .string(refID))])
      case .byName(let name): .call(".byName", [("", .string(name))])
      case .byIndex(let index): .call(".byIndex", [("", index.swiftSource)])
      }
    }
  }
}
