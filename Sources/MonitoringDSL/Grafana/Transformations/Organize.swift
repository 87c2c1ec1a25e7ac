extension Transformation {
  /// The options of `organize`: fields hidden, ordered and renamed, each map keyed by field name.
  /// ```swift
  /// Transformation.organize(.init(excludeByName: ["Time": true], indexByName: [:], renameByName: ["Value": "Connections"]))
  /// ```
  public struct Organize: SchemaValue {
    /// Fields hidden (`true`).
    public var excludeByName: [String: Bool]?
    /// Position of each field, from 0.
    public var indexByName: [String: Int]?
    /// New names of fields.
    public var renameByName: [String: String]?
    /// Fields kept, when Grafana lists them (the rest are hidden).
    public var includeByName: [String: Bool]?

    public init(
      excludeByName: [String: Bool]? = nil,
      indexByName: [String: Int]? = nil,
      renameByName: [String: String]? = nil,
      includeByName: [String: Bool]? = nil
    ) {
      self.excludeByName = excludeByName
      self.indexByName = indexByName
      self.renameByName = renameByName
      self.includeByName = includeByName
    }

    static let keys = ["excludeByName", "indexByName", "renameByName", "includeByName"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      excludeByName = decoding.decode(members, "excludeByName")
      indexByName = decoding.decode(members, "indexByName")
      renameByName = decoding.decode(members, "renameByName")
      includeByName = decoding.decode(members, "includeByName")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("excludeByName", ifPresent: excludeByName)
      sink.member("includeByName", ifPresent: includeByName)
      sink.member("indexByName", ifPresent: indexByName)
      sink.member("renameByName", ifPresent: renameByName)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("excludeByName", excludeByName, unless: nil)
      arguments.add("indexByName", indexByName, unless: nil)
      arguments.add("renameByName", renameByName, unless: nil)
      arguments.add("includeByName", includeByName, unless: nil)
      return arguments.call(".init")
    }
  }
}
