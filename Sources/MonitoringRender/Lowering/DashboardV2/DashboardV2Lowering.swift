public import MonitoringDSL

/// Lowers a dashboard to Grafana's dashboard schema v2: the resource `dashboard.grafana.app/v2beta1`
/// `Dashboard` with `metadata.name` the uid and a `spec` of `elements`, `layout`, `variables`,
/// `annotations`, `links`, `timeSettings`, `cursorSync` and the dashboard's settings.
///
/// The v2 file is lowered from the same classic model ``DashboardLowering`` writes, moved member by
/// member into its v2 place: each kind's `options` and `fieldConfig` (``PanelLowering``, the kinds'
/// generated models), the queries, transformations and raw JSON are written once, for both formats.
/// A member v2 has no place for (a variable's description, a panel link to a list of dashboards, a
/// raw key) is a diagnostic naming where it is, never dropped.
/// ```swift
/// let (placed, _) = GridLayout.place(dashboard)
/// let (resource, diagnostics) = DashboardV2Lowering.json(dashboard, placed: placed)
/// ```
public enum DashboardV2Lowering {
  public static func json(_ dashboard: Dashboard, placed: [PlacedItem]) -> (resource: JSONValue, diagnostics: [Diagnostic]) {
    resource(fromClassic: DashboardLowering.json(dashboard, placed: placed), path: [.dashboard(dashboard.title)])
  }

  /// The v2 resource of a classic dashboard model; the diagnostics start with `path`.
  public static func resource(fromClassic classic: JSONValue, path: [PathElement]) -> (resource: JSONValue, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    var members = ClassicMembers(classic)
    var spec: [String: JSONValue] = ["title": members.take("title") ?? "", "tags": members.take("tags") ?? []]
    let uid = members.take("uid") ?? ""
    for key in ["description", "editable", "liveNow"] { members.move(key, to: &spec) }
    members.move("preload", to: &spec, default: false)
    spec["cursorSync"] = DashboardV2.name(of: members.take("graphTooltip"), in: DashboardV2.cursorSyncNames)
    spec["links"] = members.take("links") ?? []
    spec["annotations"] = .array(
      (members.take("annotations")?["list"]?.elements ?? []).map {
        DashboardV2Annotation.kind(fromClassic: $0, path: path, diagnostics: &diagnostics)
      })
    spec["variables"] = .array(
      (members.take("templating")?["list"]?.elements ?? []).compactMap {
        DashboardV2Variable.kind(fromClassic: $0, path: path, diagnostics: &diagnostics)
      })
    spec["timeSettings"] = timeSettings(&members, path: path, diagnostics: &diagnostics)
    let (elements, layout) = DashboardV2Layout.layout(
      fromClassic: members.take("panels")?.elements ?? [], path: path, diagnostics: &diagnostics)
    spec["elements"] = .object(elements)
    spec["layout"] = layout
    // Instance state in classic (Grafana's database id, the version counter, the schema version);
    // a resource has its own metadata for them.
    for key in ["id", "version", "schemaVersion"] { _ = members.take(key) }
    members.reportLeftover("dashboard key", at: path, into: &diagnostics)
    let resource: JSONValue = [
      "apiVersion": .string(DashboardV2.apiVersion), "kind": "Dashboard", "metadata": ["name": uid], "spec": .object(spec),
    ]
    return (resource, diagnostics)
  }

  private static func timeSettings(_ members: inout ClassicMembers, path: [PathElement], diagnostics: inout [Diagnostic]) -> JSONValue {
    let time = members.take("time")
    var settings: [String: JSONValue] = [
      "from": time?["from"] ?? "now-6h", "to": time?["to"] ?? "now", "autoRefresh": .string(members.take("refresh")?.text ?? ""),
      "fiscalYearStartMonth": members.take("fiscalYearStartMonth") ?? 0,
    ]
    members.move("timezone", to: &settings)
    if let weekStart = members.take("weekStart"), weekStart != "" { settings["weekStart"] = weekStart }
    var picker = ClassicMembers(members.take("timepicker"))
    settings["autoRefreshIntervals"] = picker.take("refresh_intervals") ?? DashboardV2.defaultRefreshIntervals
    settings["hideTimepicker"] = picker.take("hidden") ?? false
    if let ranges = picker.take("quick_ranges") { settings["quickRanges"] = ranges }
    if let delay = picker.take("nowDelay") { settings["nowDelay"] = delay }
    picker.reportLeftover("timepicker key", at: path, into: &diagnostics)
    return .object(settings)
  }
}
