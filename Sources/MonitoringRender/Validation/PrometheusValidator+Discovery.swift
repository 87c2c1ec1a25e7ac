import MonitoringDSL

// MARK: - Service discovery: each mechanism as Prometheus 2.42 loads it, and the meta labels the
// job's relabel rules read

extension PrometheusValidator {
  /// What Prometheus accepts as a `file_sd_configs` path: a glob only in the last element, and a
  /// JSON or YAML extension (discovery/file: `patFileSDName`).
  static func isFileSDPath(_ path: String) -> Bool {
    let extensions = [".json", ".yml", ".yaml", ".JSON", ".YML", ".YAML"]
    guard let ext = extensions.first(where: path.hasSuffix) else { return false }
    let stem = path.dropLast(ext.count)
    guard let star = stem.firstIndex(of: "*") else { return true }
    return !stem[star...].dropFirst().contains("*") && !stem[star...].contains("/")
  }

  mutating func checkDiscovery(
    _ job: ScrapeJob, in config: PrometheusConfig, monitoredAs monitor: KubernetesMonitor.Kind?, at path: [PathElement]
  ) {
    for (index, discovery) in job.discovery.enumerated() {
      check(discovery, target: config.target, at: path + [.discovery(kind: discovery.name, index: index + 1)])
    }
    checkMetaLabels(job, in: config, monitoredAs: monitor, at: path)
  }

  private mutating func check(_ discovery: ServiceDiscovery, target: PrometheusVersion, at path: [PathElement]) {
    switch discovery {
    case .file(let file):
      if file.allFiles.isEmpty { collector.report(path, "lists no files: give it files or targets to write") }
      for name in file.files where !Self.isFileSDPath(name) {
        collector.report(path, "file \"\(name)\" must end in .json, .yml or .yaml, with a * only in its last part")
      }
      for targets in file.targets { check(targets, at: path) }
      refresh(file.refreshInterval, at: path)
    case .http(let http):
      if !(http.url.hasPrefix("http://") || http.url.hasPrefix("https://")) {
        collector.report(path, "url \"\(http.url)\" must start with http:// or https://")
      }
      refresh(http.refreshInterval, at: path)
    case .dns(let dns):
      if dns.names.isEmpty || dns.names.contains(where: \.isBlank) { collector.report(path, "needs at least one name, none empty") }
      if dns.type == .srv, dns.port != nil {
        collector.report(path, "port is ignored for SRV records (they carry their own); remove it")
      } else if dns.type != .srv, dns.port == nil {
        collector.report(path, "\(dns.type.rawValue) records need a port")
      }
      if let port = dns.port, !(1...65535).contains(port) { collector.report(path, "port \(port) is not 1…65535") }
      if dns.type == .ns, target < PrometheusVersion(2, 49) {
        collector.report(path, "NS records need Prometheus 2.49 or later; the target is \(target) (set .target(…) on the config)")
      }
      refresh(dns.refreshInterval, at: path)
    case .kubernetes(let kubernetes): check(kubernetes, at: path)
    case .consul(let consul):
      if consul.server.isBlank || consul.server.contains("://") || consul.server.contains("/") {
        collector.report(path, "server \"\(consul.server)\" must be host:port (the scheme is .scheme(…))")
      }
      if consul.services.contains(where: \.isBlank) { collector.report(path, "a service name is empty") }
      refresh(consul.refreshInterval, at: path)
    }
  }

  private mutating func check(_ targets: FileSDTargets, at path: [PathElement]) {
    let where_ = path + [.file(targets.path)]
    if targets.format == nil { collector.report(where_, "a targets file must end in .json, .yml or .yaml") }
    if targets.path.hasPrefix("/") || targets.path.split(separator: "/").contains("..") {
      collector.report(where_, "is written under prometheus/: give a relative path without .. (Prometheus reads it relative to the config)")
    }
    if targets.groups.isEmpty { collector.report(where_, "has no target groups") }
    for group in targets.groups {
      if group.targets.isEmpty { collector.report(where_, "a target group has no targets") }
      for target in group.targets { checkTarget(target, portOptional: false, at: where_) }
      for name in group.labels.keys.sorted() where !DashboardValidator.isIdentifier(name) {
        collector.report(where_, "label name \"\(name)\" is not a valid label name")
      }
    }
  }

