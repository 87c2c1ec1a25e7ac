import MonitoringDSL

/// A panel between the classic model and the v2 `Panel` element. The classic panel is what
/// ``PanelLowering`` writes (each kind's `options` and `fieldConfig`, the queries, raw JSON merged
/// in); v2 keeps `options` and `fieldConfig` as they are under `vizConfig.spec`, the queries as
/// `PanelQuery`s in a `QueryGroup` with the query options, and the grid position and repeat on the
/// layout item.
enum DashboardV2Panel {
  /// The members of a classic panel the query group's `queryOptions` holds.
  static let queryOptionKeys = ["cacheTimeout", "hideTimeOverride", "interval", "maxDataPoints", "queryCachingTTL", "timeFrom", "timeShift"]

  /// The element's name: Grafana's `panel-<id>`.
  static func elementName(id: Int) -> String { "panel-\(id)" }

  /// The element of a classic panel, and the layout item's members (`x`, `y`, `width`, `height`,
  /// `repeat`; `y` from the top of the grid the item is in, `top`).
  static func element(
    fromClassic panel: JSONValue, top: Int, path: [PathElement], diagnostics: inout [Diagnostic]
  ) -> (name: String, element: JSONValue, item: [String: JSONValue]) {
    var members = ClassicMembers(panel)
    let title = members.take("title") ?? ""
    let here = path + [.panel(title.text ?? "")]
    let id = members.take("id")?.integer ?? 0
    var spec: [String: JSONValue] = [
      "id": .int(id), "title": title, "description": members.take("description") ?? "",
      "links": .array(links(fromClassic: members.take("links"), path: here, diagnostics: &diagnostics)),
    ]
    members.move("transparent", to: &spec)
    let type = members.take("type")?.text ?? ""
    let datasource = members.take("datasource")
    var queryOptions: [String: JSONValue] = [:]
    for key in queryOptionKeys { members.move(key, to: &queryOptions) }
    let queries = (members.take("targets")?.elements ?? []).map { query(fromClassic: $0, panelDatasource: datasource) }
    let transformations = (members.take("transformations")?.elements ?? []).enumerated().map { index, transformation in
      DashboardV2Transformation.kind(fromClassic: transformation, path: here, index: index, diagnostics: &diagnostics)
    }
    spec["data"] = DashboardV2.kind(
      "QueryGroup", ["queries": .array(queries), "transformations": .array(transformations), "queryOptions": .object(queryOptions)])
    spec["vizConfig"] = [
      "kind": "VizConfig", "group": .string(type), "version": members.take("pluginVersion") ?? "",
      "spec": ["options": members.take("options") ?? [:], "fieldConfig": members.take("fieldConfig") ?? ["defaults": [:], "overrides": []]],
    ]
    let grid = members.take("gridPos")
    var item: [String: JSONValue] = [
      "x": .int(grid?["x"]?.integer ?? 0), "y": .int((grid?["y"]?.integer ?? 0) - top),
      "width": .int(grid?["w"]?.integer ?? 0), "height": .int(grid?["h"]?.integer ?? 0),
    ]
    if let variable = members.take("repeat") {
      var repeatSpec: [String: JSONValue] = ["mode": "variable", "value": variable]
      if let direction = members.take("repeatDirection") { repeatSpec["direction"] = direction }
      members.move("maxPerRow", to: &repeatSpec)
      item["repeat"] = .object(repeatSpec)
    }
    members.reportLeftover("panel key", at: here, into: &diagnostics)
    return (elementName(id: id), DashboardV2.kind("Panel", spec), item)
  }

