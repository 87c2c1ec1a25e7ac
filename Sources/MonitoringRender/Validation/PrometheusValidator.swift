import MonitoringDSL

/// Checks a Prometheus config before it is rendered: job names, targets, durations, labels,
/// timeouts against intervals, relabel rules that Prometheus would refuse, federation jobs, remote
/// write destinations, what an agent cannot have, and each job's service discovery
/// (`PrometheusValidator+Discovery.swift`).
struct PrometheusValidator {
  var collector = DiagnosticCollector()
  /// The Kubernetes monitor kind standing for a job, by job name: its targets carry that role's meta labels.
  var monitors: [String: KubernetesMonitor.Kind] = [:]
  /// The targets files written so far (by path), across configs: one path holds one file.
  var writtenTargets: [String: FileSDTargets] = [:]

  mutating func validate(_ config: PrometheusConfig) {
    let root: [PathElement] = [.prometheus(config.fileName)]
    let scrapeInterval = collector.milliseconds(of: config.scrapeInterval, "scrape_interval", at: root)
    let scrapeTimeout = collector.milliseconds(of: config.scrapeTimeout, "scrape_timeout", at: root)
    collector.milliseconds(of: config.evaluationInterval, "evaluation_interval", at: root)
    if let interval = scrapeInterval, let timeout = scrapeTimeout, timeout > interval {
      collector.report(root, "scrape_timeout \(config.scrapeTimeout) is longer than scrape_interval \(config.scrapeInterval)")
    }
    checkLabels(config.externalLabels, at: root + [.field("external_labels")])
    for (index, manager) in config.alertmanagers.enumerated() {
      for target in manager.targets {
        checkTarget(target, portOptional: false, at: root + [.field("alertmanagers[\(index)]")])
      }
    }

    if config.mode == .agent {
      if !config.ruleFiles.isEmpty { collector.report(root, "an agent evaluates no rules: remove rule_files") }
      if !config.alertmanagers.isEmpty { collector.report(root, "an agent sends no alerts: remove the Alertmanagers") }
      if config.remoteWrites.isEmpty { collector.report(root, "an agent keeps nothing locally: give it a remote_write destination") }
    }
    checkRemoteWrites(config)

    var seen: Set<String> = []
    for job in config.jobs {
      let path = root + [.scrapeJob(job.name)]
      if job.name.isEmpty { collector.report(path, "job name is empty") }
      if !seen.insert(job.name).inserted { collector.report(path, "job name is used more than once") }
      // An imported job may take its targets from service discovery or static configs kept raw.
      if job.targets.isEmpty, job.discovery.isEmpty, config.importedFrom == nil {
        collector.report(path, "has no targets: give it static targets or service discovery (.discover { … })")
      }
      // An imported job's targets may be rewritten by its relabel rules (the blackbox exporter's
      // `__param_target` pattern: URLs as targets) and may leave the port to the scheme's default.
      let imported = config.importedFrom != nil
      let relabelsTargets = imported && (!job.relabelRules.isEmpty || job.extraJSON?["relabel_configs"] != nil)
      if !relabelsTargets {
        for target in job.targets { checkTarget(target, portOptional: imported, at: path) }
      }
      if !job.metricsPath.hasPrefix("/") { collector.report(path, "metrics path \"\(job.metricsPath)\" must start with /") }
      checkLabels(job.labels, at: path)
      let interval = job.interval.flatMap { collector.milliseconds(of: $0, "scrape_interval", at: path) } ?? scrapeInterval
      // Without a timeout of its own, a job scrapes within the global timeout or its interval,
      // whichever is shorter (what Prometheus does), so only a job's own timeout can be too long.
      let timeout = job.timeout.flatMap { collector.milliseconds(of: $0, "scrape_timeout", at: path) }
      if let interval, let timeout, timeout > interval {
        collector.report(path, "scrape timeout \((job.timeout ?? config.scrapeTimeout).text) is longer than the scrape interval \((job.interval ?? config.scrapeInterval).text)")
      }
      if job.keepDroppedTargets != nil, config.target < PrometheusVersion(2, 47) {
        collector.report(path, "keep_dropped_targets needs Prometheus 2.47 or later; the target is \(config.target) (set .target(…) on the config)")
      }
      if job.fallbackScrapeProtocol != nil, config.target < .v3_0 {
        collector.report(path, "fallback_scrape_protocol needs Prometheus 3.0 or later; the target is \(config.target) (set .target(…) on the config)")
      }
      checkDiscovery(job, in: config, monitoredAs: monitors[job.name], at: path)
      for case .file(let file) in job.discovery {
        for targets in file.targets {
          if let other = writtenTargets.updateValue(targets, forKey: targets.path), other != targets {
            collector.report(path + [.file(targets.path)], "another job writes a different targets file to the same path")
          }
        }
      }
      for (index, rule) in (job.relabelRules + job.metricRelabelRules).enumerated() {
        check(rule, at: path + [.field("relabel rule \(index + 1)")])
      }
      if job.metricsPath == "/federate" {
        if job.params["match[]", default: []].isEmpty { collector.report(path, "a federation job needs match[] selectors (without them /federate returns nothing)") }
        if !job.honorLabels { collector.report(path, "a federation job needs honor_labels, or the federated job and instance labels are overwritten") }
      }
    }
  }

