/// The same catalog as manifests for a cluster run by kube-prometheus-stack (the Prometheus Operator
/// and Grafana's dashboard sidecar): a `ServiceMonitor` or `PodMonitor` per scrape job of the catalog's
/// Prometheus configs, a `PrometheusRule` per rule file carrying exactly its groups, the Alertmanager
/// routing as the Secret the operator reads or as an `AlertmanagerConfig` resource
/// (``KubernetesAlertmanager``), blackbox-exporter `Probe`s (``KubernetesProbe``), every dashboard as
/// a sidecar ConfigMap and, optionally, grafana-operator `GrafanaDashboard`/`GrafanaDatasource`
/// resources and a `kustomization.yaml`. Written to `kubernetes/` of the environment.
///
/// Every resource carries `release: <release>`: kube-prometheus-stack selects ServiceMonitors,
/// PodMonitors and PrometheusRules by that label, and without it the operator silently ignores them.
/// ```swift
/// KubernetesDeployment(namespace: "monitoring", release: "kps") {
///   KubernetesMonitor.service("websocket-app", port: "metrics", selector: ["app": "websocket-app"])
///   KubernetesMonitor.pod("worker", port: "metrics", selector: ["app": "worker"])
/// }
/// .unmanagedJobs(["node"])
/// .alertmanagerSecret("alertmanager-kps-kube-prometheus-stack-alertmanager")
/// .grafanaOperator(GrafanaOperatorSettings(instanceSelector: ["dashboards": "grafana"]))
/// ```
public struct KubernetesDeployment: Hashable, Sendable, CopyModifying {
  /// The namespace every resource is created in.
  public var namespace: String
  /// The Helm release of kube-prometheus-stack, written as the `release` label its selectors match.
  public var release: String
  /// More labels on every resource (the `release` label is always added).
  public var labels: [String: String] = [:]
  /// How each scrape job is discovered in the cluster.
  public var monitors: [KubernetesMonitor]
  /// Scrape jobs of the catalog that the cluster already scrapes (no monitor is written for them).
  public var unmanagedJobs: [String] = []
  /// How the catalog's Alertmanager config reaches the cluster's Alertmanager; `nil` writes nothing.
  public var alertmanager: KubernetesAlertmanager?
  /// Blackbox-exporter probes, one `Probe` resource each.
  public var probes: [KubernetesProbe] = []
  /// Dashboards as ConfigMaps labelled `grafana_dashboard: "1"` for kube-prometheus-stack's sidecar.
  public var dashboardConfigMaps = true
  /// grafana-operator resources, when set.
  public var grafanaOperator: GrafanaOperatorSettings?
  /// A `kustomization.yaml` listing every manifest (`kubectl apply -k`).
  public var kustomization = true

  public init(namespace: String, release: String, @KubernetesMonitorBuilder monitors: () -> [KubernetesMonitor]) {
    self.namespace = namespace
    self.release = release
    self.monitors = monitors()
  }

  /// Every label the resources carry: ``labels`` plus `release`.
  public var resourceLabels: [String: String] { labels.merging(["release": release]) { _, release in release } }

  public func labels(_ labels: [String: String]) -> KubernetesDeployment { with { $0.labels = labels } }
  public func unmanagedJobs(_ jobs: [String]) -> KubernetesDeployment { with { $0.unmanagedJobs = jobs } }
  /// The Alertmanager config as the Secret `name`, holding `alertmanager.yaml` (the text of `alertmanager.yml`).
  /// ```swift
  /// deployment.alertmanagerSecret("alertmanager-websocket")
  /// ```
  public func alertmanagerSecret(_ name: String) -> KubernetesDeployment { with { $0.alertmanager = .secret(name) } }
  /// The Alertmanager config's routing tree, receivers, inhibit rules and time intervals as the
  /// `AlertmanagerConfig` resource `name` (`monitoring.coreos.com/v1alpha1`) instead of a Secret.
  /// `matcherStrategy` says what the cluster's `Alertmanager` resource does with it (see
  /// ``KubernetesAlertmanager/MatcherStrategy``); the routing check runs on the tree as the operator
  /// builds it.
  /// ```swift
  /// deployment.alertmanagerConfigResource("websocket-routing")
  /// deployment.alertmanagerConfigResource("websocket-routing", matcherStrategy: .allNamespaces)
  /// ```
  public func alertmanagerConfigResource(
    _ name: String, matcherStrategy: KubernetesAlertmanager.MatcherStrategy = .onNamespace
  ) -> KubernetesDeployment {
    with { $0.alertmanager = .alertmanagerConfig(name, matcherStrategy: matcherStrategy) }
  }
  /// Blackbox-exporter probes, each written as a `Probe` resource.
  /// ```swift
  /// deployment.probes {
  ///   KubernetesProbe.staticTargets("websites", module: "http_2xx", prober: "blackbox-exporter:9115",
  ///                                 targets: ["https://example.org"])
  /// }
  /// ```
  public func probes(@KubernetesProbeBuilder _ probes: () -> [KubernetesProbe]) -> KubernetesDeployment {
    with { $0.probes += probes() }
  }
  public func dashboardConfigMaps(_ enabled: Bool) -> KubernetesDeployment { with { $0.dashboardConfigMaps = enabled } }
  public func grafanaOperator(_ settings: GrafanaOperatorSettings) -> KubernetesDeployment { with { $0.grafanaOperator = settings } }
  public func kustomization(_ enabled: Bool) -> KubernetesDeployment { with { $0.kustomization = enabled } }
}
