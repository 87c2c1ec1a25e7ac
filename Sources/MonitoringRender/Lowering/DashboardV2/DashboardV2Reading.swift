public import MonitoringDSL

/// Reads a dashboard schema v2 resource back into the classic model, the inverse of
/// ``DashboardV2Lowering``: what `gen import` and `gen diff` read a v2 file as, so a v2 file
/// imports to the same spec as its classic twin and the two compare equal.
/// ```swift
/// let json = try JSONParser.parse(text)
/// let classic = DashboardV2Reading.isResource(json) ? DashboardV2Reading.classic(json) : json
/// ```
public enum DashboardV2Reading {
  /// Whether `json` is a v2 dashboard resource (`apiVersion: dashboard.grafana.app/v2…`, `kind: Dashboard`).
  public static func isResource(_ json: JSONValue) -> Bool { DashboardV2.isResource(json) }

  /// The classic model of a v2 resource, with `schemaVersion` (which v2 does not carry) as given.
  public static func classic(_ resource: JSONValue, schemaVersion: Int = GrafanaTarget.grafana13.schemaVersion) -> JSONValue {
    let spec = resource["spec"]
    var members = ClassicMembers(spec)
    var classic: [String: JSONValue] = [
      "id": .null, "version": 1, "schemaVersion": .int(schemaVersion), "uid": resource["metadata"]?["name"] ?? "",
    ]
    for key in ["title", "tags", "description", "editable", "liveNow", "links"] { members.move(key, to: &classic) }
    if let preload = members.take("preload"), preload != false { classic["preload"] = preload }
    classic["graphTooltip"] = DashboardV2.index(of: members.take("cursorSync"), in: DashboardV2.cursorSyncNames)
    classic["annotations"] = ["list": .array((members.take("annotations")?.elements ?? []).map(DashboardV2Annotation.classic))]
    classic["templating"] = ["list": .array((members.take("variables")?.elements ?? []).compactMap(DashboardV2Variable.classic))]
    classic["panels"] = .array(DashboardV2Layout.classicPanels(elements: members.take("elements"), layout: members.take("layout")))
    var time = ClassicMembers(members.take("timeSettings"))
    classic["time"] = ["from": time.take("from") ?? "now-6h", "to": time.take("to") ?? "now"]
    classic["refresh"] = time.take("autoRefresh") ?? ""
    classic["fiscalYearStartMonth"] = time.take("fiscalYearStartMonth") ?? 0
    classic["weekStart"] = time.take("weekStart") ?? ""
    time.move("timezone", to: &classic)
    var picker: [String: JSONValue] = [:]
    if let intervals = time.take("autoRefreshIntervals"), intervals != DashboardV2.defaultRefreshIntervals {
      picker["refresh_intervals"] = intervals
    }
    if let hidden = time.take("hideTimepicker"), hidden == true { picker["hidden"] = hidden }
    if let ranges = time.take("quickRanges") { picker["quick_ranges"] = ranges }
    if let delay = time.take("nowDelay") { picker["nowDelay"] = delay }
    classic["timepicker"] = .object(picker)
    return .object(classic)
  }
}
