// MARK: - Relabel rules for service discovery's `__meta_*` labels

extension RelabelRule {
  /// Keeps only targets whose object has `annotation` set to `true` — the `prometheus.io/scrape`
  /// convention. `endpoints` and `endpointslice` jobs read the Service's annotation (`role: .service`).
  /// ```swift
  /// RelabelRule.keepIfAnnotated("prometheus.io/scrape")   // pods annotated prometheus.io/scrape: "true"
  /// ```
  public static func keepIfAnnotated(_ annotation: String, role: KubernetesSD.Role = .pod) -> RelabelRule {
    RelabelRule(.keep, sourceLabels: [MetaLabel.annotation(annotation, of: role)], regex: "true")
  }

  /// Scrapes the port an annotation names (`prometheus.io/port`) instead of the discovered one:
  /// `__address__` becomes the target's host and that port, when the annotation is set.
  /// ```swift
  /// RelabelRule.portFromAnnotation("prometheus.io/port")
  /// ```
  public static func portFromAnnotation(_ annotation: String, role: KubernetesSD.Role = .pod) -> RelabelRule {
    RelabelRule(
      .replace, sourceLabels: ["__address__", MetaLabel.annotation(annotation, of: role)], regex: #"([^:]+)(?::\d+)?;(\d+)"#,
      targetLabel: "__address__", replacement: "$1:$2")
  }

  /// Scrapes the path an annotation names (`prometheus.io/path`), when it is set.
  /// ```swift
  /// RelabelRule.pathFromAnnotation("prometheus.io/path")
  /// ```
  public static func pathFromAnnotation(_ annotation: String, role: KubernetesSD.Role = .pod) -> RelabelRule {
    RelabelRule(.replace, sourceLabels: [MetaLabel.annotation(annotation, of: role)], regex: "(.+)", targetLabel: "__metrics_path__")
  }

  /// Copies every Kubernetes label of the object to a target label of the same (sanitised) name.
  /// ```swift
  /// RelabelRule.kubernetesLabels(of: .pod)   // labelmap __meta_kubernetes_pod_label_(.+)
  /// ```
  public static func kubernetesLabels(of role: KubernetesSD.Role) -> RelabelRule {
    RelabelRule(.labelmap, regex: "__meta_kubernetes_\(role.rawValue)_label_(.+)")
  }

  /// Copies a meta label (or any label) to `label` when it is not empty.
  /// ```swift
  /// RelabelRule.copy(MetaLabel.kubernetesNamespace, to: "namespace")
  /// RelabelRule.copy(MetaLabel.consulService, to: "service")
  /// RelabelRule.copy(MetaLabel.filePath, to: "sd_file")
  /// ```
  public static func copy(_ source: String, to label: String) -> RelabelRule {
    RelabelRule(.replace, sourceLabels: [source], regex: "(.+)", targetLabel: label)
  }

  /// Keeps only Consul instances carrying `tag` (`__meta_consul_tags` is `,a,b,` with commas at both ends).
  /// ```swift
  /// RelabelRule.keepConsulTag("metrics")
  /// ```
  public static func keepConsulTag(_ tag: String) -> RelabelRule {
    RelabelRule(.keep, sourceLabels: [MetaLabel.consulTags], regex: ".*,\(escaped(tag)),.*")
  }

  /// A regular expression matching `text` literally (RE2 metacharacters escaped).
  private static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if #"\.+*?()|[]{}^$"#.contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
