public import MonitoringDSL
public import Yams

/// The `spec` of a `Probe` (`monitoring.coreos.com/v1`) from a `KubernetesProbe`: the prober, the
/// module, the timings, and the targets, static (`staticConfig`, with the probe's labels) or the
/// hosts of selected Ingresses (`ingress`, the labels as `replace` relabelings).
/// ```swift
/// let spec = KubernetesProbeLowering.spec(.staticTargets("sites", module: "http_2xx", prober: "blackbox:9115", targets: ["https://example.org"]))
/// ```
public enum KubernetesProbeLowering {
  /// The probe's `spec`, its keys always in this order.
  /// ```swift
  /// let node = KubernetesProbeLowering.spec(probe)   // jobName, prober, module, interval, scrapeTimeout, targets
  /// ```
  public static func spec(_ probe: KubernetesProbe) -> Node {
    let prober = YAMLTree.mapping([
      ("url", YAMLTree.string(probe.prober)),
      ("scheme", probe.proberScheme.map { YAMLTree.string($0.rawValue) }),
      ("path", probe.proberPath.map(YAMLTree.string)),
    ])
    let labels: Node? = probe.labels.isEmpty ? nil : YAMLTree.sortedMapping(probe.labels)
    let targets: Node =
      switch probe.targets {
      case .static(let targets):
        YAMLTree.mapping([("staticConfig", YAMLTree.mapping([("static", YAMLTree.strings(targets)), ("labels", labels)]))])
      case .ingresses(let selector, let namespaces):
        YAMLTree.mapping([
          (
            "ingress",
            YAMLTree.mapping([
              ("selector", KubernetesLowering.matchLabels(selector)),
              ("namespaceSelector", namespaces.isEmpty ? nil : YAMLTree.mapping([("matchNames", YAMLTree.strings(namespaces))])),
              ("relabelingConfigs", labels.map { _ in YAMLTree.sequence(relabelings(probe.labels)) }),
            ])
          )
        ])
      }
    return YAMLTree.mapping([
      ("jobName", probe.jobName.map(YAMLTree.string)),
      ("prober", prober),
      ("module", YAMLTree.string(probe.module)),
      ("interval", probe.interval.map { YAMLTree.string($0.text) }),
      ("scrapeTimeout", probe.scrapeTimeout.map { YAMLTree.string($0.text) }),
      ("targets", targets),
    ])
  }

  /// A `replace` relabeling per label, in byte order of the names.
  private static func relabelings(_ labels: [String: String]) -> [Node] {
    labels.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
      KubernetesMonitorLowering.relabeling(RelabelRule(.replace, targetLabel: $0, replacement: labels[$0]))
    }
  }
}
