public import MonitoringDSL

/// The environments `swift run gen` writes, each into `generated/<name>/`, listed explicitly.
public enum Specs {
  public static let environments = [dev, test, kubernetes, scale, grafana]

  /// The seed's stack under Docker Compose: the ports and service names of the seed document.
  public static let dev = StackEnvironment("dev") { _ in Stack.compose.catalog }

  /// Everything on loopback: `scripts/monitoring.sh` without Docker and the end-to-end test, which
  /// points it at free ports with `gen --environment test --set prometheus_port=… --set …`.
  public static let test = StackEnvironment(
    "test",
    settings: [
      "app_target": "127.0.0.1:18080", "prometheus_port": "19090", "alertmanager_port": "19093",
      "no_connections_for": "15s", "prometheus_secrets_dir": "/etc/prometheus-secrets",
    ]
  ) { settings in
    Stack.loopback(
      appTarget: settings["app_target"], prometheusPort: settings.int("prometheus_port"),
      alertmanagerPort: settings.int("alertmanager_port"), noConnectionsFor: PromDuration(settings["no_connections_for"]),
      prometheusSecrets: settings["prometheus_secrets_dir"]
    ).catalog
  }

  /// The same stack for a Kubernetes cluster with kube-prometheus-stack: `generated/k8s/kubernetes/`
  /// holds the manifests (`kubectl apply -k`), the rest the plain files they are made from.
  public static let kubernetes = StackEnvironment("k8s") { _ in KubernetesSpec.stack.catalog }

  /// The compose stack scaled out: an HA Prometheus pair with remote write, federation, an agent,
  /// Grafana on a shared database.
  /// `scripts/e2e-scale.py` runs it on loopback: `gen --environment scale --set prometheus_a=127.0.0.1:… …`.
  public static let scale = StackEnvironment("scale", settings: ScaleOutSpec.Addresses.settings) { settings in
    ScaleOutSpec.stack(ScaleOutSpec.Addresses(settings)).catalog
  }

  /// The compose stack with the alerts evaluated and routed by Grafana (no Alertmanager): the same
  /// alert, route and receiver values as `dev`, as Grafana's alerting provisioning.
  public static let grafana = StackEnvironment("grafana") { _ in GrafanaManagedSpec.stack.catalog }

  /// The dev environment's catalog.
  public static var catalog: Catalog { dev.defaultCatalog }
}
