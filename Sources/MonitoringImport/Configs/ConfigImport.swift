public import MonitoringDSL
import MonitoringRender
import Yams

/// What `gen import prometheus` and `gen import alertmanager` share: reading the YAML, the
/// normalisation both tools apply on load (a member set to `null` is the member absent: Go's YAML
/// decoder leaves the field at its zero value), and the raw part of an import — lower the typed
/// value, compare it with the input member by member (`JSONPatch`), keep the difference as the
/// value's `.extraJSON`/`.removingJSON` (`RawJSONCarrying`).
/// ```swift
/// let input = try ConfigImport.parse(text, source: "prometheus.yml")
/// ```
public enum ConfigImport {
  /// A config brought in by an importer: the typed value, the model it must render (the input as the
  /// tool loads it, secrets shown as `<redacted>`), the notes, and where the rendered spec differs from
  /// that model (the secrets taken out, nothing else).
  public struct Result<Config: Sendable>: Sendable {
    public var config: Config
    public var expected: JSONValue
    public var notes: [ImportNote]
    public var source: String
    public var differences: [String]
  }

  static func parse(_ text: String, source: String, limits: ImportLimits = .default) throws(ImportFailure) -> JSONValue {
    try ImportInput.yaml(text, source: source, limits: limits)
  }

  /// `value` without the members whose value is `null`, at every depth.
  static func withoutNullMembers(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): .object(members.filter { $0.value != .null }.mapValues(withoutNullMembers))
    case .array(let elements): .array(elements.map(withoutNullMembers))
    default: value
    }
  }

  /// Sets the difference from `lowered` to `input` as the raw part of `value` and notes its paths.
  static func keepRaw<Value: RawJSONCarrying>(
    _ value: inout Value, lowered: JSONValue, input: JSONValue, skipping: Set<String> = [], item: String,
    notes: inout [ImportNote]
  ) {
    let patch = JSONPatch(from: lowered, to: input, skipping: skipping)
    guard !patch.isEmpty else { return }
    value.extraJSON = patch.merge
    value.removedJSON = patch.removals
    notes.append(.keptRaw(item: item, paths: patch.paths))
  }

  /// The importer's own check: with its raw remainder, the typed value renders `input` (the input
  /// with secrets moved to files) exactly. A difference here is a bug of the importer, said so, and
  /// never taken for a declared one by the round trip.
  static func checkExact(_ lowered: Node, input: JSONValue, notes: inout [ImportNote]) {
    var paths: [String] = []
    RoundTrip.compare(input, YAMLTree.value(of: lowered), at: "", into: &paths)
    if !paths.isEmpty { notes.append(.warning("the raw remainder is not exact (a bug of the importer) at: \(paths.joined(separator: ", "))")) }
  }

  /// A string-to-string mapping; values that YAML reads as numbers or bools keep their spelling.
  static func strings(_ json: JSONValue?) -> [String: String] {
    guard case .object(let members)? = json else { return [:] }
    return members.compactMapValues(\.text)
  }

  /// A list of strings, or `nil` when `json` is not a list of scalars.
  static func stringList(_ json: JSONValue?) -> [String]? {
    guard case .array(let elements)? = json else { return nil }
    let texts = elements.compactMap(\.text)
    return texts.count == elements.count ? texts : nil
  }

  /// Whether `json` is an object with no keys outside `keys`.
  static func has(_ json: JSONValue, onlyKeys keys: Set<String>) -> Bool {
    guard case .object(let members) = json else { return false }
    return members.keys.allSatisfy(keys.contains)
  }

  /// Each element of the list at `key` (when there is one) with `defaults` under what it sets.
  static func defaulting(_ json: JSONValue, list key: String, with defaults: JSONValue) -> JSONValue {
    guard case .array(let elements)? = json[key] else { return json }
    return json.merging([key: .array(elements.map { defaults.merging($0) })])
  }
}
