/// The file formats a dashboard is written in (``GrafanaTarget/formats``).
///
/// - ``classic``: the JSON model every Grafana reads (`schemaVersion`, `panels`, `templating`), written to
///   `grafana/dashboards/<slug>.json`.
/// - ``v2``: Grafana's dashboard schema v2, the resource `dashboard.grafana.app/v2beta1` `Dashboard`
///   (`metadata.name` is the uid; `spec` has `elements`, `layout`, `variables`), written to
///   `grafana/dashboards-v2/<slug>.json`: a folder of its own, so a file provider reading one folder never
///   sees the same uid twice.
/// ```swift
/// Dashboard("Service", uid: "svc") { … }.formats([.classic, .v2])
/// ```
public enum DashboardFormat: String, Hashable, Sendable, CaseIterable, Comparable {
  case classic
  case v2

  public static func < (lhs: DashboardFormat, rhs: DashboardFormat) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}
