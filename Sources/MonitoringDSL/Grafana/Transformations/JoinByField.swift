extension Transformation {
  /// The options of `joinByField`: frames joined on one field (time when `byField` is nil).
  /// ```swift
  /// Transformation.joinByField(.init(byField: "instance", mode: .outer))
  /// ```
  public struct JoinByField: SchemaValue {
    public enum Mode: String, Sendable, SchemaEnum {
      case outer, inner, outerTabular
    }

    public var byField: String?
    public var mode: Mode?

    public init(byField: String? = nil, mode: Mode? = nil) {
      self.byField = byField
      self.mode = mode
    }

    static let keys = ["byField", "mode"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      byField = decoding.decode(members, "byField")
      mode = decoding.decode(members, "mode")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("byField", ifPresent: byField)
      sink.member("mode", ifPresent: mode)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("byField", byField, unless: nil)
      arguments.add("mode", mode, unless: nil)
      return arguments.call(".init")
    }
  }
}
