import MonitoringDSL

extension KubernetesValidator {
  /// Each `Probe`: a unique DNS-1123 name, a module, a prober given as `host:port`, targets (static
  /// ones, or a selector of Ingresses), Prometheus label names, and a timeout within the interval.
  static func validateProbes(_ deployment: KubernetesDeployment, into collector: inout DiagnosticCollector) {
    var names: Set<String> = []
    for probe in deployment.probes {
      let path: [PathElement] = [.kubernetes(deployment.namespace), .field("Probe \"\(probe.name)\"")]
      if !names.insert(probe.name).inserted { collector.report(path, "is defined more than once") }
      if !isDNSSubdomain(probe.name) { collector.report(path, "the Probe's name \(problem(probe.name, "a DNS-1123 subdomain"))") }
      if probe.module.isBlank {
        collector.report(path, "module is empty: name a module of the blackbox exporter's config (http_2xx, tcp_connect, icmp, …)")
      }
      if probe.prober.isBlank {
        collector.report(path, "prober is empty: give the blackbox exporter's host:port")
      } else if probe.prober.contains("://") {
        collector.report(path, "prober \"\(probe.prober)\" is host:port without a scheme; use .prober(scheme: .https) for https")
      }
      if let job = probe.jobName, job.isBlank { collector.report(path, "jobName is empty") }
      switch probe.targets {
      case .static(let targets):
        if targets.isEmpty { collector.report(path, "has no targets: list the URLs or host:port to probe") }
        if targets.contains(where: \.isBlank) { collector.report(path, "a target is empty") }
      case .ingresses(let selector, let namespaces):
        if selector.isEmpty { collector.report(path, "selector is empty: it would probe every Ingress of the namespace") }
        checkLabels(selector, at: path + [.field("selector")], into: &collector)
        for namespace in namespaces where !isDNSLabel(namespace) {
          collector.report(path, "namespace \(problem(namespace, "a DNS-1123 label"))")
        }
      }
      for label in probe.labels.keys.sorted() where !DashboardValidator.isIdentifier(label) || label.hasPrefix("__") {
        collector.report(path, "label \"\(label)\" is not a Prometheus label name a target can carry")
      }
      let interval = probe.interval.flatMap { collector.milliseconds(of: $0, "interval", at: path) }
      let timeout = probe.scrapeTimeout.flatMap { collector.milliseconds(of: $0, "scrapeTimeout", at: path) }
      if let interval, let timeout, timeout > interval, let text = probe.scrapeTimeout?.text, let every = probe.interval?.text {
        collector.report(path, "scrapeTimeout \(text) is longer than the interval \(every); Prometheus refuses the scrape config")
      }
    }
  }
}
