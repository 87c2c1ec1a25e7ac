import Foundation
import MonitoringDSL
import MonitoringRender
import Testing
import Yams

/// The Kubernetes target: one source, two wrappers, and one test per kind of bad deployment.
@Suite struct KubernetesTests {
  static let job = ScrapeJob("app", targets: ["app:8080"]).labels(["service": "web"])

  static let rules = RuleFile("app.rules.yml") {
    RuleGroup("app", interval: "30s") {
      RecordingRule("job:up:sum", expr: .raw("sum by (job) (up)"))
    }
  }

  /// A catalog that renders: one job with its monitor, a rule file, a dashboard, an Alertmanager config.
  static func catalog(_ deployment: KubernetesDeployment, jobs: [ScrapeJob] = [job]) -> Catalog {
    Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
      Dashboard("App", uid: "app") { Stat("Up") { Query("sum(up)") } }.datasource(.prometheus("prom"))
      PrometheusConfig("prometheus.yml") { jobs }
      rules
      AlertmanagerConfig("alertmanager.yml") {
        Route(receiver: "team").groupBy(["alertname"])
        Receiver("team") { WebhookConfig(url: "http://relay:8080/") }
      }
      deployment
    }
  }

  static let valid = KubernetesDeployment(namespace: "monitoring", release: "kps") {
    KubernetesMonitor.service("app", port: "metrics", selector: ["app": "app"])
  }
  .alertmanagerSecret("alertmanager-kps")

  static func file(_ files: [OutputFile], _ path: String) throws -> [String: Any] {
    let text = try #require(files.first { $0.path == path }?.contents, "\(path) not rendered")
    return try #require(try Yams.load(yaml: text) as? [String: Any])
  }

  @Test func validDeploymentRendersEveryManifestWithTheReleaseLabel() throws {
    let files = try Renderer.render(Self.catalog(Self.valid))
    let manifests = files.filter { $0.path.hasPrefix("kubernetes/") && !$0.path.hasSuffix("kustomization.yaml") }
    #expect(manifests.map(\.path) == [
      "kubernetes/configmap-app.yaml", "kubernetes/prometheusrule-app.rules.yaml", "kubernetes/secret-alertmanager-kps.yaml",
      "kubernetes/servicemonitor-app.yaml",
    ])
    for manifest in manifests {
      let metadata = try #require(try Self.file(files, manifest.path)["metadata"] as? [String: Any])
      #expect((metadata["labels"] as? [String: String])?["release"] == "kps", "\(manifest.path)")
      #expect(metadata["namespace"] as? String == "monitoring")
    }
    let kustomization = try Self.file(files, "kubernetes/kustomization.yaml")
    #expect(kustomization["resources"] as? [String] == manifests.map { String($0.path.dropFirst("kubernetes/".count)) })
  }

  @Test func configMapsAndKustomizationCanBeLeftOut() throws {
    let files = try Renderer.render(Self.catalog(Self.valid.dashboardConfigMaps(false).kustomization(false)))
    #expect(files.map(\.path).filter { $0.hasPrefix("kubernetes/") } == [
      "kubernetes/prometheusrule-app.rules.yaml", "kubernetes/secret-alertmanager-kps.yaml", "kubernetes/servicemonitor-app.yaml",
    ])
  }

  /// The PrometheusRule's spec is the rule file, the Secret holds alertmanager.yml byte for byte, the
  /// ConfigMap holds the dashboard file byte for byte.
  @Test func manifestsCarryThePlainFilesUnchanged() throws {
    let files = try Renderer.render(Self.catalog(Self.valid))
    let rule = try #require(files.first { $0.path == "kubernetes/prometheusrule-app.rules.yaml" }?.contents)
    let plainRules = try #require(files.first { $0.path == "prometheus/rules/app.rules.yml" }?.contents)
    let specBlock = try #require(rule.range(of: "\nspec:\n")).upperBound
    let spec = rule[specBlock...].split(separator: "\n", omittingEmptySubsequences: false).map { $0.dropFirst(2) }.joined(separator: "\n")
    #expect(spec == plainRules)
    let secret = try Self.file(files, "kubernetes/secret-alertmanager-kps.yaml")
    #expect((secret["stringData"] as? [String: String])?["alertmanager.yaml"] == files.first { $0.path == "alertmanager/alertmanager.yml" }?.contents)
    let configMap = try Self.file(files, "kubernetes/configmap-app.yaml")
    #expect((configMap["data"] as? [String: String])?["app.json"] == files.first { $0.path == "grafana/dashboards/app.json" }?.contents)
    #expect((configMap["metadata"] as? [String: Any]).flatMap { $0["labels"] as? [String: String] }?["grafana_dashboard"] == "1")
  }

  /// The job name and static labels become relabelings, so series keep `job="app"` and `service="web"`.
  @Test func monitorKeepsTheJobAndItsLabels() throws {
    let files = try Renderer.render(Self.catalog(Self.valid))
    let spec = try #require(try Self.file(files, "kubernetes/servicemonitor-app.yaml")["spec"] as? [String: Any])
    let endpoint = try #require((spec["endpoints"] as? [[String: Any]])?.first)
    #expect(endpoint["port"] as? String == "metrics")
    let relabelings = try #require(endpoint["relabelings"] as? [[String: String]])
    #expect(relabelings == [
      ["targetLabel": "job", "replacement": "app", "action": "replace"],
      ["targetLabel": "service", "replacement": "web", "action": "replace"],
    ])
  }

  @Test func missingOrConflictingReleaseLabel() {
    let noRelease = KubernetesDeployment(namespace: "monitoring", release: "") {
      KubernetesMonitor.service("app", port: "metrics", selector: ["app": "app"])
    }
    #expect(diagnostics(Self.catalog(noRelease)) == [
      #"kubernetes "monitoring": release is empty: kube-prometheus-stack selects ServiceMonitors, PodMonitors and PrometheusRules by `release: <helm release>` and silently ignores resources without it"#,
    ])
    let conflicting = Self.valid.labels(["release": "prometheus"])
    #expect(diagnostics(Self.catalog(conflicting)) == [
      #"kubernetes "monitoring": labels set release "prometheus" but the deployment's release is "kps"; the operator would not select these resources"#,
    ])
  }

  @Test func namesMustBeDNS1123AndPortsNamed() {
    let bad = KubernetesDeployment(namespace: "Monitoring", release: "kps") {
      KubernetesMonitor.service("App_1", port: "8080", selector: ["app": "app"])
      KubernetesMonitor.pod("app", port: "metrics-port-too-long", selector: [:], namespaces: ["a_b"])
    }
    .alertmanagerSecret("Alertmanager")
    let problems = diagnostics(Self.catalog(bad, jobs: [Self.job, ScrapeJob("App_1", targets: ["x:1"])]))
    #expect(problems == [
      #"kubernetes "Monitoring": namespace "Monitoring" is not a DNS-1123 label"#,
      #"kubernetes "Monitoring" › job "App_1": the job name is the ServiceMonitor's name and "App_1" is not a DNS-1123 subdomain"#,
      #"kubernetes "Monitoring" › job "App_1": port "8080" is not a named port (1…15 characters of a-z, 0-9 and '-', with a letter); a ServiceMonitor scrapes ports by name"#,
      #"kubernetes "Monitoring" › job "app": port "metrics-port-too-long" is not a named port (1…15 characters of a-z, 0-9 and '-', with a letter); a PodMonitor scrapes ports by name"#,
      #"kubernetes "Monitoring" › job "app": selector is empty: it would scrape every Pod of the namespace"#,
      #"kubernetes "Monitoring" › job "app": namespace "a_b" is not a DNS-1123 label"#,
      #"kubernetes "Monitoring": alertmanager secret "Alertmanager" is not a DNS-1123 subdomain"#,
    ])
  }

  @Test func everyJobNeedsAMonitorOrAnOptOut() {
    let jobs = [Self.job, ScrapeJob("node", targets: ["node:9100"]), ScrapeJob("auth", targets: ["a:1"]).bearerToken(file: "/t")]
    let deployment = KubernetesDeployment(namespace: "monitoring", release: "kps") {
      KubernetesMonitor.service("app", port: "metrics", selector: ["app": "app"])
      KubernetesMonitor.service("app", port: "metrics", selector: ["app": "app"])
      KubernetesMonitor.service("auth", port: "metrics", selector: ["app": "auth"])
      KubernetesMonitor.service("gone", port: "metrics", selector: ["app": "gone"])
    }
    .unmanagedJobs(["missing"])
    #expect(diagnostics(Self.catalog(deployment, jobs: jobs)) == [
      #"kubernetes "monitoring" › job "app": has more than one monitor"#,
      #"kubernetes "monitoring" › job "auth": reads its credentials from a file, which the operator's Prometheus does not have; scrape it without them or list it in .unmanagedJobs(…)"#,
      #"kubernetes "monitoring" › job "gone": no Prometheus config of the catalog has this job (jobs: app, node, auth)"#,
      #"kubernetes "monitoring" › job "missing": is listed as unmanaged but no Prometheus config of the catalog has it"#,
      #"kubernetes "monitoring" › job "node": has no monitor: add a KubernetesMonitor for it, or list it in .unmanagedJobs(…) when the cluster scrapes it already"#,
    ])
    let fixed = KubernetesDeployment(namespace: "monitoring", release: "kps") {
      KubernetesMonitor.service("app", port: "metrics", selector: ["app": "app"])
    }
    .unmanagedJobs(["node", "auth"])
    #expect(diagnostics(Self.catalog(fixed, jobs: jobs)) == [])
  }

  @Test func grafanaOperatorNeedsASelectorAndASecretForPasswords() {
    let catalog = Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
        .basicAuth(user: "grafana", passwordVariable: "PROM_PASSWORD")
      Self.valid.grafanaOperator(GrafanaOperatorSettings(instanceSelector: [:]))
    }
    #expect(diagnostics(catalog) == [
      #"kubernetes "monitoring" › job "app": no Prometheus config of the catalog has this job (jobs: )"#,
      #"kubernetes "monitoring": an Alertmanager secret needs exactly one Alertmanager config in the catalog (found 0)"#,
      #"kubernetes "monitoring" › grafana-operator: instanceSelector is empty: the operator would apply the resources to no Grafana"#,
      #"kubernetes "monitoring" › grafana-operator › datasource "Prometheus": has a basic-auth password: name the Secret holding it with GrafanaOperatorSettings(credentialsSecret:)"#,
    ])
  }

  @Test func oneDeploymentPerCatalogAndConfigMapsUnderOneMebibyte() {
    let big = Dashboard("Big", uid: "big") { Text("Notes", markdown: String(repeating: "x", count: 1_100_000)) }
    let catalog = Catalog {
      big
      Self.valid.unmanagedJobs([])
      KubernetesDeployment(namespace: "other", release: "kps") {}
    }
    let problems = diagnostics(catalog)
    #expect(problems.contains("more than one Kubernetes deployment: every one writes to kubernetes/; give each its own environment"))
    #expect(problems.contains { $0.hasPrefix(#"kubernetes "monitoring" › dashboard "Big": the dashboard's JSON is "#) && $0.hasSuffix("Kubernetes stores at most 1048576 in one resource") })
  }
}
