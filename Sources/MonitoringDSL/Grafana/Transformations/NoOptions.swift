extension Transformation {
  /// The empty `options` of `merge` and `seriesToRows`: a key in it is reported, as Grafana ignores it.
  public struct NoOptions: SchemaObject {
    public init() {}
    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard decoding.members(of: json, known: []) != nil else { return nil }
    }
    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.endObject()
    }
    public var swiftSource: SwiftSource { .call(".init", []) }
  }
}
