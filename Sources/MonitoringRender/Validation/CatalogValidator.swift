import MonitoringDSL

/// Checks across the whole catalog (uniqueness, file-name clashes) and runs the per-item validators.
enum CatalogValidator {
  static func validate(_ catalog: Catalog) -> [Diagnostic] {
    var collector = DiagnosticCollector()

    reportDuplicates(catalog.datasources.map(\.uid), into: &collector) { [.datasource($0)] } message: { "uid \"\($0)\" is used by more than one datasource" }
    reportDuplicates(catalog.datasources.map(\.name), into: &collector) { [.datasource($0)] } message: { _ in "name is used by more than one datasource" }
    for source in catalog.datasources where !DashboardValidator.isValidUID(source.uid) {
      collector.report([.datasource(source.name)], "uid \"\(source.uid)\" must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'")
    }
    for source in catalog.datasources {
      if let variable = source.basicAuthPasswordVariable,
        variable.isEmpty || !variable.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") })
      {
        collector.report([.datasource(source.name)], "password variable \"\(variable)\" must be an environment variable name (A-Z, 0-9, _)")
      }
    }
    if catalog.datasources.filter(\.isDefault).count > 1 {
      collector.report([], "more than one datasource is marked default")
    }
    reportDuplicates(catalog.dashboardProviders.map(\.name), into: &collector) { [.dashboardProvider($0)] } message: { _ in "name is used by more than one provider" }
    for provider in catalog.dashboardProviders where !provider.path.hasPrefix("/") {
      collector.report([.dashboardProvider(provider.name)], "path \"\(provider.path)\" must be absolute (inside Grafana's container)")
    }

    let dashboards = catalog.dashboards
    reportDuplicates(dashboards.map(\.uid), into: &collector) { uid in
      [.dashboard(dashboards.first { $0.uid == uid }?.title ?? uid)]
    } message: { "uid \"\($0)\" is used by more than one dashboard" }
    reportDuplicates(dashboards.map { Renderer.slug($0.title) }, into: &collector) { [.dashboard($0)] } message: {
      "two dashboards would both be written to \($0).json; give them distinct titles"
    }
    let promQL = PromQLValidator(prometheusConfigs: catalog.prometheusConfigs, metrics: catalog.metrics)
    var dashboardValidator = DashboardValidator(knownDatasourceUIDs: Set(catalog.datasources.map(\.uid)), promQL: promQL)
    for dashboard in dashboards { dashboardValidator.validate(dashboard) }
    collector.append(contentsOf: dashboardValidator.collector.diagnostics)

    reportDuplicates(catalog.prometheusConfigs.map(\.fileName), into: &collector) { [.prometheus($0)] } message: { _ in "file name is used by more than one config" }
    var prometheusValidator = PrometheusValidator()
    for monitor in catalog.kubernetes.flatMap(\.monitors) { prometheusValidator.monitors[monitor.job] = monitor.kind }
    for config in catalog.prometheusConfigs { prometheusValidator.validate(config) }
    collector.append(contentsOf: prometheusValidator.collector.diagnostics)
    reportSharedExternalLabels(catalog.prometheusConfigs, into: &collector)

    reportDuplicates(catalog.alertmanagerConfigs.map(\.fileName), into: &collector) { [.alertmanager($0)] } message: { _ in "file name is used by more than one config" }
    var alertmanagerValidator = AlertmanagerValidator()
    if case .grafana = catalog.alertEvaluation { alertmanagerValidator.checksIntegrations = false }
    for config in catalog.alertmanagerConfigs { alertmanagerValidator.validate(config) }
    collector.append(contentsOf: alertmanagerValidator.collector.diagnostics)
    collector.append(contentsOf: RoutingValidator.validate(catalog))
    collector.append(contentsOf: GrafanaAlertingValidator.validate(catalog))
    for file in catalog.composeFiles { collector.append(contentsOf: ComposeValidator.validate(file)) }
    collector.append(contentsOf: KubernetesValidator.validate(catalog))
    reportDuplicates(catalog.metrics.map(\.name), into: &collector) { [.field("metric \($0)")] } message: { _ in "is declared more than once" }
    for metric in catalog.metrics {
      let path: [PathElement] = [.field("metric \(metric.name)")]
      if case .counter = metric.kind, !metric.name.hasSuffix("_total") { collector.report(path, "counter names end in _total") }
      if case .histogram(let buckets) = metric.kind, buckets.isEmpty || zip(buckets, buckets.dropFirst()).contains(where: { $0 >= $1 }) {
        collector.report(path, "histogram buckets must be ascending and not empty")
      }
      if metric.help.isBlank { collector.report(path, "has no help text") }
    }

    reportDuplicates(catalog.ruleFiles.map(\.fileName), into: &collector) { [.rules($0)] } message: { _ in "file name is used by more than one rule file" }
    var ruleValidator = RuleValidator(promQL: promQL)
    for file in catalog.ruleFiles { ruleValidator.validate(file) }
    collector.append(contentsOf: ruleValidator.collector.diagnostics)
    return collector.diagnostics
  }

  /// Servers that remote-write need distinct `external_labels`: the receivers (Thanos, Mimir) tell
  /// replicas apart, and deduplicate HA pairs, by them alone.
  private static func reportSharedExternalLabels(_ configs: [PrometheusConfig], into collector: inout DiagnosticCollector) {
    let writers = configs.filter { !$0.remoteWrites.isEmpty }
    for (index, config) in writers.enumerated() {
      if let twin = writers[..<index].first(where: { $0.externalLabels == config.externalLabels }) {
        collector.report(
          [.prometheus(config.fileName)],
          "has the same external_labels as \"\(twin.fileName)\"; each server writing to remote storage needs unique ones (.replicas(…) sets a replica label)")
      }
    }
  }

  private static func reportDuplicates(
    _ values: [String], into collector: inout DiagnosticCollector, path: (String) -> [PathElement],
    message: (String) -> String
  ) {
    var counts: [String: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    for value in values where counts[value, default: 0] > 1 {
      collector.report(path(value), message(value))
      counts[value] = 0
    }
  }
}
