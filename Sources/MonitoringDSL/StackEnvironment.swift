/// One environment of the same specs (`dev`, `test`, …): its name, the settings it can be given on
/// the command line with their defaults, and the catalog it renders. `gen` writes each environment
/// into its own folder, `generated/<name>/`.
/// ```swift
/// static let test = StackEnvironment("test", settings: ["app_target": "127.0.0.1:18080"]) { settings in
///   stack(appTarget: settings["app_target"])
/// }
/// // gen --environment test --set app_target=127.0.0.1:43127 --output /tmp/e2e
/// ```
public struct StackEnvironment: Sendable {
  public let name: String
  /// Every setting the environment reads, with the value the committed output uses.
  public let defaults: [String: String]
  private let build: @Sendable (Settings) -> Catalog

  public init(_ name: String, settings defaults: [String: String] = [:], catalog build: @escaping @Sendable (Settings) -> Catalog) {
    self.name = name
    self.defaults = defaults
    self.build = build
  }

  /// The catalog with the defaults: what the committed output holds.
  public var defaultCatalog: Catalog { build(Settings(values: defaults)) }

  /// The catalog with the defaults, or with some of them overridden. Unknown keys are an error.
  public func catalog(_ overrides: [String: String] = [:]) throws(UnknownSetting) -> Catalog {
    if let unknown = overrides.keys.sorted().first(where: { defaults[$0] == nil }) {
      throw UnknownSetting(environment: name, key: unknown, known: defaults.keys.sorted())
    }
    return build(Settings(values: defaults.merging(overrides) { _, override in override }))
  }

  /// The settings a catalog is built with; every key read must be declared in the defaults.
  public struct Settings: Sendable {
    let values: [String: String]
    public subscript(key: String) -> String { values[key] ?? "" }
    public func int(_ key: String) -> Int { Int(values[key] ?? "") ?? 0 }
  }

  public struct UnknownSetting: Error, Equatable, CustomStringConvertible {
    public let environment: String
    public let key: String
    public let known: [String]
    public var description: String {
      "environment \"\(environment)\" has no setting \"\(key)\" (settings: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
    }
  }
}
