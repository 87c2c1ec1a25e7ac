import Foundation
public import MonitoringDSL
public import MonitoringRender

/// One expression `gen verify` asks Prometheus about: a panel's query, a variable's or annotation's
/// query, or a rule's expression, with where it is and what it may show.
/// ```swift
/// let items = VerifyItem.items(of: catalog)
/// // [dashboard "Ops" › row "Traffic" › panel "Messages" › query A: sum(rate(app_messages_total[$__rate_interval])), …]
/// ```
public struct VerifyItem: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    /// A panel's target: its result must have series.
    case query
    /// A query variable: its selector must match series.
    case variable
    /// An annotation query: it may be empty (no events), its selectors must match series.
    case annotation
    /// An alert: it is empty unless it fires, its selectors must match series.
    case alert
    /// A recording rule: its result must have series.
    case record
    /// Alert delivery: Prometheus sends its alerts to an Alertmanager, and the one given answers.
    case delivery
  }

  public var path: [PathElement]
  public var kind: Kind
  /// The expression as written: Grafana's dialect on dashboards (variables resolved first), PromQL in rules.
  public var expr: String
  /// The dashboard whose variables the expression uses (its index in the catalog), `nil` for rules.
  public var dashboard: Int?
  /// The legend, whose `{{label}}`s must be labels of the result.
  public var legend: String?
  /// Why the result may be empty (`Panel.expectedEmpty(because:)`).
  public var expectedEmpty: String?
  /// Evaluated at one instant (rules, instant panel queries), not over the window as a panel's graph is.
  public var isInstant = true

  /// The alert's name, for an alert.
  public var alertName: String? {
    if kind == .alert, case .alert(let name)? = path.last { name } else { nil }
  }

  /// The check that Prometheus sends its alerts to an Alertmanager and that `alertmanager` answers.
  public static func delivery(to alertmanager: LiveEndpoint) -> VerifyItem {
    VerifyItem(path: [.alertmanager(alertmanager.url.absoluteString)], kind: .delivery, expr: "")
  }

  /// Whether an empty result is a finding: only for panel queries and recording rules.
  public var mustHaveResult: Bool { kind == .query || kind == .record }

  /// Everything `gen verify` checks in `catalog`, dashboards first (variables, annotations, panels in
  /// order), then the rule files; queries of other datasources (Loki, Tempo) are left out.
  /// `isSelected` takes the spec name `gen list` shows without its environment (`dashboard/ops`, `rules/app.yml`).
  public static func items(of catalog: Catalog, isSelected: (String) -> Bool = { _ in true }) -> [VerifyItem] {
    var items: [VerifyItem] = []
    for (index, dashboard) in catalog.dashboards.enumerated() where isSelected("dashboard/\(Renderer.slug(dashboard.title))") {
      let root: [PathElement] = [.dashboard(dashboard.title)]
      for variable in dashboard.variables {
        guard case .query(let query, let datasource, _, _) = variable.kind, isPrometheus(datasource.type) else { continue }
        items.append(VerifyItem(path: root + [.variable(variable.name)], kind: .variable, expr: query, dashboard: index))
      }
      for annotation in dashboard.annotations {
        guard let expr = annotation.expr else { continue }
        items.append(
          VerifyItem(path: root + [.annotation(annotation.name)], kind: .annotation, expr: expr, dashboard: index, isInstant: false))
      }
      for item in dashboard.items {
        switch item {
        case .panel(let panel): items += panelItems(panel, path: root, dashboard: index)
        case .row(let row): for panel in row.panels { items += panelItems(panel, path: root + [.row(row.title)], dashboard: index) }
        }
      }
    }
    for file in catalog.ruleFiles where isSelected("rules/\(file.fileName)") {
      for group in file.groups {
        let root: [PathElement] = [.rules(file.fileName), .group(group.name)]
        for rule in group.rules {
          switch rule {
          case .alert(let alert): items.append(VerifyItem(path: root + [.alert(alert.name)], kind: .alert, expr: alert.expr.description))
          case .record(let record):
            items.append(VerifyItem(path: root + [.record(record.name)], kind: .record, expr: record.expr.description))
          }
        }
      }
    }
    return items
  }

  private static func panelItems(_ panel: Panel, path: [PathElement], dashboard: Int) -> [VerifyItem] {
    let refIDs = RefIDs.assign(panel.queries)
    return zip(panel.queries, refIDs).compactMap { query, refID in
      guard case .prometheus = query.language, isPrometheus((query.datasource ?? panel.datasource)?.type) else { return nil }
      return VerifyItem(
        path: path + [.panel(panel.title), .query(refID)], kind: .query, expr: query.expr, dashboard: dashboard,
        legend: query.legend, expectedEmpty: panel.expectedEmptyReason, isInstant: query.mode == .instant)
    }
  }

  /// No datasource (the dashboard's), a Prometheus one, or one a variable names.
  private static func isPrometheus(_ type: DatasourceType?) -> Bool { type == nil || type == .prometheus }
}
