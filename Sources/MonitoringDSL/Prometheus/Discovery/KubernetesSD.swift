/// `kubernetes_sd_configs`: targets from the Kubernetes API, one kind of object per ``Role``. Inside
/// the cluster Prometheus uses its service account (no settings needed); outside it, either an
/// `apiServer` with credentials from files or a `kubeconfigFile`, never both. Each role attaches its
/// `__meta_kubernetes_*` labels (`endpoints` and `endpointslice` also those of the Service and Pod
/// behind them); see the relabel helpers such as ``RelabelRule/keepIfAnnotated(_:role:)``.
/// ```swift
/// KubernetesSD(role: .pod, namespaces: ["websocket"])
///   .selector(role: .pod, label: "app.kubernetes.io/name=websocket-app")
/// KubernetesSD(role: .node).apiServer("https://k8s.internal:6443").bearerToken(file: "/etc/prometheus/secrets/k8s-token")
/// ```
public struct KubernetesSD: Hashable, Sendable, CopyModifying {
  /// What is discovered: nodes, services, pods, endpoints, endpoint slices or ingresses.
  public enum Role: String, Sendable, CaseIterable {
    case node, service, pod, endpoints, endpointslice, ingress
  }

  /// A label and/or field selector limiting the objects of one role that are watched.
  /// ```swift
  /// KubernetesSD.Selector(role: .pod, label: "app=web", field: "status.phase=Running")
  /// ```
  public struct Selector: Hashable, Sendable {
    public var role: Role
    public var label: String?
    public var field: String?

    public init(role: Role, label: String? = nil, field: String? = nil) {
      self.role = role
      self.label = label
      self.field = field
    }
  }

  public var role: Role
  /// Namespaces to watch (`namespaces.names`); empty with ``ownNamespace`` false means all of them.
  public var namespaces: [String]
  /// Also watch the namespace Prometheus runs in (`namespaces.own_namespace`).
  public var ownNamespace = false
  public var selectors: [Selector] = []
  /// The API server, when Prometheus runs outside the cluster.
  public var apiServer: String?
  /// A kubeconfig file instead of `apiServer` and credentials.
  public var kubeconfigFile: String?
  public var authorization: ScrapeAuthorization?
  public var tls: TLSConfig?
  /// Attach the node's labels to pod targets (`attach_metadata.node`, role pod).
  public var attachNodeMetadata = false

  public init(role: Role, namespaces: [String] = []) {
    self.role = role
    self.namespaces = namespaces
  }

  public func ownNamespace(_ include: Bool = true) -> KubernetesSD { with { $0.ownNamespace = include } }
  public func selector(role: Role, label: String? = nil, field: String? = nil) -> KubernetesSD {
    with { $0.selectors.append(Selector(role: role, label: label, field: field)) }
  }
  public func apiServer(_ url: String) -> KubernetesSD { with { $0.apiServer = url } }
  public func kubeconfigFile(_ path: String) -> KubernetesSD { with { $0.kubeconfigFile = path } }
  /// Basic auth to the API server, the password read from a file.
  public func basicAuth(username: String, passwordFile: String) -> KubernetesSD {
    with { $0.authorization = .basic(username: username, passwordFile: passwordFile) }
  }
  /// A bearer token for the API server, read from a file.
  public func bearerToken(file: String) -> KubernetesSD { with { $0.authorization = .bearer(credentialsFile: file) } }
  public func tls(_ tls: TLSConfig) -> KubernetesSD { with { $0.tls = tls } }
  public func attachNodeMetadata(_ attach: Bool = true) -> KubernetesSD { with { $0.attachNodeMetadata = attach } }
}
