/// grafana-operator (v5) output of a ``KubernetesDeployment``: each dashboard as a `GrafanaDashboard`
/// and each datasource as a `GrafanaDatasource`, selecting the `Grafana` resources labelled
/// `instanceSelector`. A datasource's basic-auth password comes from `credentialsSecret` (key: the
/// datasource's password variable) through the operator's `valuesFrom`, never from the manifest.
/// ```swift
/// GrafanaOperatorSettings(instanceSelector: ["dashboards": "grafana"], folder: "WebSocket",
///                         credentialsSecret: "grafana-datasource-credentials")
/// ```
public struct GrafanaOperatorSettings: Hashable, Sendable {
  public var instanceSelector: [String: String]
  /// The Grafana folder the dashboards go to.
  public var folder: String?
  /// The Secret holding datasource passwords, one key per password variable.
  public var credentialsSecret: String?

  public init(instanceSelector: [String: String], folder: String? = nil, credentialsSecret: String? = nil) {
    self.instanceSelector = instanceSelector
    self.folder = folder
    self.credentialsSecret = credentialsSecret
  }
}
