import MonitoringDSL

/// Checks a `KubernetesDeployment` against its catalog before any manifest is written: the
/// `release` label kube-prometheus-stack selects on (a missing or conflicting one makes the operator
/// ignore every resource, silently), names Kubernetes accepts (DNS-1123), named ports, selectors,
/// a monitor (or an explicit opt-out) for every scrape job, credentials the cluster can provide,
/// ConfigMaps under Kubernetes' 1 MiB limit, the Alertmanager resource (``validateAlertmanager(_:catalog:into:)``)
/// and the probes (``validateProbes(_:into:)``).
enum KubernetesValidator {
  /// The largest ConfigMap Kubernetes stores (etcd's object limit).
  static let configMapLimit = 1_048_576

  static func validate(_ catalog: Catalog) -> [Diagnostic] {
    var collector = DiagnosticCollector()
    if catalog.kubernetes.count > 1 {
      collector.report([], "more than one Kubernetes deployment: every one writes to kubernetes/; give each its own environment")
    }
    for deployment in catalog.kubernetes { validate(deployment, catalog: catalog, into: &collector) }
    return collector.diagnostics
  }

  /// Every scrape job of the catalog's Prometheus configs, first occurrence by name (HA replicas share jobs).
  static func jobs(of catalog: Catalog) -> [ScrapeJob] {
    var seen: Set<String> = []
    return catalog.prometheusConfigs.flatMap(\.jobs).filter { seen.insert($0.name).inserted }
  }

  /// The diagnostic for a dashboard too large for a ConfigMap (or a grafana-operator resource).
  static func checkSize(of json: String, dashboard: String, in deployment: KubernetesDeployment) -> Diagnostic? {
    guard json.utf8.count > configMapLimit else { return nil }
    return Diagnostic(
      path: [.kubernetes(deployment.namespace), .dashboard(dashboard)],
      message: "the dashboard's JSON is \(json.utf8.count) bytes; Kubernetes stores at most \(configMapLimit) in one resource")
  }

  private static func validate(_ deployment: KubernetesDeployment, catalog: Catalog, into collector: inout DiagnosticCollector) {
    let root: [PathElement] = [.kubernetes(deployment.namespace)]
    if !isDNSLabel(deployment.namespace) { collector.report(root, "namespace \(problem(deployment.namespace, "a DNS-1123 label"))") }
    if deployment.release.isEmpty {
      collector.report(root, "release is empty: kube-prometheus-stack selects ServiceMonitors, PodMonitors and PrometheusRules by `release: <helm release>` and silently ignores resources without it")
    } else if !isLabelValue(deployment.release) {
      collector.report(root, "release \(problem(deployment.release, "a label value"))")
    }
    if let other = deployment.labels["release"], other != deployment.release {
      collector.report(root, "labels set release \"\(other)\" but the deployment's release is \"\(deployment.release)\"; the operator would not select these resources")
    }
    checkLabels(deployment.labels, at: root + [.field("labels")], into: &collector)

    let jobs = Self.jobs(of: catalog)
    var monitored: Set<String> = []
    for monitor in deployment.monitors {
      let path = root + [.scrapeJob(monitor.job)]
      if !monitored.insert(monitor.job).inserted { collector.report(path, "has more than one monitor") }
      guard let job = jobs.first(where: { $0.name == monitor.job }) else {
        collector.report(path, "no Prometheus config of the catalog has this job (jobs: \(jobs.map(\.name).joined(separator: ", ")))")
        continue
      }
      if !isDNSSubdomain(monitor.job) { collector.report(path, "the job name is the \(monitor.kind.rawValue)'s name and \(problem(monitor.job, "a DNS-1123 subdomain"))") }
      if monitor.kind == .scrapeConfig {
        KubernetesScrapeConfigLowering.problems(of: job).forEach { collector.report(path, $0) }
        continue
      }
      if !isPortName(monitor.port) {
        collector.report(path, "port \"\(monitor.port)\" is not a named port (1…15 characters of a-z, 0-9 and '-', with a letter); a \(monitor.kind.rawValue) scrapes ports by name")
      }
      if monitor.selector.isEmpty {
        collector.report(path, "selector is empty: it would scrape every \(monitor.kind == .serviceMonitor ? "Service" : "Pod") of the namespace")
      }
      checkLabels(monitor.selector, at: path + [.field("selector")], into: &collector)
      for namespace in monitor.namespaces where !isDNSLabel(namespace) {
        collector.report(path, "namespace \(problem(namespace, "a DNS-1123 label"))")
      }
      if job.authorization != nil {
        collector.report(path, "reads its credentials from a file, which the operator's Prometheus does not have; scrape it without them or list it in .unmanagedJobs(…)")
      }
    }
    // A probe whose job name is a scrape job of the catalog is that job's monitor in the cluster.
    for job in deployment.probes.compactMap(\.jobName) where jobs.contains(where: { $0.name == job }) {
      if !monitored.insert(job).inserted { collector.report(root + [.scrapeJob(job)], "has more than one monitor") }
    }
    for name in deployment.unmanagedJobs where !jobs.contains(where: { $0.name == name }) {
      collector.report(root + [.scrapeJob(name)], "is listed as unmanaged but no Prometheus config of the catalog has it")
    }
    for job in jobs where !monitored.contains(job.name) && !deployment.unmanagedJobs.contains(job.name) {
      collector.report(root + [.scrapeJob(job.name)], "has no monitor: add a KubernetesMonitor for it, or list it in .unmanagedJobs(…) when the cluster scrapes it already")
    }

    for file in catalog.ruleFiles {
      let name = KubernetesLowering.resourceName(of: file)
      if !isDNSSubdomain(name) { collector.report(root + [.rules(file.fileName)], "the PrometheusRule name \(problem(name, "a DNS-1123 subdomain"))") }
    }
    validateAlertmanager(deployment, catalog: catalog, into: &collector)
    validateProbes(deployment, into: &collector)
    if deployment.dashboardConfigMaps || deployment.grafanaOperator != nil {
      for dashboard in catalog.dashboards where !isDNSSubdomain(Renderer.slug(dashboard.title)) {
        collector.report(root + [.dashboard(dashboard.title)], "the resource name \(problem(Renderer.slug(dashboard.title), "a DNS-1123 subdomain"))")
      }
    }
    if let settings = deployment.grafanaOperator {
      let path = root + [.field("grafana-operator")]
      if settings.instanceSelector.isEmpty { collector.report(path, "instanceSelector is empty: the operator would apply the resources to no Grafana") }
      checkLabels(settings.instanceSelector, at: path, into: &collector)
      if let secret = settings.credentialsSecret, !isDNSSubdomain(secret) {
        collector.report(path, "credentials secret \(problem(secret, "a DNS-1123 subdomain"))")
      }
      for source in catalog.datasources {
        if source.basicAuthPasswordVariable != nil, settings.credentialsSecret == nil {
          collector.report(path + [.datasource(source.name)], "has a basic-auth password: name the Secret holding it with GrafanaOperatorSettings(credentialsSecret:)")
        }
        if !isDNSSubdomain(source.uid.lowercased()) { collector.report(path + [.datasource(source.name)], "the resource name \(problem(source.uid.lowercased(), "a DNS-1123 subdomain"))") }
      }
    }
  }

