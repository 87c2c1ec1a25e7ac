import MonitoringDSL

/// Template variables as typed ``Variable``s: datasource, query, custom, interval, constant, textbox
/// and ad-hoc filters. Other kinds (groupby, switch) stay raw JSON on the dashboard.
enum VariableImporter {
  static func variable(_ json: JSONValue) -> Variable? {
    guard let name = json["name"]?.text, !name.isEmpty else { return nil }
    var variable: Variable
    switch json["type"]?.text {
    case "datasource":
      variable = .datasource(name, type: DatasourceType(rawValue: json["query"]?.text ?? "prometheus"))
    case "query":
      let query = json["query"]?["query"]?.text ?? json["query"]?.text ?? json["definition"]?.text ?? ""
      let datasource = PanelImporter.datasource(json["datasource"]) ?? LegacyPanels.legacyDatasource(json["datasource"]) ?? .prometheus("prometheus")
      variable = .query(
        name, query.isEmpty ? "label_values(up, job)" : query, datasource: datasource,
        refresh: json["refresh"]?.integer == 1 ? .onDashboardLoad : .onTimeRangeChange,
        sort: Variable.Sort(rawValue: json["sort"]?.integer ?? 1) ?? .alphabeticalAscending)
    case "custom":
      let values = (json["query"]?.text ?? "").split(separator: ",").map { String($0) }
      guard !values.isEmpty else { return nil }
      variable = .custom(name, values)
    case "interval":
      let values = (json["query"]?.text ?? "").split(separator: ",").map { PromDuration(String($0)) }
      guard !values.isEmpty, values.allSatisfy({ $0.milliseconds != nil }) else { return nil }
      variable = .interval(name, values)
    case "constant":
      variable = .constant(name, json["query"]?.text ?? "")
    case "textbox":
      variable = .textbox(name, default: json["query"]?.text ?? "")
    case "adhoc":
      let datasource = PanelImporter.datasource(json["datasource"]) ?? .prometheus("prometheus")
      variable = .adhoc(
        name, datasource: datasource, filters: filters(json["filters"]), baseFilters: filters(json["baseFilters"]),
        defaultKeys: (json["defaultKeys"]?.elements ?? []).compactMap { $0["text"]?.text ?? $0.text },
        allowsCustomValues: json["allowCustomValue"] != .bool(false))
    default:
      return nil
    }
    if case .string(let label)? = json["label"] { variable.label = label }
    if case .string(let description)? = json["description"] { variable.description = description }
    variable.visibility = Variable.Visibility(rawValue: json["hide"]?.integer ?? 0) ?? .visible
    // The DSL types "All" with multiple selection (`.multi(includeAll:allValue:)`); alone it stays raw.
    if json["multi"] == .bool(true) {
      variable.allowsMultiple = true
      if json["includeAll"] == .bool(true) { variable.includesAll = true }
      if let allValue = json["allValue"]?.text, !allValue.isEmpty { variable.allValue = allValue }
    }
    if let regex = json["regex"]?.text, !regex.isEmpty { variable.regex = regex }
    if let current = selection(json["current"]), current != variable.defaultSelection { variable.current = current }
    return variable
  }

  /// `current` of text, value and Grafana's `selected` flag; anything else stays raw JSON.
  static func selection(_ json: JSONValue?) -> VariableSelection? {
    guard let json, Set(json.objectKeys).isSubset(of: ["text", "value", "selected"]) else { return nil }
    func values(_ json: JSONValue?) -> VariableSelection.Values? {
      switch json {
      case .string(let value)?: .one(value)
      case .array(let list)?:
        list.allSatisfy { $0.text != nil && $0.number == nil } ? .several(list.compactMap(\.text)) : nil
      default: nil
      }
    }
    guard let text = values(json["text"]), let value = values(json["value"]) else { return nil }
    var selected: Bool?
    if let flag = json["selected"] {
      guard case .bool(let value) = flag else { return nil }
      selected = value
    }
    return VariableSelection(text: text, value: value, selected: selected)
  }

  /// `[{"key", "operator", "value"}]`; a filter of another shape (multi-value operators) stays raw JSON.
  private static func filters(_ json: JSONValue?) -> [AdHocFilter] {
    (json?.elements ?? []).compactMap { filter in
      guard let key = filter["key"]?.text, let op = filter["operator"]?.text.flatMap(AdHocFilter.Operator.init),
        let value = filter["value"]?.text
      else { return nil }
      return AdHocFilter(key, op, value)
    }
  }
}
