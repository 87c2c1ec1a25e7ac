extension Transformation {
  /// The options of `reduce`: each field, or each series, reduced to one value per reducer.
  /// ```swift
  /// Transformation.reduce(.init(reducers: [.mean, .max], mode: .reduceFields))
  /// ```
  public struct Reduce: SchemaValue {
    public enum Mode: String, Sendable, SchemaEnum {
      case seriesToRows, reduceFields
    }

    public var reducers: [ReduceCalculation]?
    /// One row per series with a column per reducer (`seriesToRows`, Grafana's default), or each field replaced by its values.
    public var mode: Mode?
    public var includeTimeField: Bool?
    /// Labels as columns of their own (`seriesToRows` mode).
    public var labelsToFields: Bool?

    public init(
      reducers: [ReduceCalculation]? = nil,
      mode: Mode? = nil,
      includeTimeField: Bool? = nil,
      labelsToFields: Bool? = nil
    ) {
      self.reducers = reducers
      self.mode = mode
      self.includeTimeField = includeTimeField
      self.labelsToFields = labelsToFields
    }

    static let keys = ["reducers", "mode", "includeTimeField", "labelsToFields"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      reducers = decoding.decode(members, "reducers")
      mode = decoding.decode(members, "mode")
      includeTimeField = decoding.decode(members, "includeTimeField")
      labelsToFields = decoding.decode(members, "labelsToFields")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("includeTimeField", ifPresent: includeTimeField)
      sink.member("labelsToFields", ifPresent: labelsToFields)
      sink.member("mode", ifPresent: mode)
      sink.member("reducers", ifPresent: reducers)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("reducers", reducers, unless: nil)
      arguments.add("mode", mode, unless: nil)
      arguments.add("includeTimeField", includeTimeField, unless: nil)
      arguments.add("labelsToFields", labelsToFields, unless: nil)
      return arguments.call(".init")
    }
  }
}
