/// How a ``KubernetesDeployment`` hands the catalog's ``AlertmanagerConfig`` to the cluster's
/// Alertmanager: the whole `alertmanager.yml` in a Secret, or its routing tree, receivers, inhibit
/// rules and time intervals as an `AlertmanagerConfig` resource (`monitoring.coreos.com/v1alpha1`)
/// that the operator merges into the config it generates.
///
/// With the resource, receiver secrets are Secret key references: a secret file
/// `/etc/alertmanager/secrets/<secret>/<key>` (where the operator mounts `Alertmanager.spec.secrets`)
/// is written as `{name: <secret>, key: <key>}`, and the operator reads the value from that Secret, in
/// the resource's namespace. So one Secret serves both forms.
/// What the resource cannot say (templates, a resolve timeout, a time zone, raw JSON) is a diagnostic.
/// ```swift
/// KubernetesDeployment(namespace: "monitoring", release: "kps") { … }
///   .alertmanagerSecret("alertmanager-websocket")                  // KubernetesAlertmanager.secret
/// KubernetesDeployment(namespace: "monitoring", release: "kps") { … }
///   .alertmanagerConfigResource("websocket-routing")               // KubernetesAlertmanager.alertmanagerConfig
/// ```
public enum KubernetesAlertmanager: Hashable, Sendable {
  /// What the `Alertmanager` resource's `alertmanagerConfigMatcherStrategy` does to the routes of an
  /// `AlertmanagerConfig`. It is set on the cluster's Alertmanager (kube-prometheus-stack:
  /// `alertmanager.alertmanagerSpec.alertmanagerConfigMatcherStrategy`), not in the resource: say here
  /// which one the cluster has, so the routing check sees the tree the operator builds.
  /// ```swift
  /// deployment.alertmanagerConfigResource("websocket-routing", matcherStrategy: .allNamespaces)
  /// ```
  public enum MatcherStrategy: String, Hashable, Sendable {
    /// `OnNamespace`, the operator's default: it adds `namespace="<the resource's namespace>"` to the
    /// top route (and to both sides of every inhibit rule), so only alerts with that label reach it.
    case onNamespace = "OnNamespace"
    /// `None`: the routes are taken as they are, for alerts from every namespace.
    case allNamespaces = "None"
  }

  /// The Secret `name` holding `alertmanager.yaml` (the Alertmanager's `configSecret`).
  case secret(String)
  /// The `AlertmanagerConfig` resource `name`, under the cluster's matcher strategy.
  case alertmanagerConfig(String, matcherStrategy: MatcherStrategy)
}
