/// Everything `gen` writes: datasources, dashboard providers, dashboards, Prometheus configs, rule
/// files, Alertmanager configs, compose files and Kubernetes manifests.
/// The specs target exposes one catalog, listed explicitly (no file discovery).
/// ```swift
/// public let catalog = Catalog {
///   Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
///   DashboardProvider("default", folder: "Services", path: "/var/lib/grafana/dashboards")
///   serviceDashboard()
///   prometheusConfig()
/// }
/// ```
public struct Catalog: Hashable, Sendable {
  public var datasources: [Datasource] = []
  public var dashboardProviders: [DashboardProvider] = []
  public var dashboards: [Dashboard] = []
  public var prometheusConfigs: [PrometheusConfig] = []
  public var alertmanagerConfigs: [AlertmanagerConfig] = []
  public var ruleFiles: [RuleFile] = []
  public var composeFiles: [ComposeFile] = []
  /// Kubernetes manifests of this catalog (at most one deployment per environment).
  public var kubernetes: [KubernetesDeployment] = []
  /// The app's metric catalogue, written to `catalogue/metrics.json` for the tools that check a live
  /// target against it (the end-to-end test compares Prometheus' target metadata with it).
  public var metrics: [Metric.Definition] = []
  /// Who evaluates the alert rules: Prometheus (the default) or Grafana (``alerting(_:)``).
  public var alertEvaluation: AlertEvaluation = .prometheus

  public init(@CatalogBuilder _ items: () -> [CatalogItem]) {
    for item in items() {
      switch item {
      case .datasource(let source): datasources.append(source)
      case .dashboardProvider(let provider): dashboardProviders.append(provider)
      case .dashboard(let dashboard): dashboards.append(dashboard)
      case .prometheus(let config): prometheusConfigs.append(config)
      case .alertmanager(let config): alertmanagerConfigs.append(config)
      case .rules(let file): ruleFiles.append(file)
      case .compose(let file): composeFiles.append(file)
      case .metrics(let definitions): metrics += definitions
      case .kubernetes(let deployment): kubernetes.append(deployment)
      }
    }
  }

  /// The same catalog with its alert rules evaluated by `evaluation`: with `.grafana(…)`, `gen`
  /// writes the alerts, receivers, routing tree and time intervals as Grafana's alerting
  /// provisioning instead of alerting rules and `alertmanager.yml` (recording rules stay Prometheus').
  /// ```swift
  /// let grafanaManaged = stack().alerting(.grafana(folder: "WebSocket"))
  /// ```
  public func alerting(_ evaluation: AlertEvaluation) -> Catalog {
    var copy = self
    copy.alertEvaluation = evaluation
    return copy
  }
}

/// One entry of a ``Catalog``.
public enum CatalogItem: Hashable, Sendable {
  case datasource(Datasource)
  case dashboardProvider(DashboardProvider)
  case dashboard(Dashboard)
  case prometheus(PrometheusConfig)
  case alertmanager(AlertmanagerConfig)
  case rules(RuleFile)
  case compose(ComposeFile)
  case metrics([Metric.Definition])
  case kubernetes(KubernetesDeployment)
}

@resultBuilder public enum CatalogBuilder: ListBuilder {
  public typealias Element = CatalogItem
  public static func buildExpression(_ source: Datasource) -> ListPart<CatalogItem> { .one(.datasource(source)) }
  public static func buildExpression(_ provider: DashboardProvider) -> ListPart<CatalogItem> { .one(.dashboardProvider(provider)) }
  public static func buildExpression(_ dashboard: Dashboard) -> ListPart<CatalogItem> { .one(.dashboard(dashboard)) }
  public static func buildExpression(_ config: PrometheusConfig) -> ListPart<CatalogItem> { .one(.prometheus(config)) }
  /// The configs of an HA pair, from ``PrometheusConfig/replicas(_:label:)``.
  public static func buildExpression(_ configs: [PrometheusConfig]) -> ListPart<CatalogItem> { .many(configs.map(CatalogItem.prometheus)) }
  public static func buildExpression(_ config: AlertmanagerConfig) -> ListPart<CatalogItem> { .one(.alertmanager(config)) }
  public static func buildExpression(_ file: RuleFile) -> ListPart<CatalogItem> { .one(.rules(file)) }
  public static func buildExpression(_ file: ComposeFile) -> ListPart<CatalogItem> { .one(.compose(file)) }
  public static func buildExpression(_ metrics: [Metric.Definition]) -> ListPart<CatalogItem> { .one(.metrics(metrics)) }
  public static func buildExpression(_ deployment: KubernetesDeployment) -> ListPart<CatalogItem> { .one(.kubernetes(deployment)) }
}
