public import MonitoringDSL
public import Yams

/// The `spec` of a `ScrapeConfig` (`monitoring.coreos.com/v1alpha1`) from a `ScrapeJob`: the job's
/// settings in the operator's camelCase, its static targets, its service discovery (roles and
/// selector roles capitalised as the CRD has them) and relabelings. A resource cannot name files,
/// so each credential file becomes a Secret key reference: the operator mounts the Secrets listed
/// in `Prometheus.spec.secrets` at `/etc/prometheus/secrets/<secret>/<key>`, and a file there is
/// `{name: <secret>, key: <key>}` (a basic-auth username is read from key `username` of the
/// password's Secret, as the CRD reads it from a Secret too). Anything the resource cannot say is a diagnostic (``problems(of:)``).
/// ```swift
/// let spec = KubernetesScrapeConfigLowering.spec(ScrapeJob("consul").discover { ConsulSD(server: "consul:8500") })
/// ```
public enum KubernetesScrapeConfigLowering {
  /// Where the operator mounts `Prometheus.spec.secrets`.
  public static let secretsFolder = "/etc/prometheus/secrets/"

  public static func spec(_ job: ScrapeJob) -> Node {
    let statics: Node? =
      job.targets.isEmpty
      ? nil
      : YAMLTree.sequence([
        YAMLTree.mapping([
          ("targets", YAMLTree.strings(job.targets)),
          ("labels", job.labels.isEmpty ? nil : YAMLTree.sortedMapping(job.labels)),
        ])
      ])
    var pairs: [(String, Node?)] = [
      ("jobName", YAMLTree.string(job.name)),
      ("metricsPath", YAMLTree.string(job.metricsPath)),
      ("scheme", YAMLTree.string(job.scheme.rawValue.uppercased())),
      ("params", job.params.isEmpty ? nil : YAMLTree.mapping(job.params.keys.sorted().map { ($0, YAMLTree.strings(job.params[$0] ?? [])) })),
      ("scrapeInterval", job.interval.map { YAMLTree.string($0.text) }),
      ("scrapeTimeout", job.timeout.map { YAMLTree.string($0.text) }),
      ("honorLabels", job.honorLabels ? YAMLTree.bool(true) : nil),
      ("sampleLimit", job.sampleLimit.map(YAMLTree.int)),
      ("keepDroppedTargets", job.keepDroppedTargets.map(YAMLTree.int)),
    ]
    pairs += client(job.authorization, job.tls)
    pairs.append(("staticConfigs", statics))
    for (kind, key) in zip(DiscoveryLowering.kinds, ["fileSDConfigs", "httpSDConfigs", "dnsSDConfigs", "kubernetesSDConfigs", "consulSDConfigs"]) {
      let entries = job.discovery.filter { $0.configKey == kind }
      pairs.append((key, entries.isEmpty ? nil : YAMLTree.sequence(entries.map(discovery))))
    }
    pairs.append(("relabelings", job.relabelRules.isEmpty ? nil : YAMLTree.sequence(job.relabelRules.map(KubernetesMonitorLowering.relabeling))))
    pairs.append(
      ("metricRelabelings", job.metricRelabelRules.isEmpty ? nil : YAMLTree.sequence(job.metricRelabelRules.map(KubernetesMonitorLowering.relabeling))))
    return YAMLTree.mapping(pairs)
  }

  /// What the job has that a `ScrapeConfig` cannot say: credential files outside the Secrets the
  /// operator mounts, the targets files `gen` writes, a kubeconfig file.
  /// ```swift
  /// KubernetesScrapeConfigLowering.problems(of: job)   // ["the bearer token file /run/token is not …"]
  /// ```
  public static func problems(of job: ScrapeJob) -> [String] {
    var files = credentialFiles(job.authorization, job.tls)
    var problems: [String] = []
    for discovery in job.discovery {
      switch discovery {
      case .file(let file) where !file.targets.isEmpty:
        problems.append("writes targets files beside prometheus.yml, which the cluster does not have: mount them through Prometheus.spec.configMaps and list their paths in FileSD(files:)")
      case .http(let http): files += credentialFiles(http.authorization, http.tls)
      case .kubernetes(let config):
        if config.kubeconfigFile != nil { problems.append("a ScrapeConfig has no kubeconfig file; use .apiServer(…) with credentials, or the service account") }
        files += credentialFiles(config.authorization, config.tls)
      case .consul(let consul): files += credentialFiles(consul.tokenFile.map { .bearer(credentialsFile: $0) }, consul.tls)
      default: break
      }
    }
    for file in files where secretKey(file) == nil {
      problems.append("the file \(file) is not in a Secret the operator mounts: use \(secretsFolder)<secret>/<key> (the Secret listed in Prometheus.spec.secrets)")
    }
    return problems
  }

