import Testing
import MonitoringDSL

/// A small spec whose rendered files are kept under `Fixtures/<name>/` and reviewed like code.
struct GoldenCase: Sendable, CustomTestStringConvertible {
  let name: String
  let catalog: Catalog

  var testDescription: String { name }

  static let all: [GoldenCase] = [
    GoldenCase(name: "all-panel-kinds", catalog: AllPanelKinds.catalog),
    GoldenCase(name: "more-panel-kinds", catalog: MorePanelKinds.catalog),
    GoldenCase(name: "transformations", catalog: TransformationsCase.catalog),
    GoldenCase(name: "logs-and-traces", catalog: LogsAndTraces.catalog),
    GoldenCase(name: "rows", catalog: Rows.catalog),
    GoldenCase(name: "prometheus", catalog: PrometheusCase.catalog),
    GoldenCase(name: "rules", catalog: RulesCase.catalog),
    GoldenCase(name: "alertmanager", catalog: AlertmanagerCase.catalog),
    GoldenCase(name: "alertmanager-intervals", catalog: AlertmanagerIntervalsCase.catalog),
    GoldenCase(name: "grafana-alerting", catalog: GrafanaAlertingCase.catalog),
    GoldenCase(name: "grafana-contact-points", catalog: GrafanaContactPointsCase.catalog),
    GoldenCase(name: "kubernetes", catalog: KubernetesCase.catalog),
    GoldenCase(name: "scale-out", catalog: ScaleOutCase.catalog),
    GoldenCase(name: "schema-v2", catalog: SchemaV2Case.catalog),
    GoldenCase(name: "discovery", catalog: DiscoveryCase.catalog),
    GoldenCase(name: "kubernetes-scrapeconfig", catalog: KubernetesScrapeConfigCase.catalog),
    GoldenCase(name: "kubernetes-alertmanagerconfig", catalog: KubernetesAlertmanagerConfigCase.catalog),
    GoldenCase(name: "kubernetes-probe", catalog: KubernetesProbeCase.catalog),
  ]
}

