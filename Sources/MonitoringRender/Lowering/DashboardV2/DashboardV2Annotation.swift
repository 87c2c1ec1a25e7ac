import MonitoringDSL

/// An annotation query between the classic model (datasource, a Grafana `target` or the
/// datasource's own members at the top level, `builtIn: 1`) and v2's `AnnotationQuery`, whose
/// `DataQuery` spec holds the target or those members.
enum DashboardV2Annotation {
  /// Datasource types whose annotations are read through a classic `target` (Grafana's own).
  static let targetGroups: Set = ["grafana", "datasource"]

  static func kind(fromClassic annotation: JSONValue, path: [PathElement], diagnostics: inout [Diagnostic]) -> JSONValue {
    var members = ClassicMembers(annotation)
    var spec: [String: JSONValue] = [
      "name": members.take("name") ?? "", "enable": members.take("enable") ?? true, "hide": members.take("hide") ?? false,
      "iconColor": members.take("iconColor") ?? "",
    ]
    let here = path + [.annotation(spec["name"]?.text ?? "")]
    if let builtIn = members.take("builtIn"), builtIn != 0, builtIn != false {
      spec["builtIn"] = true
      // Classic's built-in entry is of type "dashboard"; v2 says builtIn.
      if members.members["type"] == "dashboard" { _ = members.take("type") }
    }
    members.move("filter", to: &spec)
    let datasource = members.take("datasource")
    let querySpec: JSONValue
    if let target = members.take("target") {
      querySpec = target
      members.reportLeftover("annotation key (beside a target)", at: here, into: &diagnostics)
    } else {
      querySpec = .object(members.members)
    }
    spec["query"] = DashboardV2.dataQuery(datasource: datasource, spec: querySpec)
    return DashboardV2.kind("AnnotationQuery", spec)
  }

  static func classic(_ annotation: JSONValue) -> JSONValue {
    var spec = ClassicMembers(annotation["spec"])
    var classic: [String: JSONValue] = [:]
    for key in ["name", "enable", "hide", "iconColor", "filter"] { spec.move(key, to: &classic) }
    if spec.take("builtIn") == .bool(true) {
      classic["builtIn"] = 1
      classic["type"] = "dashboard"
    }
    let query = spec.take("query")
    if let datasource = DashboardV2.classicDatasource(of: query) { classic["datasource"] = datasource }
    let querySpec: [String: JSONValue] = if case .object(let members)? = query?["spec"] { members } else { [:] }
    if targetGroups.contains(query?["group"]?.text ?? "") {
      if !querySpec.isEmpty { classic["target"] = .object(querySpec) }
    } else {
      classic.merge(querySpec) { old, _ in old }
    }
    return .object(classic)
  }
}
