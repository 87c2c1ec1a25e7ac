import MonitoringDSL

/// The dashboard and panel rules of grafana/dashboard-linter: a datasource variable, a unit and a
/// description on every panel, unique titles, and the `job` and `instance` variables. Queries go to ``TargetLint``.
enum DashboardLint {
  /// The panel kinds whose values need a unit (dashboard-linter's list, without the legacy kinds).
  static let kindsWithUnits: Set<String> = ["timeseries", "stat", "gauge", "bargauge", "table"]

  static func lint(_ dashboard: Dashboard, into collector: inout LintCollector) {
    let root: [PathElement] = [.dashboard(dashboard.title)]
    collector.enter(root, ignoring: dashboard.lintIgnores)
    let hasQueries = dashboard.items.contains { item in
      switch item {
      case .panel(let panel): !panel.queries.isEmpty
      case .row(let row): row.panels.contains { !$0.queries.isEmpty }
      }
    }
    if hasQueries {
      let variables = Set(dashboard.variables.map(\.name))
      if !variables.contains("job") {
        collector.report(.templateJob, root, "has no job variable; add one (label_values(up, job)) so viewers pick the job")
      }
      if !variables.contains("instance") {
        collector.report(.templateInstance, root, "has no instance variable; add one (label_values(up{job=~\"$job\"}, instance)) so viewers pick instances")
      }
    }
    var panelTitles: Set<String> = []
    var rowTitles: Set<String> = []
    for item in dashboard.items {
      switch item {
      case .panel(let panel): lint(panel, of: dashboard, at: root, titles: &panelTitles, into: &collector)
      case .row(let row):
        let path = root + [.row(row.title)]
        collector.enter(path, ignoring: row.lintIgnores)
        if !rowTitles.insert(row.title).inserted {
          collector.report(.panelTitleUnique, path, "another row of this dashboard has the same title")
        }
        for panel in row.panels { lint(panel, of: dashboard, at: path, titles: &panelTitles, into: &collector) }
        collector.leave()
      }
    }
    collector.leave()
  }

  private static func lint(
    _ panel: Panel, of dashboard: Dashboard, at parent: [PathElement], titles: inout Set<String>, into collector: inout LintCollector
  ) {
    let path = parent + [.panel(panel.title)]
    collector.enter(path, ignoring: panel.lintIgnores)
    if !titles.insert(panel.title).inserted {
      collector.report(.panelTitleUnique, path, "another panel of this dashboard has the same title")
    }
    if panel.description?.isBlank ?? true {
      collector.report(.panelTitleDescription, path, "has no description; say what it shows with .description(…)")
    }
    if kindsWithUnits.contains(panel.kind.typeID), panel.field.unit == nil, !panel.overrides.contains(where: setsUnit) {
      collector.report(.panelUnits, path, "has no unit; set one with .unit(…) (.short or .none for plain numbers)")
    }
    let panelDatasource = panel.datasource ?? dashboard.defaultDatasource
    let fixed = panel.queries.lazy.compactMap { $0.datasource ?? panelDatasource }.first { $0.variableName == nil && $0.type != .grafana }
    if let fixed {
      collector.report(
        .panelDatasource, path,
        "uses the datasource uid \"\(fixed.uid)\"; pick it with a datasource variable (.variable(\"datasource\")) so the dashboard works on any \(fixed.type.rawValue)")
    }
    for (query, refID) in zip(panel.queries, RefIDs.assign(panel.queries))
    where query.language == .prometheus && (query.datasource ?? panelDatasource)?.type ?? .prometheus == .prometheus {
      TargetLint.lint(query, at: path + [.query(refID)], into: &collector)
    }
    collector.leave()
  }

  private static func setsUnit(_ override: FieldOverride) -> Bool {
    override.properties.contains { property in
      if case .unit = property { return true }
      return false
    }
  }
}