  /// The checks of `kubernetes_sd_configs` in discovery/kubernetes (`SDConfig.UnmarshalYAML`) at 2.42.
  private mutating func check(_ config: KubernetesSD, at path: [PathElement]) {
    let customClient = config.authorization != nil || config.tls != nil
    if config.apiServer != nil, config.kubeconfigFile != nil {
      collector.report(path, "takes an api server or a kubeconfig file, not both")
    }
    if config.kubeconfigFile != nil, customClient {
      collector.report(path, "credentials and TLS settings come from the kubeconfig file; remove them or the kubeconfig file")
    }
    if config.apiServer == nil, config.kubeconfigFile == nil, customClient {
      collector.report(path, "credentials and TLS settings need an explicit .apiServer(…) (in the cluster, the service account is used)")
    }
    if config.ownNamespace, config.apiServer != nil || config.kubeconfigFile != nil {
      collector.report(path, "own namespace is only known inside the cluster; it cannot go with an api server or kubeconfig file")
    }
    if let server = config.apiServer, !(server.hasPrefix("http://") || server.hasPrefix("https://")) {
      collector.report(path, "api server \"\(server)\" must start with http:// or https://")
    }
    for namespace in config.namespaces where !KubernetesValidator.isDNSLabel(namespace) {
      collector.report(path, "namespace \"\(namespace)\" is not a DNS-1123 label")
    }
    let allowed: [KubernetesSD.Role] =
      switch config.role {
      case .endpoints: [.pod, .service, .endpoints]
      case .endpointslice: [.pod, .service, .endpointslice]
      default: [config.role]
      }
    var seen: Set<KubernetesSD.Role> = []
    for selector in config.selectors {
      if !seen.insert(selector.role).inserted { collector.report(path, "has more than one selector for role \(selector.role.rawValue)") }
      if !allowed.contains(selector.role) {
        collector.report(path, "role \(config.role.rawValue) takes selectors of role \(allowed.map(\.rawValue).joined(separator: ", ")) only, not \(selector.role.rawValue)")
      }
      if selector.label == nil, selector.field == nil { collector.report(path, "a selector of role \(selector.role.rawValue) selects nothing: give a label or field selector") }
    }
    if config.attachNodeMetadata, ![.pod, .endpoints, .endpointslice].contains(config.role) {
      collector.report(path, "node metadata is attached to pod, endpoints and endpointslice targets only, not \(config.role.rawValue)")
    }
  }

  private mutating func refresh(_ interval: PromDuration?, at path: [PathElement]) {
    if let interval { collector.milliseconds(of: interval, "refresh_interval", at: path) }
  }

  // MARK: - Meta labels

  /// Every `__meta_*` label a relabel rule reads must be one the job's discovery attaches (or an
  /// earlier rule writes); metric relabel rules never see meta labels.
  private mutating func checkMetaLabels(
    _ job: ScrapeJob, in config: PrometheusConfig, monitoredAs monitor: KubernetesMonitor.Kind?, at path: [PathElement]
  ) {
    var produced = job.discovery.map(DiscoveryMetaLabels.labels).reduce(MetaLabelSet(), +)
    switch monitor {
    case .serviceMonitor?: produced = produced + DiscoveryMetaLabels.kubernetes(.endpoints, attachNode: false)
    case .podMonitor?: produced = produced + DiscoveryMetaLabels.kubernetes(.pod, attachNode: false)
    case .scrapeConfig?, nil: break   // a ScrapeConfig is the job itself: its own discovery
    }
    // An imported job's discovery kept raw attaches labels the check cannot know.
    if let raw = job.extraJSON, DiscoveryLowering.kinds.contains(where: { raw[$0] != nil }) || raw["static_configs"] != nil {
      produced.open = true
    }
    for (index, rule) in job.relabelRules.enumerated() {
      let rulePath = path + [.field("relabel rule \(index + 1)")]
      for label in rule.sourceLabels where label.hasPrefix("__meta_") && !produced.contains(label) {
        collector.report(rulePath, unknownMetaLabel(label, job: job, produced: produced))
      }
      if [.labelmap, .labeldrop, .labelkeep].contains(rule.action), let regex = rule.regex {
        let literal = String(regex.prefix { !#"\.+*?()|[]{}^$"#.contains($0) })
        if literal.hasPrefix("__meta_"), !produced.hasLabels(startingWith: literal) {
          collector.report(rulePath, "regex \"\(regex)\" matches no meta label this job's discovery attaches" + discoveredWith(job))
        }
      }
      if let target = rule.targetLabel, target.hasPrefix("__meta_") { produced.names.insert(target) }
    }
    for (index, rule) in job.metricRelabelRules.enumerated() {
      for label in rule.sourceLabels where label.hasPrefix("__meta_") {
        collector.report(
          path + [.field("metric relabel rule \(index + 1)")],
          "reads \(label), but meta labels are gone after target relabelling; copy it to a label in .relabel { … }")
      }
    }
  }

  private func unknownMetaLabel(_ label: String, job: ScrapeJob, produced: MetaLabelSet) -> String {
    if let near = produced.nearest(to: label) {
      return "no discovery of this job attaches \(label) (did you mean \"\(near)\"?)"
    }
    let owners = DiscoveryMetaLabels.everyKind.filter { $0.labels.contains(label) }.map(\.name)
    if !owners.isEmpty {
      return "\(label) is attached by \(owners.joined(separator: ", ")) only" + discoveredWith(job)
    }
    return "no discovery mechanism attaches \(label)" + discoveredWith(job)
  }

  private func discoveredWith(_ job: ScrapeJob) -> String {
    let kinds = job.discovery.map { discovery -> String in
      if case .kubernetes(let config) = discovery { return "kubernetes_sd role \(config.role.rawValue)" }
      return discovery.name
    }
    return kinds.isEmpty ? "; the job has only static targets" : "; the job discovers with \(kinds.joined(separator: ", "))"
  }
}
