import MonitoringDSL

/// A template variable between the classic model (`type`, integer `hide`/`refresh`/`sort`) and v2's
/// variable kinds (`QueryVariable`, `CustomVariable`, `IntervalVariable`, `ConstantVariable`,
/// `TextVariable`, `DatasourceVariable`, `AdhocVariable`), whose enums are names.
enum DashboardV2Variable {
  /// Classic type → v2 kind, for every variable kind the DSL types.
  static let kinds: [(type: String, kind: String)] = [
    ("query", "QueryVariable"), ("custom", "CustomVariable"), ("interval", "IntervalVariable"), ("constant", "ConstantVariable"),
    ("textbox", "TextVariable"), ("datasource", "DatasourceVariable"), ("adhoc", "AdhocVariable"),
  ]

  static func kind(fromClassic variable: JSONValue, path: [PathElement], diagnostics: inout [Diagnostic]) -> JSONValue? {
    var members = ClassicMembers(variable)
    let type = members.take("type")?.text ?? ""
    let name = members.take("name") ?? ""
    let here = path + [.variable(name.text ?? "")]
    guard let kind = kinds.first(where: { $0.type == type })?.kind else {
      diagnostics.append(Diagnostic(path: here, message: "the dashboard schema v2 has no variable of type \"\(type)\""))
      return nil
    }
    var spec: [String: JSONValue] = [
      "name": name, "hide": DashboardV2.name(of: members.take("hide"), in: DashboardV2.hideNames),
      "skipUrlSync": members.take("skipUrlSync") ?? false,
    ]
    members.move("label", to: &spec)
    if type != "adhoc" { members.move("current", to: &spec, default: ["text": "", "value": ""]) }
    var envelope: [String: JSONValue] = ["kind": .string(kind)]
    switch type {
    case "query":
      let datasource = members.take("datasource")
      spec["query"] = DashboardV2.dataQuery(datasource: datasource, spec: members.take("query") ?? [:])
      spec["refresh"] = DashboardV2.name(of: members.take("refresh"), in: DashboardV2.refreshNames)
      spec["sort"] = DashboardV2.name(of: members.take("sort"), in: DashboardV2.sortNames)
      members.move("definition", to: &spec)
      moveSelection(&members, to: &spec, regex: true)
    case "datasource":
      spec["pluginId"] = members.take("query") ?? ""
      spec["refresh"] = DashboardV2.name(of: members.take("refresh"), in: DashboardV2.refreshNames)
      moveSelection(&members, to: &spec, regex: true)
    case "custom":
      members.move("query", to: &spec, default: "")
      moveSelection(&members, to: &spec, regex: false)
    case "interval":
      for (key, fallback) in [("query", ""), ("options", []), ("auto", false), ("auto_min", ""), ("auto_count", 0)] as [(String, JSONValue)] {
        members.move(key, to: &spec, default: fallback)
      }
      _ = members.take("refresh")
      spec["refresh"] = "onTimeRangeChanged"
    case "constant", "textbox":
      members.move("query", to: &spec, default: "")
      // Classic lists the value as the one option; v2 has none to list.
      _ = members.take("options")
    default:  // adhoc
      let datasource = members.take("datasource")
      envelope["group"] = .string(datasource?["type"]?.text ?? "")
      if let uid = datasource?["uid"]?.text { envelope["datasource"] = ["name": .string(uid)] }
      for key in ["filters", "baseFilters", "defaultKeys"] { members.move(key, to: &spec, default: []) }
      members.move("allowCustomValue", to: &spec, default: true)
    }
    members.reportLeftover("a variable's", at: here, into: &diagnostics)
    envelope["spec"] = .object(spec)
    return .object(envelope)
  }

  private static func moveSelection(_ members: inout ClassicMembers, to spec: inout [String: JSONValue], regex: Bool) {
    if regex { members.move("regex", to: &spec, default: "") }
    members.move("options", to: &spec, default: [])
    members.move("multi", to: &spec, default: false)
    members.move("includeAll", to: &spec, default: false)
    members.move("allValue", to: &spec)
    members.move("allowCustomValue", to: &spec, default: true)
  }

  /// The classic variable of a v2 variable kind: the inverse of ``kind(fromClassic:path:diagnostics:)``.
  static func classic(_ variable: JSONValue) -> JSONValue? {
    guard let type = kinds.first(where: { $0.kind == variable["kind"]?.text })?.type else { return nil }
    var spec = ClassicMembers(variable["spec"])
    var classic: [String: JSONValue] = [
      "type": .string(type), "hide": DashboardV2.index(of: spec.take("hide"), in: DashboardV2.hideNames),
    ]
    for key in ["name", "label", "skipUrlSync", "definition", "regex", "multi", "includeAll", "allValue", "query"] {
      spec.move(key, to: &classic)
    }
    if let current = spec.take("current"), current != ["text": "", "value": ""] { classic["current"] = current }
    if let allowCustom = spec.take("allowCustomValue"), allowCustom == .bool(false) { classic["allowCustomValue"] = allowCustom }
    if let options = spec.take("options"), type != "query" && type != "datasource" || options != [] { classic["options"] = options }
    switch type {
    case "query":
      classic["datasource"] = DashboardV2.classicDatasource(of: classic["query"])
      classic["query"] = classic["query"]?["spec"]
      classic["refresh"] = DashboardV2.index(of: spec.take("refresh"), in: DashboardV2.refreshNames)
      classic["sort"] = DashboardV2.index(of: spec.take("sort"), in: DashboardV2.sortNames)
    case "datasource":
      classic["query"] = spec.take("pluginId") ?? ""
      classic["refresh"] = DashboardV2.index(of: spec.take("refresh"), in: DashboardV2.refreshNames)
    case "interval":
      for key in ["auto", "auto_min", "auto_count"] { spec.move(key, to: &classic) }
      classic["refresh"] = 2
    case "constant", "textbox":
      let value = classic["query"] ?? ""
      let selected = classic["current"]?["value"].map { $0.elements.isEmpty ? [$0] : $0.elements } ?? []
      classic["options"] = [["selected": .bool(selected.contains(value)), "text": value, "value": value]]
    case "adhoc":
      classic["datasource"] = DashboardV2.classicDatasource(of: variable)
      for key in ["filters", "baseFilters", "defaultKeys"] {
        if let list = spec.take(key), list != [] { classic[key] = list }
      }
    default: break
    }
    return .object(classic)
  }
}
