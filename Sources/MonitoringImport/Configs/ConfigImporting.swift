import MonitoringDSL
import MonitoringRender
import Yams

/// What a Prometheus or Alertmanager config importer supplies; the import itself — normalise as the
/// tool loads the file, move secrets to files, type, keep the rest raw, check it is exact — is one
/// pipeline for both (``importing(_:source:fileName:limits:)``).
protocol ConfigImporting {
  associatedtype Config: Sendable
  /// Names the tool in messages ("Prometheus", "Alertmanager").
  static var toolName: String { get }
  /// The top-level keys one of which a config of this tool has.
  static var identifyingKeys: [String] { get }
  static var scrubber: SecretScrubber { get }
  /// The input as the tool loads it: `null`s dropped, the defaults it applies written out.
  static func normalized(_ input: JSONValue) -> JSONValue
  static func typed(_ json: JSONValue, fileName: String, source: String) -> Config
  /// Drops typed lists that the raw part of `trial` (the same config, patched) would replace whole.
  static func untypeReplacedLists(_ config: inout Config, as trial: Config)
  /// Puts on each part of `config` the raw JSON that makes it lower to `input`.
  static func keepRaw(_ config: inout Config, input: JSONValue, notes: inout [ImportNote])
  static func lowered(_ config: Config) -> Node
}

extension ConfigImporting {
  static func importing(
    _ text: String, source: String, fileName: String, limits: ImportLimits
  ) throws(ImportFailure) -> ConfigImport.Result<Config> {
    let input = try ConfigImport.parse(text, source: source, limits: limits)
    guard case .object = input, identifyingKeys.contains(where: { input[$0] != nil }) else {
      throw ImportFailure("\(source): not a\(toolName.first == "A" ? "n" : "") \(toolName) config (no \(identifyingKeys.map { "\"\($0):\"" }.joined(separator: " or ")))")
    }
    var notes: [ImportNote] = []
    let expected = normalized(input)
    let clean = scrubber.scrub(expected, notes: &notes)
    var config = typed(clean, fileName: fileName, source: source)
    var trial = config
    var trialNotes: [ImportNote] = []
    keepRaw(&trial, input: clean, notes: &trialNotes)
    untypeReplacedLists(&config, as: trial)
    keepRaw(&config, input: clean, notes: &notes)
    ConfigImport.checkExact(lowered(config), input: clean, notes: &notes)
    var paths: [String] = []
    let model = scrubber.redacted(expected)
    RoundTrip.compare(model, YAMLTree.value(of: lowered(config)), at: "", into: &paths)
    return ConfigImport.Result(config: config, expected: model, notes: notes, source: source, differences: paths)
  }
}