  /// Headers Prometheus sets itself and refuses in `remote_write.headers`.
  static let reservedHeaders: Set<String> = [
    "authorization", "host", "content-encoding", "content-length", "content-type", "user-agent", "connection",
    "keep-alive", "proxy-authenticate", "proxy-authorization", "www-authenticate", "accept-encoding",
    "x-prometheus-remote-write-version", "x-prometheus-remote-read-version",
  ]

  private mutating func checkRemoteWrites(_ config: PrometheusConfig) {
    var names: Set<String> = []
    for destination in config.remoteWrites {
      let path: [PathElement] = [.prometheus(config.fileName), .field("remote_write \"\(destination.name)\"")]
      if destination.name.isEmpty { collector.report(path, "name is empty") }
      if !names.insert(destination.name).inserted { collector.report(path, "name is used by more than one remote_write") }
      if !(destination.url.hasPrefix("http://") || destination.url.hasPrefix("https://")) {
        collector.report(path, "url \"\(destination.url)\" must start with http:// or https://")
      }
      for name in destination.headers.keys.sorted() where Self.reservedHeaders.contains(name.lowercased()) {
        collector.report(path, "header \"\(name)\" is set by Prometheus itself (use basic auth or a bearer token file for credentials)")
      }
      if let tenant = destination.headers["X-Scope-OrgID"], tenant.isEmpty { collector.report(path, "X-Scope-OrgID (the Mimir tenant) is empty") }
      if let timeout = destination.remoteTimeout { collector.milliseconds(of: timeout, "remote_timeout", at: path) }
      if let queue = destination.queue {
        for (duration, what) in [(queue.batchSendDeadline, "batch_send_deadline"), (queue.minBackoff, "min_backoff"), (queue.maxBackoff, "max_backoff")] {
          if let duration { collector.milliseconds(of: duration, what, at: path) }
        }
        if let min = queue.minShards, let max = queue.maxShards, min > max { collector.report(path, "min_shards \(min) is more than max_shards \(max)") }
        for (value, what) in [(queue.capacity, "capacity"), (queue.maxShards, "max_shards"), (queue.minShards, "min_shards"), (queue.maxSamplesPerSend, "max_samples_per_send")] {
          if let value, value <= 0 { collector.report(path, "\(what) must be positive") }
        }
      }
      if destination.roundRobinDNS, config.target < PrometheusVersion(3, 1) {
        collector.report(path, "round_robin_dns needs Prometheus 3.1 or later; the target is \(config.target) (set .target(…) on the config)")
      }
      for (index, rule) in destination.writeRelabelRules.enumerated() {
        check(rule, at: path + [.field("write relabel rule \(index + 1)")])
      }
    }
  }

  private mutating func check(_ rule: RelabelRule, at path: [PathElement]) {
    switch rule.action {
    case .replace, .hashmod, .lowercase, .uppercase, .keepequal, .dropequal:
      if rule.targetLabel == nil { collector.report(path, "action \(rule.action.rawValue) needs a target label") }
    default: break
    }
    if rule.action == .hashmod, (rule.modulus ?? 0) <= 0 {
      collector.report(path, "action hashmod needs a positive modulus")
    }
  }

  /// `host:port` with a port in 1…65535; no scheme and no path (those are job settings).
  mutating func checkTarget(_ target: String, portOptional: Bool, at path: [PathElement]) {
    let problem: String? = {
      if target.contains("://") { return "has a scheme; set it with .scheme(…) instead" }
      if target.contains("/") { return "has a path; set it with .metricsPath(…) instead" }
      guard let colon = target.lastIndex(of: ":") else {
        return portOptional && !target.isEmpty && !target.contains(where: \.isWhitespace) ? nil : "has no port (host:port)"
      }
      let host = target[..<colon]
      let port = target[target.index(after: colon)...]
      if host.isEmpty || host.contains(where: \.isWhitespace) { return "has no valid host" }
      guard let number = Int(port), (1...65535).contains(number) else { return "port \"\(port)\" is not 1…65535" }
      return nil
    }()
    if let problem { collector.report(path, "target \"\(target)\" \(problem)") }
  }

  mutating func checkLabels(_ labels: [String: String], at path: [PathElement]) {
    for name in labels.keys.sorted() where !DashboardValidator.isIdentifier(name) || name.hasPrefix("__") {
      collector.report(path, "label name \"\(name)\" is not a valid label name (and must not start with __)")
    }
  }
}
