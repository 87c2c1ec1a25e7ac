public import MonitoringDSL

/// The whole pure pipeline: validate a catalog, place and lower everything, and return the files
/// `gen` writes. Nothing is rendered when any diagnostic is found.
/// ```swift
/// let files = try Renderer.render(catalog)   // throws ValidationFailure with every diagnostic
/// ```
public enum Renderer {
  public static let dashboardsFolder = "grafana/dashboards"
  /// Where v2 dashboards go: a folder of their own, so a file provider reading one folder never
  /// loads the same uid twice (Grafana's file provider reads every `*.json` under its path).
  public static let dashboardsV2Folder = "grafana/dashboards-v2"

  /// The output path of a dashboard file of `format`: `grafana/dashboards/<slug>.json` or
  /// `grafana/dashboards-v2/<slug>.json`.
  public static func dashboardPath(slug: String, format: DashboardFormat) -> String {
    "\(format == .v2 ? dashboardsV2Folder : dashboardsFolder)/\(slug).json"
  }

  /// Renders each environment into its own folder (`<name>/…`, specs named `<name>/…`), with
  /// `overrides` applied to every environment given. Diagnostics start with the environment.
  /// ```swift
  /// let files = try Renderer.render([Specs.test], overrides: ["prometheus_port": "43127"])
  /// ```
  public static func render(_ environments: [StackEnvironment], overrides: [String: String] = [:]) throws(ValidationFailure)
    -> [OutputFile]
  {
    var files: [OutputFile] = []
    var diagnostics = OutputPathValidator.validate(environments: environments.map(\.name))
    for environment in environments {
      let root = PathElement.environment(environment.name)
      do {
        let catalog = try environment.catalog(overrides)
        files += try render(catalog).map {
          OutputFile(path: "\(environment.name)/\($0.path)", spec: "\(environment.name)/\($0.spec)", contents: $0.contents)
        }
      } catch let failure as ValidationFailure {
        diagnostics += failure.diagnostics.map { Diagnostic(path: [root] + $0.path, message: $0.message) }
      } catch {
        diagnostics.append(Diagnostic(path: [], message: "\(error)"))
      }
    }
    guard diagnostics.isEmpty else { throw ValidationFailure(diagnostics: diagnostics) }
    return files
  }

