/// Names of the `__meta_*` labels service discovery attaches, built the way Prometheus builds them:
/// a Kubernetes label or annotation name has every character outside `[a-zA-Z0-9_]` replaced by `_`.
/// ```swift
/// MetaLabel.annotation("prometheus.io/scrape", of: .pod)   // "__meta_kubernetes_pod_annotation_prometheus_io_scrape"
/// MetaLabel.consulService                                  // "__meta_consul_service"
/// ```
public enum MetaLabel {
  public static let kubernetesNamespace = "__meta_kubernetes_namespace"
  public static let consulService = "__meta_consul_service"
  public static let consulTags = "__meta_consul_tags"
  public static let filePath = "__meta_filepath"
  public static let dnsName = "__meta_dns_name"

  /// `__meta_kubernetes_<role>_annotation_<name>` (`endpoints` and `endpointslice` read the annotations
  /// of the Service or Pod behind them: pass `.service` or `.pod`).
  public static func annotation(_ name: String, of role: KubernetesSD.Role) -> String {
    "__meta_kubernetes_\(role.rawValue)_annotation_\(sanitized(name))"
  }

  /// `__meta_kubernetes_<role>_label_<name>`.
  public static func label(_ name: String, of role: KubernetesSD.Role) -> String {
    "__meta_kubernetes_\(role.rawValue)_label_\(sanitized(name))"
  }

  /// `__meta_kubernetes_<role>_name`: the object's name (`endpoints_name` for endpoints).
  public static func name(of role: KubernetesSD.Role) -> String { "__meta_kubernetes_\(role.rawValue)_name" }

  /// A label or annotation name as part of a label name: what Prometheus' `SanitizeLabelName` does.
  /// ```swift
  /// MetaLabel.sanitized("app.kubernetes.io/name")   // "app_kubernetes_io_name"
  /// ```
  public static func sanitized(_ name: String) -> String {
    String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
  }
}
