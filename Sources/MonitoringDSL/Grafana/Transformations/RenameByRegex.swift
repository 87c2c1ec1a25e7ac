extension Transformation {
  /// The options of `renameByRegex`: fields whose name matches `regex` renamed to `renamePattern` (`$1`… its groups).
  /// ```swift
  /// Transformation.renameByRegex(.init(regex: "(.*) total", renamePattern: "$1"))
  /// ```
  public struct RenameByRegex: SchemaValue {
    public var regex: String?
    public var renamePattern: String?

    public init(regex: String? = nil, renamePattern: String? = nil) {
      self.regex = regex
      self.renamePattern = renamePattern
    }

    static let keys = ["regex", "renamePattern"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      regex = decoding.decode(members, "regex")
      renamePattern = decoding.decode(members, "renamePattern")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("regex", ifPresent: regex)
      sink.member("renamePattern", ifPresent: renamePattern)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("regex", regex, unless: nil)
      arguments.add("renamePattern", renamePattern, unless: nil)
      return arguments.call(".init")
    }
  }
}
