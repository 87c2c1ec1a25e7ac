import MonitoringDSL

/// Template variables in the shape Grafana saves them.
enum VariableLowering {
  static func json(_ variable: Variable) -> JSONValue {
    variable.applyingRawJSON(to: typed(variable))
  }

  private static func typed(_ variable: Variable) -> JSONValue {
    var members: [String: JSONValue] = [
      "hide": .int(variable.visibility.rawValue),
      "name": .string(variable.name),
      "type": .string(variable.kind.typeID),
      "skipUrlSync": false,
    ]
    if let label = variable.label { members["label"] = .string(label) }
    if let description = variable.description { members["description"] = .string(description) }
    switch variable.kind {
    case .datasource(let type):
      members["query"] = .string(type.rawValue)
      members["refresh"] = 1
      members["regex"] = .string(variable.regex ?? "")
      addSelection(variable, to: &members)
    case .query(let query, let datasource, let refresh, let sort):
      members["datasource"] = DashboardLowering.datasourceJSON(datasource)
      members["definition"] = .string(query)
      members["query"] = ["query": .string(query), "refId": "PrometheusVariableQueryEditor-VariableQuery"]
      members["refresh"] = .int(refresh.rawValue)
      members["regex"] = .string(variable.regex ?? "")
      members["sort"] = .int(sort.rawValue)
      addSelection(variable, to: &members)
    case .custom(let values):
      members["query"] = .string(values.joined(separator: ","))
      addOptions(values.map(Variable.optionText), of: variable, to: &members)
      addSelection(variable, to: &members)
    case .interval(let values):
      let texts = values.map(\.text)
      members["query"] = .string(texts.joined(separator: ","))
      members["auto"] = false
      members["auto_count"] = 30
      members["auto_min"] = "10s"
      members["refresh"] = 2
      addOptions(texts, of: variable, to: &members)
    case .constant(let value), .textbox(let value):
      members["query"] = .string(value)
      addOptions([value], of: variable, to: &members)
    case .adhoc(let datasource, let filters, let baseFilters, let defaultKeys, let allowsCustomValues):
      // Grafana reads absent lists as empty ones; the dashboard schema's variable model has no
      // member for them, so empty ones are left out.
      members["datasource"] = DashboardLowering.datasourceJSON(datasource)
      if !filters.isEmpty { members["filters"] = filtersJSON(filters) }
      if !baseFilters.isEmpty { members["baseFilters"] = filtersJSON(baseFilters) }
      if !defaultKeys.isEmpty { members["defaultKeys"] = .array(defaultKeys.map { ["text": .string($0), "value": .string($0)] }) }
      if !allowsCustomValues { members["allowCustomValue"] = false }
    }
    if let current = variable.current ?? variable.defaultSelection { members["current"] = selectionJSON(current) }
    return .object(members)
  }

  private static func selectionJSON(_ selection: VariableSelection) -> JSONValue {
    func values(_ values: VariableSelection.Values) -> JSONValue {
      switch values {
      case .one(let value): .string(value)
      case .several(let list): .array(list.map(JSONValue.string))
      }
    }
    var members: [String: JSONValue] = ["text": values(selection.text), "value": values(selection.value)]
    if let selected = selection.selected { members["selected"] = .bool(selected) }
    return .object(members)
  }

  private static func addSelection(_ variable: Variable, to members: inout [String: JSONValue]) {
    members["multi"] = .bool(variable.allowsMultiple)
    members["includeAll"] = .bool(variable.includesAll)
    if let allValue = variable.allValue { members["allValue"] = .string(allValue) }
  }

  private static func filtersJSON(_ filters: [AdHocFilter]) -> JSONValue {
    .array(filters.map { ["key": .string($0.key), "operator": .string($0.operator.rawValue), "value": .string($0.value)] })
  }

  /// Fixed option lists, as Grafana saves them: the current value selected (the first by default).
  private static func addOptions(_ values: [String], of variable: Variable, to members: inout [String: JSONValue]) {
    let selected = (variable.current ?? variable.defaultSelection)?.value.list ?? []
    members["options"] = .array(
      values.map { value in ["selected": .bool(selected.contains(value)), "text": .string(value), "value": .string(value)] })
  }
}
