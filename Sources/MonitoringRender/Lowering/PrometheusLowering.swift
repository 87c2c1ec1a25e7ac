public import MonitoringDSL
public import Yams

/// `prometheus.yml` in Prometheus' own key order: global, alerting, rule_files, scrape_configs,
/// remote_write. An agent's config has no evaluation interval (it evaluates nothing). The raw
/// escape hatch of the config and of each job is applied last (`YAMLTree.patched(_:with:)`).
public enum PrometheusLowering {
  public static func config(_ config: PrometheusConfig) -> Node {
    let global = YAMLTree.mapping([
      ("scrape_interval", YAMLTree.string(config.scrapeInterval.text)),
      ("scrape_timeout", YAMLTree.string(config.scrapeTimeout.text)),
      ("evaluation_interval", config.mode == .agent ? nil : YAMLTree.string(config.evaluationInterval.text)),
      ("external_labels", config.externalLabels.isEmpty ? nil : YAMLTree.sortedMapping(config.externalLabels)),
    ])
    let alerting: Node? =
      config.alertmanagers.isEmpty
      ? nil : YAMLTree.mapping([("alertmanagers", YAMLTree.sequence(config.alertmanagers.map(alertmanager)))])
    let lowered = YAMLTree.mapping([
      ("global", global),
      ("alerting", alerting),
      ("rule_files", config.ruleFiles.isEmpty ? nil : YAMLTree.strings(config.ruleFiles)),
      ("scrape_configs", YAMLTree.sequence(config.jobs.map(job))),
      ("remote_write", config.remoteWrites.isEmpty ? nil : YAMLTree.sequence(config.remoteWrites.map(remoteWrite))),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func remoteWrite(_ destination: RemoteWrite) -> Node {
    var pairs: [(String, Node?)] = [
      ("url", YAMLTree.string(destination.url)),
      ("name", YAMLTree.string(destination.name)),
      ("remote_timeout", destination.remoteTimeout.map { YAMLTree.string($0.text) }),
      ("headers", destination.headers.isEmpty ? nil : YAMLTree.sortedMapping(destination.headers)),
      (
        "write_relabel_configs",
        destination.writeRelabelRules.isEmpty ? nil : YAMLTree.sequence(destination.writeRelabelRules.map(relabel))
      ),
    ]
    pairs.append(HTTPClientLowering.authorization(destination.authorization))
    pairs.append(("round_robin_dns", destination.roundRobinDNS ? YAMLTree.bool(true) : nil))
    if let queue = destination.queue {
      pairs.append(
        (
          "queue_config",
          YAMLTree.mapping([
            ("capacity", queue.capacity.map(YAMLTree.int)),
            ("max_shards", queue.maxShards.map(YAMLTree.int)),
            ("min_shards", queue.minShards.map(YAMLTree.int)),
            ("max_samples_per_send", queue.maxSamplesPerSend.map(YAMLTree.int)),
            ("batch_send_deadline", queue.batchSendDeadline.map { YAMLTree.string($0.text) }),
            ("min_backoff", queue.minBackoff.map { YAMLTree.string($0.text) }),
            ("max_backoff", queue.maxBackoff.map { YAMLTree.string($0.text) }),
          ])
        ))
    }
    return YAMLTree.mapping(pairs)
  }

  private static func alertmanager(_ target: AlertmanagerTarget) -> Node {
    YAMLTree.mapping([
      ("scheme", YAMLTree.string(target.scheme.rawValue)),
      ("path_prefix", target.pathPrefix.map(YAMLTree.string)),
      ("timeout", target.timeout.map { YAMLTree.string($0.text) }),
      ("static_configs", YAMLTree.sequence([YAMLTree.mapping([("targets", YAMLTree.strings(target.targets))])])),
    ])
  }

  private static func job(_ job: ScrapeJob) -> Node {
    let staticConfig = YAMLTree.mapping([
      ("targets", YAMLTree.strings(job.targets)),
      ("labels", job.labels.isEmpty ? nil : YAMLTree.sortedMapping(job.labels)),
    ])
    var pairs: [(String, Node?)] = [
      ("job_name", YAMLTree.string(job.name)),
      ("scrape_interval", job.interval.map { YAMLTree.string($0.text) }),
      ("scrape_timeout", job.timeout.map { YAMLTree.string($0.text) }),
      ("metrics_path", YAMLTree.string(job.metricsPath)),
      ("params", job.params.isEmpty ? nil : YAMLTree.mapping(job.params.keys.sorted().map { ($0, YAMLTree.strings(job.params[$0] ?? [])) })),
      ("scheme", YAMLTree.string(job.scheme.rawValue)),
      ("honor_labels", job.honorLabels ? YAMLTree.bool(true) : nil),
      ("sample_limit", job.sampleLimit.map(YAMLTree.int)),
      ("keep_dropped_targets", job.keepDroppedTargets.map(YAMLTree.int)),
      ("fallback_scrape_protocol", job.fallbackScrapeProtocol.map(YAMLTree.string)),
    ]
    pairs.append(HTTPClientLowering.authorization(job.authorization))
    pairs.append(HTTPClientLowering.tls(job.tls))
    pairs += DiscoveryLowering.lists(job.discovery)
    // A job that only discovers its targets has no static_configs.
    if !job.targets.isEmpty || job.discovery.isEmpty { pairs.append(("static_configs", YAMLTree.sequence([staticConfig]))) }
    if !job.relabelRules.isEmpty { pairs.append(("relabel_configs", YAMLTree.sequence(job.relabelRules.map(relabel)))) }
    if !job.metricRelabelRules.isEmpty {
      pairs.append(("metric_relabel_configs", YAMLTree.sequence(job.metricRelabelRules.map(relabel))))
    }
    return YAMLTree.patched(YAMLTree.mapping(pairs), with: job)
  }

  private static func relabel(_ rule: RelabelRule) -> Node {
    YAMLTree.mapping([
      ("source_labels", rule.sourceLabels.isEmpty ? nil : YAMLTree.strings(rule.sourceLabels)),
      ("separator", rule.separator.map(YAMLTree.string)),
      ("regex", rule.regex.map(YAMLTree.string)),
      ("modulus", rule.modulus.map(YAMLTree.int)),
      ("target_label", rule.targetLabel.map(YAMLTree.string)),
      ("replacement", rule.replacement.map(YAMLTree.string)),
      ("action", YAMLTree.string(rule.action.rawValue)),
    ])
  }
}