  static func checkLabels(_ labels: [String: String], at path: [PathElement], into collector: inout DiagnosticCollector) {
    for key in labels.keys.sorted() {
      if !isLabelKey(key) { collector.report(path, "label key \"\(key)\" is not a Kubernetes label key") }
      if let value = labels[key], !isLabelValue(value) { collector.report(path, "label \(key): \(problem(value, "a label value"))") }
    }
  }

  static func problem(_ name: String, _ what: String) -> String { "\"\(name)\" is not \(what)" }

  private static func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLowercase || c.isNumber) }

  /// DNS-1123 label: 1…63 of `a-z0-9-`, alphanumeric at both ends (namespaces).
  static func isDNSLabel(_ name: String) -> Bool {
    guard let first = name.first, let last = name.last, name.count <= 63 else { return false }
    return isAlphanumeric(first) && isAlphanumeric(last) && name.allSatisfy { isAlphanumeric($0) || $0 == "-" }
  }

  /// DNS-1123 subdomain: ≤ 253 characters, dot-separated DNS labels (most resource names).
  static func isDNSSubdomain(_ name: String) -> Bool {
    name.count <= 253 && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
  }

  /// IANA service name: 1…15 of `a-z0-9-`, at least one letter, no `-` at the ends or twice in a row.
  static func isPortName(_ name: String) -> Bool {
    isDNSLabel(name) && name.count <= 15 && name.contains(where: \.isLetter) && !name.contains("--")
  }

  /// Label value: empty, or ≤ 63 of `A-Za-z0-9-_.`, alphanumeric at both ends.
  static func isLabelValue(_ value: String) -> Bool {
    guard let first = value.first, let last = value.last else { return true }
    let word: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber) }
    return value.count <= 63 && word(first) && word(last) && value.allSatisfy { word($0) || "-_.".contains($0) }
  }

  /// Label key: an optional DNS subdomain prefix and `/`, then a name that is a non-empty label value.
  static func isLabelKey(_ key: String) -> Bool {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = parts.last, !name.isEmpty, parts.count <= 2, isLabelValue(String(name)) else { return false }
    return parts.count == 1 || isDNSSubdomain(String(parts[0]))
  }
}
