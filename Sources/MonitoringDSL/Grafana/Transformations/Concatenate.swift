extension Transformation {
  /// The options of `concatenate`: all fields in one frame, each frame's name kept in field names, a label, or dropped.
  /// ```swift
  /// Transformation.concatenate(.init(frameNameMode: .label, frameNameLabel: "frame"))
  /// ```
  public struct Concatenate: SchemaValue {
    public enum FrameNameMode: String, Sendable, SchemaEnum {
      case field, label, drop
    }

    public var frameNameMode: FrameNameMode?
    /// The label of `label` mode.
    public var frameNameLabel: String?

    public init(frameNameMode: FrameNameMode? = nil, frameNameLabel: String? = nil) {
      self.frameNameMode = frameNameMode
      self.frameNameLabel = frameNameLabel
    }

    static let keys = ["frameNameMode", "frameNameLabel"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      frameNameMode = decoding.decode(members, "frameNameMode")
      frameNameLabel = decoding.decode(members, "frameNameLabel")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("frameNameLabel", ifPresent: frameNameLabel)
      sink.member("frameNameMode", ifPresent: frameNameMode)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("frameNameMode", frameNameMode, unless: nil)
      arguments.add("frameNameLabel", frameNameLabel, unless: nil)
      return arguments.call(".init")
    }
  }
}
