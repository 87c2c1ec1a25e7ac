import MonitoringDSL

/// The seed stack on a cluster run by kube-prometheus-stack (Helm release `kps` in `monitoring`):
/// the same jobs, rules, routing and dashboard as under compose, as ServiceMonitors, a
/// PrometheusRule, the Alertmanager config Secret and a sidecar ConfigMap. Prometheus, Alertmanager
/// and Grafana are the chart's; their Services (label `app: kube-prometheus-stack-…`, port `http-web`)
/// are scraped under the job names the self-monitoring alerts select.
enum KubernetesSpec {
  static let namespace = "monitoring"
  static let release = "kps"
  /// The Secret kube-prometheus-stack's Alertmanager reads its config from
  /// (`alertmanager.alertmanagerSpec.useExistingSecret: true`, `configSecret: alertmanager-websocket`).
  static let alertmanagerSecret = "alertmanager-websocket"
  /// The Secret with the receivers' keys, mounted by the operator (`alertmanagerSpec.secrets`).
  static let receiverSecrets = "alertmanager-receivers"
  /// Services of the chart (release `kps`), inside the cluster.
  static let prometheusService = "kps-kube-prometheus-stack-prometheus.\(namespace)"
  static let alertmanagerService = "kps-kube-prometheus-stack-alertmanager.\(namespace)"

  static let stack = Stack(
    appTarget: "websocket-app.websocket:8080", prometheusTarget: "\(prometheusService):9090",
    prometheusURL: "http://\(prometheusService):9090", alertmanagerTarget: "\(alertmanagerService):9093",
    alertmanagerURL: "http://\(alertmanagerService):9093", grafanaTarget: "kps-grafana.\(namespace):80",
    prometheusLogin: false, alertmanagerSecrets: "\(AlertmanagerSpec.secrets)/\(receiverSecrets)", kubernetes: deployment)

  static var deployment: KubernetesDeployment {
    KubernetesDeployment(namespace: namespace, release: release) {
      KubernetesMonitor.service(Stack.appJob, port: "metrics", selector: ["app.kubernetes.io/name": Stack.appJob], namespaces: ["websocket"])
      KubernetesMonitor.service("prometheus", port: "http-web", selector: ["app": "kube-prometheus-stack-prometheus", "release": release])
      KubernetesMonitor.service("alertmanager", port: "http-web", selector: ["app": "kube-prometheus-stack-alertmanager", "release": release])
      KubernetesMonitor.service("grafana", port: "http-web", selector: ["app.kubernetes.io/name": "grafana", "app.kubernetes.io/instance": release])
    }
    .labels(["app.kubernetes.io/part-of": "websocket-monitoring"])
    .alertmanagerSecret(alertmanagerSecret)
  }
}
