public import MonitoringDSL

/// Lowers a validated dashboard and its layout to the JSON model Grafana's file provisioning reads:
/// the dashboard at the top level (no `{"dashboard": …}` API envelope).
public enum DashboardLowering {
  public static func json(_ dashboard: Dashboard, placed: [PlacedItem]) -> JSONValue {
    var panels: [JSONValue] = []
    for item in placed {
      switch item {
      case .panel(let placed):
        panels.append(PanelLowering.json(placed, dashboard: dashboard))
      case .row(let row):
        panels.append(rowJSON(row, dashboard: dashboard))
        // An open row is followed by its panels; a collapsed one carries them (see rowJSON).
        if !row.row.isCollapsed { panels += row.panels.map { PanelLowering.json($0, dashboard: dashboard) } }
      }
    }
    var members: [String: JSONValue] = [
      "annotations": ["list": .array([builtInAnnotation] + dashboard.annotations.map(annotationJSON))],
      "editable": .bool(dashboard.isEditable),
      "fiscalYearStartMonth": 0,
      "graphTooltip": .int(dashboard.cursorSync.rawValue),
      "id": .null,
      "links": .array(dashboard.links.map(LinkLowering.json)),
      "panels": .array(panels),
      "refresh": .string(dashboard.refresh?.text ?? ""),
      "schemaVersion": .int(dashboard.target.schemaVersion),
      "tags": .array(dashboard.tags.map(JSONValue.string)),
      "templating": ["list": .array(dashboard.variables.map(VariableLowering.json))],
      "time": ["from": .string(dashboard.timeFrom), "to": .string(dashboard.timeTo)],
      "timepicker": [:],
      "timezone": .string(dashboard.timezone.text),
      "title": .string(dashboard.title),
      "uid": .string(dashboard.uid),
      "version": 1,
      "weekStart": "",
    ]
    if let description = dashboard.description { members["description"] = .string(description) }
    let base = JSONValue.object(members)
    return dashboard.extraJSON.map { base.merging($0) } ?? base
  }

  private static func rowJSON(_ placed: PlacedRow, dashboard: Dashboard) -> JSONValue {
    let children = placed.panels.map { PanelLowering.json($0, dashboard: dashboard) }
    var members: [String: JSONValue] = [
      "collapsed": .bool(placed.row.isCollapsed),
      "gridPos": PanelLowering.gridPos(placed.position),
      "id": .int(placed.id),
      "panels": .array(placed.row.isCollapsed ? children : []),
      "title": .string(placed.row.title),
      "type": "row",
    ]
    if let variable = placed.row.repeatVariable { members["repeat"] = .string(variable) }
    return .object(members)
  }

  /// Grafana adds this entry to every dashboard; emitting it keeps the file equal to what Grafana stores.
  static let builtInAnnotation: JSONValue = [
    "builtIn": 1,
    "datasource": ["type": "grafana", "uid": "-- Grafana --"],
    "enable": true,
    "hide": true,
    "iconColor": "rgba(0, 211, 255, 1)",
    "name": "Annotations & Alerts",
    "type": "dashboard",
  ]

  private static func annotationJSON(_ annotation: Annotation) -> JSONValue {
    var members: [String: JSONValue] = [
      "datasource": datasourceJSON(annotation.datasource),
      "enable": .bool(annotation.isEnabled),
      "expr": .string(annotation.expr),
      "hide": .bool(annotation.isHidden),
      "iconColor": .string(annotation.color.rawValue),
      "name": .string(annotation.name),
      "tagKeys": .string(annotation.tagKeys.joined(separator: ",")),
      "textFormat": .string(annotation.textFormat ?? ""),
      "titleFormat": .string(annotation.titleFormat ?? ""),
      "useValueForTime": false,
    ]
    if let step = annotation.step { members["step"] = .string(step.text) }
    return .object(members)
  }

  static func datasourceJSON(_ ref: DatasourceRef) -> JSONValue {
    ["type": .string(ref.type.rawValue), "uid": .string(ref.uid)]
  }
}