  public static func render(_ catalog: Catalog) throws(ValidationFailure) -> [OutputFile] {
    var collector = DiagnosticCollector()
    collector.append(contentsOf: CatalogValidator.validate(catalog))
    let grafanaAlerting = GrafanaAlertingPlan(catalog)
    // With Grafana-managed alerting, Prometheus keeps the recording rules only.
    let catalog = GrafanaAlertingPlan.prometheusPart(of: catalog)

    // Each file with the spec it comes from, for the diagnostics on its path.
    var files: [(file: OutputFile, origin: [PathElement])] = []
    if !catalog.datasources.isEmpty {
      let text = YAMLTree.document(ProvisioningLowering.datasources(catalog.datasources))
      let path = "grafana/provisioning/datasources/datasources.yaml"
      files.append((OutputFile(path: path, spec: "datasources", contents: text), [.file(path)]))
    }
    for file in grafanaAlerting.map(GrafanaAlertingLowering.files) ?? [] {
      files.append((OutputFile(path: file.path, spec: "grafana-alerting", contents: YAMLTree.document(file.node)), [.file(file.path)]))
    }
    for provider in catalog.dashboardProviders {
      let text = YAMLTree.document(ProvisioningLowering.dashboardProvider(provider))
      files.append(
        (OutputFile(
          path: "grafana/provisioning/dashboards/\(provider.name).yaml", spec: "provider/\(provider.name)",
          contents: text), [.dashboardProvider(provider.name)]))
    }
    var dashboardTexts: [(slug: String, json: String)] = []
    for dashboard in catalog.dashboards {
      let (placed, layoutDiagnostics) = GridLayout.place(dashboard)
      collector.append(contentsOf: layoutDiagnostics)
      let slug = slug(dashboard.title)
      var writer = JSONWriter(capacity: 1 << 16)
      let text = writeDashboardFile(dashboard, placed: placed, to: &writer) { String(decoding: $0, as: UTF8.self) }
      // A title can be long (its file name is checked); the diagnostic names it by its beginning.
      let title = dashboard.title.count > 60 ? dashboard.title.prefix(40) + "…" : dashboard.title
      if dashboard.target.formats.contains(.classic) {
        files.append(
          (OutputFile(path: dashboardPath(slug: slug, format: .classic), spec: "dashboard/\(slug)", contents: text), [.dashboard(title)]))
      }
      if dashboard.target.formats.contains(.v2) {
        let (resource, v2Diagnostics) = DashboardV2Lowering.json(dashboard, placed: placed)
        collector.append(contentsOf: v2Diagnostics)
        files.append(
          (OutputFile(path: dashboardPath(slug: slug, format: .v2), spec: "dashboard/\(slug)", contents: JSONWriter.write(resource)),
           [.dashboard(title)]))
      }
      // The Kubernetes manifests carry the classic model: the Grafana sidecar and the operator's
      // GrafanaDashboard read that one.
      dashboardTexts.append((slug, text))
      for deployment in catalog.kubernetes {
        if let problem = KubernetesValidator.checkSize(of: text, dashboard: dashboard.title, in: deployment) { collector.append(contentsOf: [problem]) }
      }
    }
    for config in catalog.prometheusConfigs {
      let text = YAMLTree.document(PrometheusLowering.config(config))
      let path = config.path
      files.append((OutputFile(path: "prometheus/\(path)", spec: "prometheus/\(path)", contents: text), [.prometheus(config.fileName)]))
    }
    files += DiscoveryLowering.targetsFiles(of: catalog.prometheusConfigs).map { config, targets in
      let path = "prometheus/\(targets.path)"
      return (OutputFile(path: path, spec: "prometheus/\(config.path)", contents: DiscoveryLowering.targetsFile(targets)), [.prometheus(config.fileName)])
    }
    let alertmanagerTexts = catalog.alertmanagerConfigs.map { YAMLTree.document(AlertmanagerLowering.config($0)) }
    for (config, text) in zip(catalog.alertmanagerConfigs, alertmanagerTexts) {
      let origin: [PathElement] = [.alertmanager(config.fileName)]
      files.append((OutputFile(path: "alertmanager/\(config.fileName)", spec: "alertmanager/\(config.fileName)", contents: text), origin))
      let expectations = RoutingExpectations.all(in: catalog)
      if !expectations.isEmpty, config.importedFrom == nil {
        files.append(
          (OutputFile(
            path: RoutingExpectations.path(for: config), spec: "alertmanager/\(config.fileName)",
            contents: RoutingExpectations.file(expectations, config: config)), origin))
      }
    }
    for file in catalog.ruleFiles {
      let spec = "rules/\(file.fileName)"
      let origin: [PathElement] = [.rules(file.fileName)]
      files.append(
        (OutputFile(path: "prometheus/rules/\(file.fileName)", spec: spec, contents: YAMLTree.document(RuleLowering.file(file))), origin))
      if let tests = RuleTestLowering.file(file) {
        files.append(
          (OutputFile(path: "prometheus/\(RuleTestLowering.path(for: file))", spec: spec, contents: YAMLTree.document(tests)), origin))
      }
    }
    for file in catalog.composeFiles {
      files.append(
        (OutputFile(path: file.fileName, spec: "compose/\(file.fileName)", contents: YAMLTree.document(ComposeLowering.file(file))),
         [.compose(file.fileName)]))
    }
    for deployment in catalog.kubernetes {
      for manifest in KubernetesLowering.manifests(deployment, catalog: catalog, dashboards: dashboardTexts, alertmanager: alertmanagerTexts.first) {
        let path = "\(KubernetesLowering.folder)/\(manifest.fileName)"
        files.append((OutputFile(path: path, spec: path, contents: YAMLTree.document(manifest.node)), [.kubernetes(deployment.namespace)]))
      }
    }
    if !catalog.metrics.isEmpty {
      let path = "catalogue/metrics.json"
      files.append(
        (OutputFile(path: path, spec: "catalogue/metrics", contents: JSONWriter.write(metricsJSON(catalog.metrics))), [.file(path)]))
    }
    collector.append(contentsOf: OutputPathValidator.validate(files))
    guard collector.diagnostics.isEmpty else { throw ValidationFailure(diagnostics: collector.diagnostics) }
    return files.map(\.file).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
  }

