import MonitoringDSL

/// The names and small shapes of Grafana's dashboard schema v2 (`dashboard.grafana.app/v2beta1`)
/// that every part of the conversion shares: a kind is `{"kind": …, "spec": …}`, a query a
/// `DataQuery` with the datasource type as its group and the uid as its name.
enum DashboardV2 {
  static let apiVersion = "dashboard.grafana.app/v2beta1"
  static let group = "dashboard.grafana.app/"

  /// `{"kind": kind, "spec": spec}`.
  static func kind(_ kind: String, _ spec: [String: JSONValue]) -> JSONValue {
    ["kind": .string(kind), "spec": .object(spec)]
  }

  /// A `DataQuery` of the classic datasource reference `datasource` (`{"type", "uid"}`).
  static func dataQuery(datasource: JSONValue?, group fallbackGroup: String = "", spec: JSONValue) -> JSONValue {
    var query: [String: JSONValue] = [
      "kind": "DataQuery", "group": .string(datasource?["type"]?.text ?? fallbackGroup), "version": "v0", "spec": spec,
    ]
    if let uid = datasource?["uid"]?.text ?? datasource?.text { query["datasource"] = ["name": .string(uid)] }
    return .object(query)
  }

  /// The classic datasource reference of a `DataQuery`, `nil` when it names none.
  static func classicDatasource(of query: JSONValue?) -> JSONValue? {
    guard let name = query?["datasource"]?["name"]?.text else { return nil }
    return ["type": .string(query?["group"]?.text ?? ""), "uid": .string(name)]
  }

  /// Whether `json` is a v2 dashboard resource (any `dashboard.grafana.app/v2…` version).
  static func isResource(_ json: JSONValue) -> Bool {
    guard let apiVersion = json["apiVersion"]?.text, json["kind"]?.text == "Dashboard", json["spec"] != nil else { return false }
    return apiVersion.hasPrefix(group + "v2")
  }

  /// A classic enum stored as an integer, written by name in v2 (`hide: 2` → `"hideVariable"`).
  static func name(of value: JSONValue?, in names: [String], default fallback: Int = 0) -> JSONValue {
    let index = value?.integer ?? fallback
    return .string(names.indices.contains(index) ? names[index] : names[fallback])
  }

  /// The classic integer of a v2 enum name.
  static func index(of value: JSONValue?, in names: [String], default fallback: Int = 0) -> JSONValue {
    .int(value?.text.flatMap { names.firstIndex(of: $0) } ?? fallback)
  }

  static let cursorSyncNames = ["Off", "Crosshair", "Tooltip"]
  static let hideNames = ["dontHide", "hideLabel", "hideVariable"]
  static let refreshNames = ["never", "onDashboardLoad", "onTimeRangeChanged"]
  static let sortNames = [
    "disabled", "alphabeticalAsc", "alphabeticalDesc", "numericalAsc", "numericalDesc", "alphabeticalCaseInsensitiveAsc",
    "alphabeticalCaseInsensitiveDesc", "naturalAsc", "naturalDesc",
  ]
  /// Grafana's refresh picker intervals, which v2 requires and classic leaves out.
  static let defaultRefreshIntervals: JSONValue = ["5s", "10s", "30s", "1m", "5m", "15m", "30m", "1h", "2h", "1d"]
}
