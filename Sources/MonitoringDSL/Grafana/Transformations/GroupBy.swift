extension Transformation {
  /// The options of `groupBy`: rows grouped on some fields, others aggregated, keyed by field name.
  /// ```swift
  /// Transformation.groupBy(.init(fields: ["job": .groupBy, "Value": .aggregate([.sum])]))
  /// ```
  public struct GroupBy: SchemaValue {
    /// What happens to one field: grouped on, or aggregated by some reducers.
    public struct Field: SchemaValue {
      /// What Grafana's editor sets: group on the field, aggregate it, or ignore it (`null`).
      public enum Operation: SchemaValue {
        case groupby, aggregate, ignore

        public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
          switch json {
          case .null: self = .ignore
          case .string("groupby"): self = .groupby
          case .string("aggregate"): self = .aggregate
          default:
            decoding.report("unknown value \(json.compactText); known: groupby, aggregate, null")
            return nil
          }
        }

        public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
          switch self {
          case .groupby: sink.string("groupby")
          case .aggregate: sink.string("aggregate")
          case .ignore: sink.null()
          }
        }

        public var swiftSource: SwiftSource { .code(".\(self)") }
      }

      public var aggregations: [ReduceCalculation]?
      public var operation: Operation?

      public init(aggregations: [ReduceCalculation]? = nil, operation: Operation? = nil) {
        self.aggregations = aggregations
        self.operation = operation
      }

      static let keys = ["aggregations", "operation"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        aggregations = decoding.decode(members, "aggregations")
        operation = decoding.decode(members, "operation")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("aggregations", ifPresent: aggregations)
        sink.member("operation", ifPresent: operation)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("aggregations", aggregations, unless: nil)
        arguments.add("operation", operation, unless: nil)
        return arguments.call(".init")
      }

      /// A field the rows are grouped on.
      public static let groupBy = Field(aggregations: [], operation: .groupby)
      /// ```swift
      /// .aggregate([.sum, .max])
      /// ```
      public static func aggregate(_ aggregations: [ReduceCalculation]) -> Field { Field(aggregations: aggregations, operation: .aggregate) }
    }

    public var fields: [String: Field]?

    public init(fields: [String: Field]? = nil) {
      self.fields = fields
    }

    static let keys = ["fields"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      fields = decoding.decode(members, "fields")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("fields", ifPresent: fields)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("fields", fields, unless: nil)
      return arguments.call(".init")
    }
  }
}
