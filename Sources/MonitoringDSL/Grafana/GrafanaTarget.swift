/// The Grafana release a dashboard is written for: it sets the dashboard `schemaVersion` and each
/// panel's `pluginVersion`, so nothing depends on what a Grafana server would migrate on load.
///
/// The default is ``grafana12``: Grafana 12.0, dashboard schema version 41.
/// ```swift
/// Dashboard("Service", uid: "svc") { … }.target(.grafana12)
/// Dashboard("Service", uid: "svc") { … }.target(GrafanaTarget(version: "12.1.0", schemaVersion: 41))
/// ```
public struct GrafanaTarget: Hashable, Sendable {
  public var version: String
  public var schemaVersion: Int

  public init(version: String, schemaVersion: Int) {
    self.version = version
    self.schemaVersion = schemaVersion
  }

  /// Grafana 12.0 (schema version 41): the default.
  public static let grafana12 = GrafanaTarget(version: "12.0.0", schemaVersion: 41)
  /// Grafana 11.6 (schema version 40).
  public static let grafana11 = GrafanaTarget(version: "11.6.0", schemaVersion: 40)

  public static let `default` = grafana12
}