  /// Validates `catalog`, lays out its dashboard with uid `uid` and streams that dashboard's file (the
  /// bytes `gen` writes for it) into `writer`, and returns them. Nothing is written when there is a
  /// diagnostic.
  /// ```swift
  /// var writer = JSONWriter()
  /// let bytes = try Renderer.writeDashboard(uid: "ops", of: catalog, to: &writer)
  /// ```
  public static func writeDashboard(uid: String, of catalog: Catalog, to writer: inout JSONWriter) throws(ValidationFailure)
    -> [UInt8]
  {
    try writeDashboard(uid: uid, of: catalog, to: &writer) { Array($0) }
  }

  /// The same, the bytes handed to `body` in place rather than copied.
  /// ```swift
  /// try Renderer.writeDashboard(uid: "ops", of: catalog, to: &writer) { bytes in _ = write(1, bytes.baseAddress, bytes.count) }
  /// ```
  public static func writeDashboard<Result>(
    uid: String, of catalog: Catalog, to writer: inout JSONWriter, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) throws(ValidationFailure) -> Result {
    let dashboard = catalog.dashboards.first(where: { $0.uid == uid })
    // The layout needs nothing validated: a large dashboard's runs beside the validation.
    let isLarge = (dashboard?.items.parts(pieces: 2).count ?? 0) > 1
    let (validationDiagnostics, layout) = concurrently(
      if: isLarge, { CatalogValidator.validate(catalog) }, { dashboard.map(GridLayout.place) })
    var collector = DiagnosticCollector()
    collector.append(contentsOf: validationDiagnostics)
    guard let dashboard, let (placed, layoutDiagnostics) = layout else {
      throw ValidationFailure(diagnostics: collector.diagnostics + [Diagnostic(path: [], message: "no dashboard has uid \"\(uid)\"")])
    }
    collector.append(contentsOf: layoutDiagnostics)
    guard collector.diagnostics.isEmpty else { throw ValidationFailure(diagnostics: collector.diagnostics) }
    return writeDashboardFile(dashboard, placed: placed, to: &writer, body)
  }

  /// The one way a dashboard file is written: the lowering streamed into the writer, then the final newline.
  private static func writeDashboardFile<Result>(
    _ dashboard: Dashboard, placed: [PlacedItem], to writer: inout JSONWriter, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    DashboardLowering.write(dashboard, placed: placed, to: &writer)
    return writer.finish(body)
  }

  static func metricsJSON(_ metrics: [Metric.Definition]) -> JSONValue {
    .object([
      "metrics": .array(
        metrics.map { metric in
          var members: [String: JSONValue] = [
            "name": .string(metric.name), "type": .string(metric.kind.typeName), "help": .string(metric.help),
            "labels": .array(metric.labels.map(JSONValue.string)),
          ]
          if case .histogram(let buckets) = metric.kind { members["buckets"] = .array(buckets.map(JSONValue.double)) }
          return .object(members)
        })
    ])
  }

  /// Grafana's URL slug of a title: lower case, runs of other characters as one `-`.
  /// `"WebSocket Service Comprehensive Dashboard"` → `websocket-service-comprehensive-dashboard`.
  public static func slug(_ title: String) -> String {
    var result = ""
    var pendingDash = false
    for character in title.lowercased() {
      if character.isASCII, character.isLetter || character.isNumber {
        if pendingDash, !result.isEmpty { result.append("-") }
        result.append(character)
        pendingDash = false
      } else {
        pendingDash = true
      }
    }
    return result
  }
}
