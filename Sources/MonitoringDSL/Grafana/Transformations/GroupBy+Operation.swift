extension Transformation.GroupBy.Field {
  /// What Grafana's editor sets: group on the field, aggregate it, or ignore it (`null`, which a
  /// generated enum cannot hold, hence by hand).
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
}
