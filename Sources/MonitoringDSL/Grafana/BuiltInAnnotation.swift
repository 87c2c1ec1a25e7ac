/// Grafana's built-in "Annotations & Alerts" entry, first in every dashboard's annotation list: this
/// dashboard's own annotations and alert events, hidden from the toggles.
/// ```swift
/// Dashboard("Pods", uid: "pods") { … }
///   .builtInAnnotation(BuiltInAnnotation(datasource: .grafanaAnnotations, target: .init(limit: 100)))
/// ```
public struct BuiltInAnnotation: Hashable, Sendable {
  /// The dashboard filter Grafana 9 and later save with it (`target`, of `type` `dashboard`).
  public struct Target: Hashable, Sendable {
    public var limit: Int
    public var matchAny: Bool
    public var tags: [String]

    public init(limit: Int = 100, matchAny: Bool = false, tags: [String] = []) {
      self.limit = limit
      self.matchAny = matchAny
      self.tags = tags
    }
  }

  /// `.grafana` (`-- Grafana --`, the older name) or `.grafanaAnnotations`.
  public var datasource: DatasourceRef
  /// Without one, none is written, as before Grafana 9.
  public var target: Target?

  public init(datasource: DatasourceRef = .grafana, target: Target? = nil) {
    self.datasource = datasource
    self.target = target
  }
}
