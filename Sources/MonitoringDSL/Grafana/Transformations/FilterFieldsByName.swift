extension Transformation {
  /// The options of `filterFieldsByName`: fields kept (`include`) or dropped (`exclude`) by name.
  /// ```swift
  /// Transformation.filterFieldsByName(.init(include: .init(names: ["Time", "Value"])))
  /// ```
  public struct FilterFieldsByName: SchemaValue {
    /// Field names given as a list, a regular expression or a variable.
    public struct Names: SchemaValue {
      public var names: [String]?
      public var pattern: String?
      public var variable: String?

      public init(names: [String]? = nil, pattern: String? = nil, variable: String? = nil) {
        self.names = names
        self.pattern = pattern
        self.variable = variable
      }

      static let keys = ["names", "pattern", "variable"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        names = decoding.decode(members, "names")
        pattern = decoding.decode(members, "pattern")
        variable = decoding.decode(members, "variable")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("names", ifPresent: names)
        sink.member("pattern", ifPresent: pattern)
        sink.member("variable", ifPresent: variable)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("names", names, unless: nil)
        arguments.add("pattern", pattern, unless: nil)
        arguments.add("variable", variable, unless: nil)
        return arguments.call(".init")
      }
    }

    public var include: Names?
    public var exclude: Names?
    /// Whether the names come from `variable`.
    public var byVariable: Bool?

    public init(include: Names? = nil, exclude: Names? = nil, byVariable: Bool? = nil) {
      self.include = include
      self.exclude = exclude
      self.byVariable = byVariable
    }

    static let keys = ["include", "exclude", "byVariable"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      include = decoding.decode(members, "include")
      exclude = decoding.decode(members, "exclude")
      byVariable = decoding.decode(members, "byVariable")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("byVariable", ifPresent: byVariable)
      sink.member("exclude", ifPresent: exclude)
      sink.member("include", ifPresent: include)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("include", include, unless: nil)
      arguments.add("exclude", exclude, unless: nil)
      arguments.add("byVariable", byVariable, unless: nil)
      return arguments.call(".init")
    }
  }
}
