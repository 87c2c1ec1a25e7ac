extension Transformation {
  /// The options of `filterByValue`: rows kept (or dropped) where any (or all) of the conditions hold.
  /// ```swift
  /// Transformation.filterByValue(.init(filters: [.init(fieldName: "Value", .greater(0))], type: .include, match: .any))
  /// ```
  public struct FilterByValue: SchemaValue {
    /// A condition on one field's values.
    public struct Filter: SchemaValue {
      public var fieldName: String?
      public var config: ValueCondition?

      public init(fieldName: String? = nil, config: ValueCondition? = nil) {
        self.fieldName = fieldName
        self.config = config
      }

      static let keys = ["fieldName", "config"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        fieldName = decoding.decode(members, "fieldName")
        config = decoding.decode(members, "config")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("config", ifPresent: config)
        sink.member("fieldName", ifPresent: fieldName)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("fieldName", fieldName, unless: nil)
        arguments.add("config", config, unless: nil)
        return arguments.call(".init")
      }

      public init(fieldName: String, _ condition: ValueCondition) {
        self.init(fieldName: fieldName, config: condition)
      }
    }

    public enum FilterType: String, Sendable, SchemaEnum {
      case include, exclude
    }

    public enum Match: String, Sendable, SchemaEnum {
      case any, all
    }

    public var filters: [Filter]?
    public var type: FilterType?
    public var match: Match?

    public init(filters: [Filter]? = nil, type: FilterType? = nil, match: Match? = nil) {
      self.filters = filters
      self.type = type
      self.match = match
    }

    static let keys = ["filters", "type", "match"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      filters = decoding.decode(members, "filters")
      type = decoding.decode(members, "type")
      match = decoding.decode(members, "match")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("filters", ifPresent: filters)
      sink.member("match", ifPresent: match)
      sink.member("type", ifPresent: type)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("filters", filters, unless: nil)
      arguments.add("type", type, unless: nil)
      arguments.add("match", match, unless: nil)
      return arguments.call(".init")
    }
  }
}
