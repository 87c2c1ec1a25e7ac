import MonitoringDSL

/// The classic `panels` list (rows as `row` panels, an open row followed by its panels, a collapsed one
/// carrying them) as v2 `elements` and `layout`, and back.
///
/// Every panel of the DSL has a computed position (the layout pass places the ones the spec does not),
/// so the layout is a `GridLayout` with those positions; with rows, a `RowsLayout` of `RowsLayoutRow`s,
/// each with a `GridLayout` whose positions start at the line under the row's header. Panels above the
/// first row become a row without a header (`hideHeader`), as Grafana converts them.
enum DashboardV2Layout {
  static func layout(
    fromClassic panels: [JSONValue], path: [PathElement], diagnostics: inout [Diagnostic]
  ) -> (elements: [String: JSONValue], layout: JSONValue) {
    var sections: [(row: JSONValue?, panels: [JSONValue])] = [(nil, [])]
    for panel in panels {
      guard panel["type"]?.text == "row" else {
        sections[sections.count - 1].panels.append(panel)
        continue
      }
      sections.append((panel, panel["collapsed"] == .bool(true) ? panel["panels"]?.elements ?? [] : []))
    }
    var elements: [String: JSONValue] = [:]
    func grid(_ panels: [JSONValue], top: Int, path: [PathElement]) -> JSONValue {
      let items = panels.map { panel in
        let (name, element, item) = DashboardV2Panel.element(fromClassic: panel, top: top, path: path, diagnostics: &diagnostics)
        if elements.updateValue(element, forKey: name) != nil {
          diagnostics.append(Diagnostic(path: path + [.panel(panel["title"]?.text ?? "")], message: "a second panel has id of \(name)"))
        }
        var spec = item
        spec["element"] = ["kind": "ElementReference", "name": .string(name)]
        return DashboardV2.kind("GridLayoutItem", spec)
      }
      return DashboardV2.kind("GridLayout", ["items": .array(items)])
    }
    guard sections.count > 1 else {
      let layout = grid(sections[0].panels, top: 0, path: path)
      return (elements, layout)
    }
    var rows: [JSONValue] = []
    if !sections[0].panels.isEmpty {
      rows.append(
        DashboardV2.kind(
          "RowsLayoutRow", ["title": "", "collapse": false, "hideHeader": true, "layout": grid(sections[0].panels, top: 0, path: path)]))
    }
    for (row, panels) in sections.dropFirst() {
      var members = ClassicMembers(row)
      let title = members.take("title") ?? ""
      let here = path + [.row(title.text ?? "")]
      let top = (members.take("gridPos")?["y"]?.integer ?? 0) + 1
      var spec: [String: JSONValue] = ["title": title, "collapse": members.take("collapsed") ?? false]
      if let variable = members.take("repeat") { spec["repeat"] = ["mode": "variable", "value": variable] }
      // The row's id and type are classic bookkeeping; its panels are the section's.
      for key in ["id", "type", "panels"] { _ = members.take(key) }
      members.reportLeftover("row key", at: here, into: &diagnostics)
      spec["layout"] = grid(panels, top: top, path: here)
      rows.append(DashboardV2.kind("RowsLayoutRow", spec))
    }
    return (elements, DashboardV2.kind("RowsLayout", ["rows": .array(rows)]))
  }

  /// The classic `panels` list of a v2 layout: rows stacked from the top as the layout pass stacks
  /// them (a collapsed row one line high), row ids handed out as the layout pass hands them out.
  static func classicPanels(elements: JSONValue?, layout: JSONValue?) -> [JSONValue] {
    func panels(of grid: JSONValue?, top: Int) -> [JSONValue] {
      (grid?["spec"]?["items"]?.elements ?? []).compactMap { item in
        guard let name = item["spec"]?["element"]?["name"]?.text, let element = elements?[name] else { return nil }
        return DashboardV2Panel.classic(element: element, item: item, top: top)
      }
    }
    guard layout?["kind"]?.text == "RowsLayout" else { return panels(of: layout, top: 0) }
    let panelElements: [String: JSONValue] = if case .object(let members)? = elements { members } else { [:] }
    var ids = PanelIDs(fixed: Set(panelElements.values.compactMap { $0["spec"]?["id"]?.integer }))
    var result: [JSONValue] = []
    var top = 0
    for row in layout?["spec"]?["rows"]?.elements ?? [] {
      let spec = row["spec"]
      let inner = panels(of: spec?["layout"], top: spec?["hideHeader"] == .bool(true) ? top : top + 1)
      let bottom = inner.map { ($0["gridPos"]?["y"]?.integer ?? 0) + ($0["gridPos"]?["h"]?.integer ?? 0) }.max()
      if spec?["hideHeader"] == .bool(true) {
        result += inner
        top = max(top, bottom ?? top)
        continue
      }
      let collapsed = spec?["collapse"] == .bool(true)
      var classic: [String: JSONValue] = [
        "collapsed": .bool(collapsed), "gridPos": ["h": 1, "w": 24, "x": 0, "y": .int(top)], "id": .int(ids.next(fixed: nil)),
        "panels": .array(collapsed ? inner : []), "title": spec?["title"] ?? "", "type": "row",
      ]
      if let variable = spec?["repeat"]?["value"] { classic["repeat"] = variable }
      result.append(.object(classic))
      if !collapsed { result += inner }
      top = collapsed ? top + 1 : max(top + 1, bottom ?? top + 1)
    }
    return result
  }
}
