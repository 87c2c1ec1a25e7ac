/// The Grafana release a dashboard is written for: it sets the dashboard `schemaVersion`, each
/// panel's `pluginVersion`, and the file formats written (``DashboardFormat``), so nothing depends on
/// what a Grafana server would migrate on load.
///
/// The default is ``grafana12``: Grafana 12.0, dashboard schema version 41, the classic model.
/// ``grafana13`` writes the dashboard schema v2 that Grafana 13 saves; `.formats(…)` on the target or
/// the dashboard picks the formats, both at once while a fleet moves from one to the other.
/// ```swift
/// Dashboard("Service", uid: "svc") { … }.target(.grafana13)                      // v2 only
/// Dashboard("Service", uid: "svc") { … }.target(.grafana13).formats([.classic, .v2])
/// Dashboard("Service", uid: "svc") { … }.target(GrafanaTarget(version: "12.1.0", schemaVersion: 41))
/// ```
public struct GrafanaTarget: Hashable, Sendable, CopyModifying {
  public var version: String
  public var schemaVersion: Int
  /// The formats written, in ``DashboardFormat`` order; never empty.
  public var formats: [DashboardFormat]

  public init(version: String, schemaVersion: Int, formats: [DashboardFormat] = [.classic]) {
    self.version = version
    self.schemaVersion = schemaVersion
    self.formats = formats
  }

  /// The same release, written in `formats` (an empty list keeps the current ones).
  /// ```swift
  /// .target(.grafana13.formats([.classic, .v2]))
  /// ```
  public func formats(_ formats: [DashboardFormat]) -> GrafanaTarget {
    with { $0.formats = formats.isEmpty ? $0.formats : Array(Set(formats)).sorted() }
  }

  /// Grafana 13.0 (schema version 42): the dashboard schema v2, which Grafana 13 saves by default.
  public static let grafana13 = GrafanaTarget(version: "13.0.0", schemaVersion: 42, formats: [.v2])
  /// Grafana 12.0 (schema version 41): the default.
  public static let grafana12 = GrafanaTarget(version: "12.0.0", schemaVersion: 41)
  /// Grafana 11.6 (schema version 40).
  public static let grafana11 = GrafanaTarget(version: "11.6.0", schemaVersion: 40)

  public static let `default` = grafana12
}
