import MonitoringDSL

/// The `__meta_*` labels each discovery mechanism attaches in Prometheus 2.42, as its source
/// declares them (prometheus@v2.42.0: discovery/file, http, dns, kubernetes/{node,service,pod,
/// endpoints,endpointslice,ingress}.go, consul). `endpoints` and `endpointslice` targets also carry
/// the labels of the Service and Pod behind them; `attach_metadata.node` adds the node's labels.
enum DiscoveryMetaLabels {
  static let kubernetes = "__meta_kubernetes_"

  /// The labels of one mechanism as configured.
  static func labels(of discovery: ServiceDiscovery) -> MetaLabelSet {
    switch discovery {
    case .file(let file):
      let written = file.targets.flatMap(\.groups).flatMap(\.labels.keys).filter { $0.hasPrefix("__meta_") }
      return MetaLabelSet(names: Set(["__meta_filepath"] + written), open: !file.files.isEmpty)
    case .http: return MetaLabelSet(names: ["__meta_url"], open: true)
    case .dns(let dns): return self.dns(dns.type)
    case .kubernetes(let config): return kubernetes(config.role, attachNode: config.attachNodeMetadata)
    case .consul: return consul
    }
  }

  /// Every mechanism's labels by the name a diagnostic gives it (`kubernetes_sd role pod`, `consul_sd`, …).
  static let everyKind: [(name: String, labels: MetaLabelSet)] =
    [("file_sd", MetaLabelSet(names: ["__meta_filepath"])), ("http_sd", MetaLabelSet(names: ["__meta_url"]))]
    + DNSSD.RecordType.allCases.map { ("dns_sd type \($0.rawValue)", dns($0)) }
    + KubernetesSD.Role.allCases.map { ("kubernetes_sd role \($0.rawValue)", kubernetes($0, attachNode: true)) }
    + [("consul_sd", consul)]

  static func dns(_ type: DNSSD.RecordType) -> MetaLabelSet {
    let byType: [DNSSD.RecordType: [String]] = [
      .srv: ["__meta_dns_srv_record_target", "__meta_dns_srv_record_port"], .mx: ["__meta_dns_mx_record_target"],
      .ns: ["__meta_dns_ns_record_target"],
    ]
    return MetaLabelSet(names: Set(["__meta_dns_name"] + byType[type, default: []]))
  }

  static let consul = MetaLabelSet(
    names: Set(
      ["address", "node", "tags", "service", "health", "service_address", "service_port", "dc", "namespace", "partition", "service_id"]
        .map { "__meta_consul_" + $0 }),
    prefixes: ["__meta_consul_metadata_", "__meta_consul_service_metadata_", "__meta_consul_tagged_address_"])

  static func kubernetes(_ role: KubernetesSD.Role, attachNode: Bool) -> MetaLabelSet {
    let namespace = MetaLabelSet(names: [kubernetes + "namespace"])
    let nodeMetadata = attachNode ? objectLabels("node", annotations: false) : MetaLabelSet()
    switch role {
    case .node:
      return names("node_", ["name", "provider_id"], prefixes: ["address_"]) + objectLabels("node", annotations: true)
    case .service: return namespace + service
    case .pod: return namespace + pod + nodeMetadata
    case .endpoints:
      let endpoints = names(
        "", ["endpoints_name", "endpoint_node_name", "endpoint_hostname", "endpoint_ready", "endpoint_port_name",
             "endpoint_port_protocol", "endpoint_address_target_kind", "endpoint_address_target_name"])
      return namespace + endpoints + objectLabels("endpoints", annotations: false) + service + pod + nodeMetadata
    case .endpointslice:
      let slice = names(
        "endpointslice_",
        ["name", "address_type", "port_name", "port_protocol", "port", "port_app_protocol", "endpoint_conditions_ready",
         "endpoint_conditions_serving", "endpoint_conditions_terminating", "endpoint_hostname", "address_target_kind",
         "address_target_name"],
        prefixes: ["endpoint_topology_", "endpoint_topology_present_"])
      return namespace + slice + service + pod + nodeMetadata
    case .ingress:
      return namespace + names("ingress_", ["name", "scheme", "host", "path", "class_name"]) + objectLabels("ingress", annotations: true)
    }
  }

  private static let service =
    names(
      "service_",
      ["name", "port_name", "port_number", "port_protocol", "cluster_ip", "loadbalancer_ip", "external_name", "type"])
    + objectLabels("service", annotations: true)

  private static let pod =
    names(
      "pod_",
      ["name", "ip", "container_name", "container_id", "container_image", "container_port_name", "container_port_number",
       "container_port_protocol", "container_init", "ready", "phase", "node_name", "host_ip", "uid", "controller_kind",
       "controller_name"])
    + objectLabels("pod", annotations: true)

  /// `__meta_kubernetes_<object>_label_*` and `_labelpresent_*`, and the annotations' pair when asked.
  private static func objectLabels(_ object: String, annotations: Bool) -> MetaLabelSet {
    let kinds = annotations ? ["label_", "labelpresent_", "annotation_", "annotationpresent_"] : ["label_", "labelpresent_"]
    return MetaLabelSet(prefixes: Set(kinds.map { kubernetes + object + "_" + $0 }))
  }

  private static func names(_ stem: String, _ names: [String], prefixes: [String] = []) -> MetaLabelSet {
    MetaLabelSet(names: Set(names.map { kubernetes + stem + $0 }), prefixes: Set(prefixes.map { kubernetes + stem + $0 }))
  }
}