  /// `/etc/prometheus/secrets/<secret>/<key>` as a Secret key reference (to `key` of that Secret when given).
  static func secretKey(_ file: String, key: String? = nil) -> Node? {
    KubernetesLowering.secretKey(file, under: secretsFolder, key: key)
  }

  private static func credentialFiles(_ authorization: ScrapeAuthorization?, _ tls: TLSConfig?) -> [String] {
    var files: [String] = []
    switch authorization {
    case .basic(_, let file)?: files.append(file)
    case .bearer(let file)?: files.append(file)
    case nil: break
    }
    return files + [tls?.caFile, tls?.certFile, tls?.keyFile].compactMap { $0 }
  }

  /// `basicAuth`/`authorization` and `tlsConfig` with Secret key references.
  private static func client(_ authorization: ScrapeAuthorization?, _ tls: TLSConfig?) -> [(String, Node?)] {
    let secretRef = { (file: String) in secretKey(file).map { YAMLTree.mapping([("secret", $0)]) } }
    let auth: (String, Node?) =
      switch authorization {
      case .basic(_, let file)?:
        // The CRD reads the username from a Secret too: the password's Secret, key `username`.
        ("basicAuth", YAMLTree.mapping([("username", secretKey(file, key: "username")), ("password", secretKey(file))]))
      case .bearer(let file)?: ("authorization", YAMLTree.mapping([("type", YAMLTree.string("Bearer")), ("credentials", secretKey(file))]))
      case nil: ("authorization", nil)
      }
    let tlsNode = tls.map { tls in
      YAMLTree.mapping([
        ("ca", tls.caFile.flatMap(secretRef)),
        ("cert", tls.certFile.flatMap(secretRef)),
        ("keySecret", tls.keyFile.flatMap { secretKey($0) }),
        ("serverName", tls.serverName.map(YAMLTree.string)),
        ("insecureSkipVerify", tls.insecureSkipVerify ? YAMLTree.bool(true) : nil),
      ])
    }
    return [auth, ("tlsConfig", tlsNode)]
  }

  private static func discovery(_ discovery: ServiceDiscovery) -> Node {
    let refresh = { (interval: PromDuration?) in ("refreshInterval", interval.map { YAMLTree.string($0.text) }) }
    switch discovery {
    case .file(let file): return YAMLTree.mapping([("files", YAMLTree.strings(file.files)), refresh(file.refreshInterval)])
    case .http(let http):
      return YAMLTree.mapping([("url", YAMLTree.string(http.url)), refresh(http.refreshInterval)] + client(http.authorization, http.tls))
    case .dns(let dns):
      return YAMLTree.mapping([
        ("names", YAMLTree.strings(dns.names)), ("type", YAMLTree.string(dns.type.rawValue)), ("port", dns.port.map(YAMLTree.int)),
        refresh(dns.refreshInterval),
      ])
    case .kubernetes(let config):
      let namespaces: Node? =
        config.namespaces.isEmpty && !config.ownNamespace
        ? nil
        : YAMLTree.mapping([
          ("ownNamespace", config.ownNamespace ? YAMLTree.bool(true) : nil),
          ("names", config.namespaces.isEmpty ? nil : YAMLTree.strings(config.namespaces)),
        ])
      let selectors = config.selectors.map { selector in
        YAMLTree.mapping([
          ("role", YAMLTree.string(role(selector.role))), ("label", selector.label.map(YAMLTree.string)),
          ("field", selector.field.map(YAMLTree.string)),
        ])
      }
      return YAMLTree.mapping(
        [
          ("role", YAMLTree.string(role(config.role))), ("apiServer", config.apiServer.map(YAMLTree.string)), ("namespaces", namespaces),
          ("selectors", selectors.isEmpty ? nil : YAMLTree.sequence(selectors)),
          ("attachMetadata", config.attachNodeMetadata ? YAMLTree.mapping([("node", YAMLTree.bool(true))]) : nil),
        ] + client(config.authorization, config.tls))
    case .consul(let consul):
      return YAMLTree.mapping(
        [
          ("server", YAMLTree.string(consul.server)), ("scheme", consul.scheme.map { YAMLTree.string($0.rawValue.uppercased()) }),
          ("datacenter", consul.datacenter.map(YAMLTree.string)),
          ("services", consul.services.isEmpty ? nil : YAMLTree.strings(consul.services)),
          ("tags", consul.tags.isEmpty ? nil : YAMLTree.strings(consul.tags)), refresh(consul.refreshInterval),
          ("tokenRef", consul.tokenFile.flatMap { secretKey($0) }),
        ] + client(nil, consul.tls))
    }
  }

  /// The CRD's spelling of a role: `Pod`, `Endpoints`, `EndpointSlice`, ….
  private static func role(_ role: KubernetesSD.Role) -> String {
    role == .endpointslice ? "EndpointSlice" : role.rawValue.prefix(1).uppercased() + role.rawValue.dropFirst()
  }
}
