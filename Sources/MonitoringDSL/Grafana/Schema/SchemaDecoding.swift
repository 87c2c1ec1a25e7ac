/// The state of reading JSON into schema types: where the reader is (`options.legend.calcs[0]`) and
/// what did not fit (unknown keys with the nearest known one, wrong types, unknown enum values).
/// What did not fit is left out of the typed value; the importer keeps it as raw JSON.
/// ```swift
/// var decoding = SchemaDecoding(at: "options")
/// _ = GrafanaSchema.VizLegendOptions(schemaJSON: ["displayMod": "list"], decoding: &decoding)
/// decoding.issues[0].description   // options: unknown key "displayMod" (did you mean "displayMode"?)
/// ```
public struct SchemaDecoding: Sendable {
  public struct Issue: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
  }

  public private(set) var issues: [Issue] = []
  private var path: [String]

  public init(at path: String = "") {
    self.path = path.isEmpty ? [] : [path]
  }

  public mutating func report(_ message: String) {
    issues.append(Issue(path: path.joined().trimmingDot, message: message))
  }

  /// The members of an object; a key the type does not know is reported with the nearest known key.
  public mutating func members(of json: JSONValue, known: [String]) -> [String: JSONValue]? {
    guard case .object(let members) = json else {
      report("expected an object, found \(json.compactText)")
      return nil
    }
    for key in members.keys.sorted() where !known.contains(key) {
      report("unknown key \"\(key)\"\(NearestName.suggestion(for: key, in: known))")
    }
    return members
  }

  /// The member `key` of `members` as a `Value`, or nil when absent or not fitting.
  public mutating func decode<Value: SchemaValue>(_ members: [String: JSONValue], _ key: String, as type: Value.Type = Value.self) -> Value? {
    guard let json = members[key] else { return nil }
    return decode(json, at: "." + key, as: type)
  }

  /// `json` as a `Value`, read at `step` below the current place (`.key` or `[index]`).
  public mutating func decode<Value: SchemaValue>(_ json: JSONValue, at step: String, as type: Value.Type = Value.self) -> Value? {
    path.append(step)
    defer { path.removeLast() }
    return Value(schemaJSON: json, decoding: &self)
  }
}

extension String {
  fileprivate var trimmingDot: String { hasPrefix(".") ? String(dropFirst()) : self }
}
