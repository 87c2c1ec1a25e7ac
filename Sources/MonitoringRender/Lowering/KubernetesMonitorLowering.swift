public import MonitoringDSL
public import Yams

/// The `spec` of a ServiceMonitor or PodMonitor from a `ScrapeJob`: the endpoint takes the job's
/// path, scheme, params, interval, timeout, honor_labels, TLS files and relabel rules (camelCase, as
/// the operator spells them); `job` and the job's static labels become leading relabelings, so the
/// series carry the same labels as under a plain `prometheus.yml`.
/// ```swift
/// let spec = KubernetesMonitorLowering.spec(.service("app", port: "metrics", selector: ["app": "app"]), job: job)
/// ```
public enum KubernetesMonitorLowering {
  public static func spec(_ monitor: KubernetesMonitor, job: ScrapeJob) -> Node {
    let endpoints = monitor.kind == .serviceMonitor ? "endpoints" : "podMetricsEndpoints"
    let namespaces: Node? =
      monitor.namespaces.isEmpty ? nil : YAMLTree.mapping([("matchNames", YAMLTree.strings(monitor.namespaces))])
    return YAMLTree.mapping([
      ("selector", KubernetesLowering.matchLabels(monitor.selector)),
      ("namespaceSelector", namespaces),
      (endpoints, YAMLTree.sequence([endpoint(monitor, job)])),
      ("sampleLimit", job.sampleLimit.map(YAMLTree.int)),
      ("keepDroppedTargets", job.keepDroppedTargets.map(YAMLTree.int)),
      ("fallbackScrapeProtocol", job.fallbackScrapeProtocol.map(YAMLTree.string)),
    ])
  }

  /// The relabelings that give every target the plain config's `job` and static labels.
  /// ```swift
  /// KubernetesMonitorLowering.targetLabels(of: ScrapeJob("app", targets: ["app:80"]))
  /// // [RelabelRule(.replace, targetLabel: "job", replacement: "app")]
  /// ```
  public static func targetLabels(of job: ScrapeJob) -> [RelabelRule] {
    [RelabelRule(.replace, targetLabel: "job", replacement: job.name)]
      + job.labels.keys.sorted().map { RelabelRule(.replace, targetLabel: $0, replacement: job.labels[$0]) }
  }

  private static func endpoint(_ monitor: KubernetesMonitor, _ job: ScrapeJob) -> Node {
    let params: Node? =
      job.params.isEmpty ? nil : YAMLTree.mapping(job.params.keys.sorted().map { ($0, YAMLTree.strings(job.params[$0] ?? [])) })
    let tls: Node? = job.tls.map { tls in
      YAMLTree.mapping([
        ("caFile", tls.caFile.map(YAMLTree.string)),
        ("certFile", tls.certFile.map(YAMLTree.string)),
        ("keyFile", tls.keyFile.map(YAMLTree.string)),
        ("serverName", tls.serverName.map(YAMLTree.string)),
        ("insecureSkipVerify", YAMLTree.bool(tls.insecureSkipVerify)),
      ])
    }
    return YAMLTree.mapping([
      ("port", YAMLTree.string(monitor.port)),
      ("path", YAMLTree.string(job.metricsPath)),
      ("scheme", YAMLTree.string(job.scheme.rawValue)),
      ("params", params),
      ("interval", job.interval.map { YAMLTree.string($0.text) }),
      ("scrapeTimeout", job.timeout.map { YAMLTree.string($0.text) }),
      ("honorLabels", job.honorLabels ? YAMLTree.bool(true) : nil),
      ("tlsConfig", tls),
      ("relabelings", YAMLTree.sequence((targetLabels(of: job) + job.relabelRules).map(relabeling))),
      ("metricRelabelings", job.metricRelabelRules.isEmpty ? nil : YAMLTree.sequence(job.metricRelabelRules.map(relabeling))),
    ])
  }

  /// A relabel rule as the operator's CRDs spell it (camelCase).
  static func relabeling(_ rule: RelabelRule) -> Node {
    YAMLTree.mapping([
      ("sourceLabels", rule.sourceLabels.isEmpty ? nil : YAMLTree.strings(rule.sourceLabels)),
      ("separator", rule.separator.map(YAMLTree.string)),
      ("regex", rule.regex.map(YAMLTree.string)),
      ("modulus", rule.modulus.map(YAMLTree.int)),
      ("targetLabel", rule.targetLabel.map(YAMLTree.string)),
      ("replacement", rule.replacement.map(YAMLTree.string)),
      ("action", YAMLTree.string(rule.action.rawValue)),
    ])
  }
}
