public import MonitoringDSL
public import Yams

/// The manifests of a `KubernetesDeployment`, one resource per file under `kubernetes/`, from the
/// same values as the plain files: monitors from the scrape jobs, `PrometheusRule` specs from
/// ``RuleLowering`` (the very node the rule file is written from), blackbox `Probe`s, the Alertmanager
/// Secret holding the text of `alertmanager.yml` or the `AlertmanagerConfig` written from the same
/// config (``KubernetesAlertmanagerConfigLowering``), and the dashboards' JSON in ConfigMaps and
/// `GrafanaDashboard`s.
/// ```swift
/// let files = KubernetesLowering.manifests(deployment, catalog: catalog, dashboards: [("ops", json)], alertmanager: text)
/// ```
public enum KubernetesLowering {
  /// A manifest's file name (relative to `kubernetes/`) and its YAML.
  /// ```swift
  /// let text = YAMLTree.document(manifest.node)   // written to kubernetes/\(manifest.fileName)
  /// ```
  public struct Manifest {
    public var fileName: String
    public var node: Node
  }

  public static let folder = "kubernetes"

  /// Every manifest, then the kustomization listing them when the deployment asks for one.
  /// `dashboards` holds each dashboard's slug and file text, `alertmanager` the text of the first
  /// Alertmanager config.
  public static func manifests(
    _ deployment: KubernetesDeployment, catalog: Catalog, dashboards: [(slug: String, json: String)], alertmanager: String?
  ) -> [Manifest] {
    let jobs = KubernetesValidator.jobs(of: catalog)
    var manifests: [Manifest] = []
    for monitor in deployment.monitors {
      guard let job = jobs.first(where: { $0.name == monitor.job }) else { continue }
      let (version, spec) =
        monitor.kind == .scrapeConfig
        ? ("v1alpha1", KubernetesScrapeConfigLowering.spec(job)) : ("v1", KubernetesMonitorLowering.spec(monitor, job: job))
      manifests.append(resource(monitor.kind.rawValue, "monitoring.coreos.com/\(version)", name: monitor.job, in: deployment, [("spec", spec)]))
    }
    for file in catalog.ruleFiles {
      manifests.append(resource("PrometheusRule", "monitoring.coreos.com/v1", name: resourceName(of: file), in: deployment, [("spec", RuleLowering.file(file))]))
    }
    for probe in deployment.probes {
      manifests.append(resource("Probe", "monitoring.coreos.com/v1", name: probe.name, in: deployment, [("spec", KubernetesProbeLowering.spec(probe))]))
    }
    switch deployment.alertmanager {
    case .secret(let secret)?:
      if let alertmanager {
        manifests.append(resource("Secret", "v1", name: secret, in: deployment, [
          ("type", YAMLTree.string("Opaque")),
          ("stringData", YAMLTree.mapping([("alertmanager.yaml", YAMLTree.string(alertmanager))])),
        ]))
      }
    case .alertmanagerConfig(let name, _)?:
      if let config = catalog.alertmanagerConfigs.first {
        let spec = KubernetesAlertmanagerConfigLowering.lower(config, at: []).spec
        manifests.append(resource("AlertmanagerConfig", "monitoring.coreos.com/v1alpha1", name: name, in: deployment, [("spec", spec)]))
      }
    case nil: break
    }
    for (slug, json) in dashboards {
      if deployment.dashboardConfigMaps {
        manifests.append(resource("ConfigMap", "v1", name: slug, in: deployment, labels: ["grafana_dashboard": "1"], [
          ("data", YAMLTree.mapping([("\(slug).json", YAMLTree.string(json))]))
        ]))
      }
      if let settings = deployment.grafanaOperator {
        manifests.append(resource("GrafanaDashboard", "grafana.integreatly.org/v1beta1", name: slug, in: deployment, [
          ("spec", YAMLTree.mapping([
            ("instanceSelector", matchLabels(settings.instanceSelector)),
            ("folder", settings.folder.map(YAMLTree.string)),
            ("json", YAMLTree.string(json)),
          ]))
        ]))
      }
    }
    if let settings = deployment.grafanaOperator {
      for source in catalog.datasources {
        manifests.append(resource("GrafanaDatasource", "grafana.integreatly.org/v1beta1", name: source.uid.lowercased(), in: deployment, [("spec", datasourceSpec(source, settings))]))
      }
    }
    if deployment.kustomization {
      let kustomization = YAMLTree.mapping([
        ("apiVersion", YAMLTree.string("kustomize.config.k8s.io/v1beta1")),
        ("kind", YAMLTree.string("Kustomization")),
        ("resources", YAMLTree.strings(manifests.map(\.fileName).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })),
      ])
      manifests.append(Manifest(fileName: "kustomization.yaml", node: kustomization))
    }
    return manifests
  }

  /// A rule file's resource name: its file name without `.yml`/`.yaml`.
  /// ```swift
  /// KubernetesLowering.resourceName(of: RuleFile("websocket.rules.yml") {})   // "websocket.rules"
  /// ```
  public static func resourceName(of file: RuleFile) -> String {
    for suffix in [".yml", ".yaml"] where file.fileName.hasSuffix(suffix) { return String(file.fileName.dropLast(suffix.count)) }
    return file.fileName
  }

  /// A file `<folder><secret>/<key>`, where the operator mounts the Secrets a resource lists, as a
  /// Secret key reference `{name: <secret>, key: <key>}` (to `key` of that Secret when given); `nil`
  /// when the file is not there.
  /// ```swift
  /// KubernetesLowering.secretKey("/etc/alertmanager/secrets/receivers/slack", under: "/etc/alertmanager/secrets/")
  /// // {name: receivers, key: slack}
  /// ```
  static func secretKey(_ file: String, under folder: String, key: String? = nil) -> Node? {
    guard file.hasPrefix(folder) else { return nil }
    let parts = file.dropFirst(folder.count).split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return YAMLTree.mapping([("name", YAMLTree.string(String(parts[0]))), ("key", YAMLTree.string(key ?? String(parts[1])))])
  }

  static func matchLabels(_ labels: [String: String]) -> Node {
    YAMLTree.mapping([("matchLabels", YAMLTree.sortedMapping(labels))])
  }

  private static func datasourceSpec(_ source: Datasource, _ settings: GrafanaOperatorSettings) -> Node {
    var valuesFrom: Node?
    if let variable = source.basicAuthPasswordVariable, let secret = settings.credentialsSecret {
      valuesFrom = YAMLTree.sequence([
        YAMLTree.mapping([
          ("targetPath", YAMLTree.string("secureJsonData.basicAuthPassword")),
          ("valueFrom", YAMLTree.mapping([
            ("secretKeyRef", YAMLTree.mapping([("name", YAMLTree.string(secret)), ("key", YAMLTree.string(variable))])),
          ])),
        ])
      ])
    }
    return YAMLTree.mapping([
      ("instanceSelector", matchLabels(settings.instanceSelector)),
      ("valuesFrom", valuesFrom),
      ("datasource", ProvisioningLowering.datasource(source)),
    ])
  }

  /// `apiVersion`, `kind`, `metadata` (name, namespace, the deployment's labels plus `labels`), then `body`.
  private static func resource(
    _ kind: String, _ apiVersion: String, name: String, in deployment: KubernetesDeployment, labels: [String: String] = [:],
    _ body: [(String, Node?)]
  ) -> Manifest {
    let metadata = YAMLTree.mapping([
      ("name", YAMLTree.string(name)),
      ("namespace", YAMLTree.string(deployment.namespace)),
      ("labels", YAMLTree.sortedMapping(deployment.resourceLabels.merging(labels) { _, new in new })),
    ])
    let node = YAMLTree.mapping([("apiVersion", YAMLTree.string(apiVersion)), ("kind", YAMLTree.string(kind)), ("metadata", metadata)] + body)
    return Manifest(fileName: "\(kind.lowercased())-\(name).yaml", node: node)
  }
}
