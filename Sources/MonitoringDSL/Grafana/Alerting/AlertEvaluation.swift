/// Who evaluates a catalog's alert rules, and so which files `gen` writes for them: Prometheus
/// (rule files and `alertmanager.yml`, the default) or Grafana (its alerting provisioning files).
/// ```swift
/// let dev = stack()                                              // Prometheus rules, Alertmanager
/// let grafana = stack().alerting(.grafana(folder: "WebSocket"))  // the same alerts, in Grafana
/// ```
public enum AlertEvaluation: Hashable, Sendable {
  case prometheus
  case grafana(GrafanaAlerting)

  /// Grafana-managed alerting with the defaults: organisation 1, the catalog's Prometheus datasource.
  /// ```swift
  /// let evaluation = AlertEvaluation.grafana(folder: "WebSocket")
  /// ```
  public static func grafana(folder: String, datasourceUID: String? = nil) -> AlertEvaluation {
    .grafana(GrafanaAlerting(folder: folder, datasourceUID: datasourceUID))
  }
}
