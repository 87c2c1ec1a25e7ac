extension Transformation {
  /// The options of `sortBy`: rows sorted by a field.
  /// ```swift
  /// Transformation.sortBy(.init(sort: [.init(field: "Value", desc: true)]))
  /// ```
  public struct SortBy: SchemaValue {
    /// One sort key.
    public struct Sort: SchemaValue {
      public var field: String?
      public var desc: Bool?
      public var index: Int?

      public init(field: String? = nil, desc: Bool? = nil, index: Int? = nil) {
        self.field = field
        self.desc = desc
        self.index = index
      }

      static let keys = ["field", "desc", "index"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        field = decoding.decode(members, "field")
        desc = decoding.decode(members, "desc")
        index = decoding.decode(members, "index")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("desc", ifPresent: desc)
        sink.member("field", ifPresent: field)
        sink.member("index", ifPresent: index)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("field", field, unless: nil)
        arguments.add("desc", desc, unless: nil)
        arguments.add("index", index, unless: nil)
        return arguments.call(".init")
      }
    }

    /// What Grafana's editor saves alongside (unused by the sort).
    public var fields: [String: Bool]?
    public var sort: [Sort]?

    public init(fields: [String: Bool]? = nil, sort: [Sort]? = nil) {
      self.fields = fields
      self.sort = sort
    }

    static let keys = ["fields", "sort"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      fields = decoding.decode(members, "fields")
      sort = decoding.decode(members, "sort")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("fields", ifPresent: fields)
      sink.member("sort", ifPresent: sort)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("fields", fields, unless: nil)
      arguments.add("sort", sort, unless: nil)
      return arguments.call(".init")
    }
  }
}
