extension Transformation {
  /// The options of `labelsToFields`: series labels as fields (`columns`) or as label/value rows (`rows`).
  /// ```swift
  /// Transformation.labelsToFields(.init(mode: .columns, keepLabels: ["job"]))
  /// ```
  public struct LabelsToFields: SchemaValue {
    public enum Mode: String, Sendable, SchemaEnum {
      case columns, rows
    }

    public var mode: Mode?
    /// The labels kept; all when nil.
    public var keepLabels: [String]?
    /// The label whose value names each value field.
    public var valueLabel: String?

    public init(mode: Mode? = nil, keepLabels: [String]? = nil, valueLabel: String? = nil) {
      self.mode = mode
      self.keepLabels = keepLabels
      self.valueLabel = valueLabel
    }

    static let keys = ["mode", "keepLabels", "valueLabel"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      mode = decoding.decode(members, "mode")
      keepLabels = decoding.decode(members, "keepLabels")
      valueLabel = decoding.decode(members, "valueLabel")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("keepLabels", ifPresent: keepLabels)
      sink.member("mode", ifPresent: mode)
      sink.member("valueLabel", ifPresent: valueLabel)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("mode", mode, unless: nil)
      arguments.add("keepLabels", keepLabels, unless: nil)
      arguments.add("valueLabel", valueLabel, unless: nil)
      return arguments.call(".init")
    }
  }
}
