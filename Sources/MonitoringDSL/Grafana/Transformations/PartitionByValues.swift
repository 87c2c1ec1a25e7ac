extension Transformation {
  /// The options of `partitionByValues`: one frame split into one per distinct value of `fields`.
  /// ```swift
  /// Transformation.partitionByValues(.init(fields: ["region"], keepFields: false, naming: .init(asLabels: true)))
  /// ```
  public struct PartitionByValues: SchemaValue {
    /// How the new frames are named: the values as labels, or in the frame name.
    public struct Naming: SchemaValue {
      public var asLabels: Bool?
      /// Whether the values are appended to the frame name (else they replace it).
      public var append: Bool?
      /// Whether the frame name has `field=value` (else only values).
      public var withNames: Bool?
      /// Between a field name and its value.
      public var separator1: String?
      /// Between field/value pairs.
      public var separator2: String?

      public init(
        asLabels: Bool? = nil,
        append: Bool? = nil,
        withNames: Bool? = nil,
        separator1: String? = nil,
        separator2: String? = nil
      ) {
        self.asLabels = asLabels
        self.append = append
        self.withNames = withNames
        self.separator1 = separator1
        self.separator2 = separator2
      }

      static let keys = ["asLabels", "append", "withNames", "separator1", "separator2"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        asLabels = decoding.decode(members, "asLabels")
        append = decoding.decode(members, "append")
        withNames = decoding.decode(members, "withNames")
        separator1 = decoding.decode(members, "separator1")
        separator2 = decoding.decode(members, "separator2")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("append", ifPresent: append)
        sink.member("asLabels", ifPresent: asLabels)
        sink.member("separator1", ifPresent: separator1)
        sink.member("separator2", ifPresent: separator2)
        sink.member("withNames", ifPresent: withNames)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("asLabels", asLabels, unless: nil)
        arguments.add("append", append, unless: nil)
        arguments.add("withNames", withNames, unless: nil)
        arguments.add("separator1", separator1, unless: nil)
        arguments.add("separator2", separator2, unless: nil)
        return arguments.call(".init")
      }
    }

    public var fields: [String]?
    /// Whether the fields split on stay in the frames.
    public var keepFields: Bool?
    public var naming: Naming?

    public init(fields: [String]? = nil, keepFields: Bool? = nil, naming: Naming? = nil) {
      self.fields = fields
      self.keepFields = keepFields
      self.naming = naming
    }

    static let keys = ["fields", "keepFields", "naming"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      fields = decoding.decode(members, "fields")
      keepFields = decoding.decode(members, "keepFields")
      naming = decoding.decode(members, "naming")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("fields", ifPresent: fields)
      sink.member("keepFields", ifPresent: keepFields)
      sink.member("naming", ifPresent: naming)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("fields", fields, unless: nil)
      arguments.add("keepFields", keepFields, unless: nil)
      arguments.add("naming", naming, unless: nil)
      return arguments.call(".init")
    }
  }
}
