public import MonitoringDSL

/// What a catalog with Grafana-managed alerting (`Catalog.alerting(_:)`) hands to Grafana — its
/// alerting rules by group, the Alertmanager config's receivers, routing tree and time intervals —
/// and what stays Prometheus': the recording rules.
/// ```swift
/// if let plan = GrafanaAlertingPlan(catalog) { let files = GrafanaAlertingLowering.files(plan) }
/// ```
public struct GrafanaAlertingPlan: Sendable {
  /// A rule group as Grafana evaluates it.
  public struct Group: Sendable {
    /// The rule file the group comes from.
    public var file: String
    public var group: RuleGroup
    /// The `GrafanaAlerting` evaluation interval, else the group's interval, else the Prometheus
    /// config's evaluation interval, else Prometheus' 1m.
    public var interval: PromDuration
    public var alerts: [AlertRule]
  }

  public var settings: GrafanaAlerting
  /// The uid of the Prometheus datasource the queries read: the one named, else the catalog's only one.
  public var datasourceUID: String?
  public var groups: [Group]
  /// The Alertmanager config whose routing Grafana takes (the first; validation refuses more).
  public var config: AlertmanagerConfig?

  /// `nil` when Prometheus evaluates the catalog's alerts.
  public init?(_ catalog: Catalog) {
    guard case .grafana(let settings) = catalog.alertEvaluation else { return nil }
    self.settings = settings
    let prometheusSources = catalog.datasources.filter { $0.type == .prometheus }
    datasourceUID = settings.datasourceUID ?? (prometheusSources.count == 1 ? prometheusSources[0].uid : nil)
    let evaluation = catalog.prometheusConfigs.first?.evaluationInterval ?? "1m"
    groups = catalog.ruleFiles.flatMap { file in
      file.groups.compactMap { group in
        let alerts = group.rules.compactMap { rule -> AlertRule? in
          if case .alert(let alert) = rule { return alert }
          return nil
        }
        return alerts.isEmpty ? nil : Group(file: file.fileName, group: group, interval: settings.evaluationInterval ?? group.interval ?? evaluation, alerts: alerts)
      }
    }
    config = catalog.alertmanagerConfigs.first
  }

  /// The catalog as Prometheus still sees it: rule files without their alerting rules (a group or
  /// file left empty is dropped) and no Alertmanager config. Unchanged when Prometheus evaluates.
  /// ```swift
  /// let rendered = GrafanaAlertingPlan.prometheusPart(of: catalog)
  /// ```
  public static func prometheusPart(of catalog: Catalog) -> Catalog {
    guard case .grafana = catalog.alertEvaluation else { return catalog }
    var part = catalog
    part.alertmanagerConfigs = []
    part.ruleFiles = catalog.ruleFiles.compactMap { file in
      var recordings = file
      recordings.groups = file.groups.compactMap { group in
        var kept = group
        kept.rules = group.rules.filter { if case .record = $0 { true } else { false } }
        return kept.rules.isEmpty ? nil : kept
      }
      return recordings.groups.isEmpty ? nil : recordings
    }
    return part
  }

  /// Each alert with the labels Grafana gives its instances — the rule's and its group's, `alertname`
  /// (the rule's title) and `grafana_folder` — and its test's labels, for the routing check.
  public var routingExpectations: [RoutingExpectations] {
    groups.flatMap { group in
      group.alerts.map { alert in
        var labels = group.group.labels.merging(alert.allLabels) { _, rule in rule }
        labels.merge(alert.test?.labels ?? [:]) { rule, _ in rule }
        labels["alertname"] = alert.name
        labels["grafana_folder"] = settings.folder
        return RoutingExpectations(alert: alert.name, labels: labels, receiver: alert.receiver)
      }
    }
  }

  /// The rule's Grafana uid: the one given, else `<name>-<severity>`.
  public static func uid(of alert: AlertRule) -> String { alert.grafanaUID ?? "\(alert.name)-\(alert.severity.rawValue)" }
}