  /// The classic panel of an element at `item` (`y` from `top`): the inverse of ``element(fromClassic:top:path:diagnostics:)``.
  static func classic(element: JSONValue, item: JSONValue, top: Int) -> JSONValue {
    var panel = ClassicMembers(element["spec"])
    var classic: [String: JSONValue] = [:]
    for key in ["id", "title", "transparent"] { panel.move(key, to: &classic) }
    if let description = panel.take("description"), description != "" { classic["description"] = description }
    let links = panel.take("links")?.elements ?? []
    if !links.isEmpty { classic["links"] = .array(links.map(classicLink)) }
    let viz = element["spec"]?["vizConfig"]
    let type = viz?["group"]?.text ?? ""
    classic["type"] = .string(type)
    classic["pluginVersion"] = viz?["version"] ?? ""
    classic["options"] = viz?["spec"]?["options"] ?? [:]
    classic["fieldConfig"] = viz?["spec"]?["fieldConfig"] ?? ["defaults": [:], "overrides": []]
    let data = element["spec"]?["data"]?["spec"]
    if case .object(let options)? = data?["queryOptions"] { classic.merge(options) { _, new in new } }
    let queries = data?["queries"]?.elements ?? []
    if PanelKinds.kind(typeID: type)?.runsQueries ?? !queries.isEmpty {
      classic["targets"] = .array(queries.map(classicTarget))
      if let datasource = panelDatasource(queries) { classic["datasource"] = datasource }
    }
    let transformations = data?["transformations"]?.elements ?? []
    if !transformations.isEmpty { classic["transformations"] = .array(transformations.map { $0["spec"] ?? [:] }) }
    let spec = item["spec"]
    classic["gridPos"] = [
      "x": spec?["x"] ?? 0, "y": .int((spec?["y"]?.integer ?? 0) + top), "w": spec?["width"] ?? 0, "h": spec?["height"] ?? 0,
    ]
    if let repeatSpec = spec?["repeat"] {
      classic["repeat"] = repeatSpec["value"] ?? ""
      if let direction = repeatSpec["direction"] { classic["repeatDirection"] = direction }
      if let maxPerRow = repeatSpec["maxPerRow"] { classic["maxPerRow"] = maxPerRow }
    }
    return .object(classic)
  }

  // MARK: - Queries

  private static func query(fromClassic target: JSONValue, panelDatasource: JSONValue?) -> JSONValue {
    var members = ClassicMembers(target)
    let datasource = members.take("datasource")
    let refID = members.take("refId") ?? ""
    let hidden = members.take("hide") == .bool(true)
    let query = DashboardV2.dataQuery(
      datasource: datasource, group: panelDatasource?["type"]?.text ?? "", spec: .object(members.members))
    return DashboardV2.kind("PanelQuery", ["refId": refID, "hidden": .bool(hidden), "query": query])
  }

  private static func classicTarget(_ query: JSONValue) -> JSONValue {
    let spec = query["spec"]
    var target: [String: JSONValue] = if case .object(let members)? = spec?["query"]?["spec"] { members } else { [:] }
    if let datasource = DashboardV2.classicDatasource(of: spec?["query"]) { target["datasource"] = datasource }
    if let refID = spec?["refId"], refID != "" { target["refId"] = refID }
    if spec?["hidden"] == .bool(true) { target["hide"] = true }
    return .object(target)
  }

  /// The panel's datasource as classic writes it: its queries' one, or Grafana's mixed one when they differ.
  private static func panelDatasource(_ queries: [JSONValue]) -> JSONValue? {
    let datasources = queries.compactMap { DashboardV2.classicDatasource(of: $0["spec"]?["query"]) }
    guard let first = datasources.first else { return nil }
    return datasources.allSatisfy { $0 == first } ? first : ["type": "datasource", "uid": "-- Mixed --"]
  }

  // MARK: - Links

  /// v2 panel links are data links (`title`, `url`, `targetBlank`): a classic panel link with more
  /// than that (a dashboards list by tag, variables or time range carried, a tooltip) has no place.
  private static func links(fromClassic links: JSONValue?, path: [PathElement], diagnostics: inout [Diagnostic]) -> [JSONValue] {
    (links?.elements ?? []).map { link in
      var members = ClassicMembers(link)
      var data: [String: JSONValue] = ["title": members.take("title") ?? "", "url": members.take("url") ?? ""]
      members.move("targetBlank", to: &data)
      // What the classic shape always writes, at the values a data link means.
      let defaults: [String: JSONValue] = [
        "asDropdown": false, "icon": "external link", "includeVars": false, "keepTime": false, "tags": [], "tooltip": "", "type": "link",
      ]
      for (key, value) in defaults where members.members[key] == value { _ = members.take(key) }
      members.reportLeftover("a panel link (v2 panel links are data links: title, url, targetBlank) with", at: path, into: &diagnostics)
      return .object(data)
    }
  }

  private static func classicLink(_ link: JSONValue) -> JSONValue {
    [
      "asDropdown": false, "icon": "external link", "includeVars": false, "keepTime": false, "tags": [],
      "targetBlank": link["targetBlank"] ?? false, "title": link["title"] ?? "", "tooltip": "", "type": "link",
      "url": link["url"] ?? "",
    ]
  }
}
