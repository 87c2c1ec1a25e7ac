public import MonitoringDSL
public import Yams

/// A scrape job's service discovery as Prometheus reads it: one `*_sd_configs` list per kind
/// (file, HTTP, DNS, Kubernetes, Consul; each list in the spec's order), only the settings given,
/// secrets as files; and the targets files `gen` writes for `FileSD`.
/// ```swift
/// let pairs = DiscoveryLowering.lists(job.discovery)   // [("file_sd_configs", …), ("kubernetes_sd_configs", …)]
/// let text = DiscoveryLowering.targetsFile(FileSDTargets("targets/app.json") { TargetGroup(targets: ["app:8080"]) })
/// ```
public enum DiscoveryLowering {
  /// The lists' keys, in the order a job lists them.
  /// ```swift
  /// DiscoveryLowering.kinds.first   // "file_sd_configs"
  /// ```
  public static let kinds = ["file_sd_configs", "http_sd_configs", "dns_sd_configs", "kubernetes_sd_configs", "consul_sd_configs"]

  /// Each kind's list, in ``kinds`` order; kinds the job does not use are left out.
  public static func lists(_ discovery: [ServiceDiscovery]) -> [(String, Node?)] {
    kinds.compactMap { kind in
      let entries = discovery.filter { $0.configKey == kind }
      return entries.isEmpty ? nil : (kind, YAMLTree.sequence(entries.map(config)))
    }
  }

  /// A targets file's text: a JSON array of `{"labels", "targets"}` objects (the JSON writer's
  /// policy: keys sorted, 2-space indent, final newline) or the same as a YAML sequence.
  /// ```swift
  /// try write(DiscoveryLowering.targetsFile(targets), to: "prometheus/targets/app.json")   // Prometheus re-reads it
  /// ```
  public static func targetsFile(_ file: FileSDTargets) -> String {
    switch file.format {
    case .yaml:
      YAMLTree.document(
        YAMLTree.sequence(
          file.groups.map { group in
            YAMLTree.mapping([
              ("targets", YAMLTree.strings(group.targets)),
              ("labels", group.labels.isEmpty ? nil : YAMLTree.sortedMapping(group.labels)),
            ])
          }))
    case .json, nil:
      JSONWriter.write(
        .array(
          file.groups.map { group in
            var members: [String: JSONValue] = ["targets": .array(group.targets.map(JSONValue.string))]
            if !group.labels.isEmpty { members["labels"] = .object(group.labels.mapValues(JSONValue.string)) }
            return .object(members)
          }))
    }
  }

  /// Every targets file the configs' jobs write, once per path (HA replicas share their jobs), with
  /// the first config that writes it. Two different files for one path are a validation diagnostic.
  /// ```swift
  /// for (config, targets) in DiscoveryLowering.targetsFiles(of: catalog.prometheusConfigs) { … }
  /// ```
  public static func targetsFiles(of configs: [PrometheusConfig]) -> [(config: PrometheusConfig, targets: FileSDTargets)] {
    var seen: Set<String> = []
    var result: [(config: PrometheusConfig, targets: FileSDTargets)] = []
    for config in configs {
      for job in config.jobs {
        for case .file(let file) in job.discovery {
          for targets in file.targets where seen.insert(targets.path).inserted { result.append((config, targets)) }
        }
      }
    }
    return result
  }

  private static func config(_ discovery: ServiceDiscovery) -> Node {
    switch discovery {
    case .file(let file):
      YAMLTree.mapping([("files", YAMLTree.strings(file.allFiles)), refresh(file.refreshInterval)])
    case .http(let http):
      YAMLTree.mapping([
        ("url", YAMLTree.string(http.url)), refresh(http.refreshInterval),
        HTTPClientLowering.authorization(http.authorization), HTTPClientLowering.tls(http.tls),
      ])
    case .dns(let dns):
      YAMLTree.mapping([
        ("names", YAMLTree.strings(dns.names)), ("type", YAMLTree.string(dns.type.rawValue)),
        ("port", dns.port.map(YAMLTree.int)), refresh(dns.refreshInterval),
      ])
    case .kubernetes(let kubernetes): self.kubernetes(kubernetes)
    case .consul(let consul):
      YAMLTree.mapping([
        ("server", YAMLTree.string(consul.server)),
        ("scheme", consul.scheme.map { YAMLTree.string($0.rawValue) }),
        ("datacenter", consul.datacenter.map(YAMLTree.string)),
        ("services", consul.services.isEmpty ? nil : YAMLTree.strings(consul.services)),
        ("tags", consul.tags.isEmpty ? nil : YAMLTree.strings(consul.tags)),
        refresh(consul.refreshInterval),
        HTTPClientLowering.authorization(consul.tokenFile.map { .bearer(credentialsFile: $0) }),
        HTTPClientLowering.tls(consul.tls),
      ])
    }
  }

  private static func kubernetes(_ config: KubernetesSD) -> Node {
    let namespaces: Node? =
      config.namespaces.isEmpty && !config.ownNamespace
      ? nil
      : YAMLTree.mapping([
        ("own_namespace", config.ownNamespace ? YAMLTree.bool(true) : nil),
        ("names", config.namespaces.isEmpty ? nil : YAMLTree.strings(config.namespaces)),
      ])
    let selectors = config.selectors.map { selector in
      YAMLTree.mapping([
        ("role", YAMLTree.string(selector.role.rawValue)),
        ("label", selector.label.map(YAMLTree.string)),
        ("field", selector.field.map(YAMLTree.string)),
      ])
    }
    return YAMLTree.mapping([
      ("role", YAMLTree.string(config.role.rawValue)),
      ("api_server", config.apiServer.map(YAMLTree.string)),
      ("kubeconfig_file", config.kubeconfigFile.map(YAMLTree.string)),
      HTTPClientLowering.authorization(config.authorization),
      HTTPClientLowering.tls(config.tls),
      ("namespaces", namespaces),
      ("selectors", selectors.isEmpty ? nil : YAMLTree.sequence(selectors)),
      ("attach_metadata", config.attachNodeMetadata ? YAMLTree.mapping([("node", YAMLTree.bool(true))]) : nil),
    ])
  }

  private static func refresh(_ interval: PromDuration?) -> (String, Node?) {
    ("refresh_interval", interval.map { YAMLTree.string($0.text) })
  }
}
