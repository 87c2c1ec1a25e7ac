import MonitoringDSL

/// Angular `graph` and `singlestat` panels as the time series and stat (or gauge) panels Grafana
/// turns them into. The keys that have no counterpart are listed in a note, not kept: Grafana
/// drops them too.
enum LegacyPanels {
  static func isLegacy(_ json: JSONValue) -> Bool { ["graph", "singlestat"].contains(json["type"]?.text ?? "") }

  /// Keys every panel kind has; a migrated panel keeps them as they were.
  static let panelKeys: Set = [
    "links", "timeFrom", "timeShift", "hideTimeOverride", "repeat", "repeatDirection", "maxPerRow", "cacheTimeout",
    "transformations", "libraryPanel",
  ]

  /// What Grafana holds for a legacy panel: the migrated panel with the input's panel-wide keys.
  static func expected(migrated: JSONValue, input: JSONValue) -> JSONValue {
    guard case .object(let members) = input else { return migrated }
    return migrated.merging(.object(members.filter { panelKeys.contains($0.key) }))
  }

  /// The migrations done, by conversion (`graph → timeseries`): how many panels, and the keys that
  /// had no counterpart, for one note each instead of one per panel.
  struct Summary {
    private var conversions: [String: (count: Int, dropped: Set<String>)] = [:]

    mutating func record(_ conversion: String, dropped: [String]) {
      conversions[conversion, default: (0, [])].count += 1
      conversions[conversion, default: (0, [])].dropped.formUnion(dropped)
    }

    var notes: [ImportNote] {
      conversions.keys.sorted().map { conversion in
        let (count, dropped) = conversions[conversion] ?? (0, [])
        return .migrated(
          "\(conversion): \(count) panel\(count == 1 ? "" : "s")"
            + (dropped.isEmpty ? "" : "; keys with no counterpart, dropped as Grafana drops them: \(dropped.sorted().joined(separator: ", "))"))
      }
    }
  }

  static func panel(_ json: JSONValue, sectionTop: Int, notes: inout [ImportNote], summary: inout Summary) -> Panel {
    var carried = panelKeys.union([
      "type", "title", "description", "datasource", "targets", "gridPos", "id", "transparent", "interval", "maxDataPoints",
    ])
    let isGraph = json["type"]?.text == "graph"
    let newType = isGraph ? "timeseries" : (json["gauge"]?["show"] == .bool(true) ? "gauge" : "stat")
    var panel = PanelImporter.panel(json.merging(["type": .string(newType)]), sectionTop: sectionTop, notes: &notes)
    panel.kind = AnyPanelKind(type(of: panel.kind.base).newPanel)  // Grafana's migration starts from a new panel
    panel.datasource = panel.datasource ?? legacyDatasource(json["datasource"])
    for index in panel.queries.indices where panel.queries[index].datasource == nil {
      panel.queries[index].datasource = legacyDatasource(json["targets"]?.elements[index]["datasource"])
    }
    if isGraph {
      carried.formUnion(graph(json, into: &panel))
    } else {
      carried.formUnion(singlestat(json, into: &panel))
    }
    summary.record("\(json["type"]?.text ?? "") → \(newType)", dropped: json.objectKeys.filter { !carried.contains($0) })
    return panel
  }

  /// A datasource named by a string: `$name` is a variable, anything else a uid (Grafana's fallback
  /// when no datasource of that name exists).
  static func legacyDatasource(_ json: JSONValue?) -> DatasourceRef? {
    guard case .string(let name)? = json, !name.isEmpty else { return nil }
    if name.hasPrefix("$") {
      return .variable(name.hasPrefix("${") ? String(name.dropFirst(2).dropLast()) : String(name.dropFirst()))
    }
    return .prometheus(name)
  }

  private static func graph(_ json: JSONValue, into panel: inout Panel) -> Set<String> {
    let axis = json["yaxes"]?.elements.first
    if let format = axis?["format"]?.text, !format.isEmpty { panel.field.unit = ValueUnit(rawValue: format) }
    if let decimals = (axis?["decimals"] ?? json["decimals"])?.integer { panel.field.decimals = decimals }
    let min = axis?["min"].flatMap { $0.number ?? $0.text.flatMap(Double.init) }
    let max = axis?["max"].flatMap { $0.number ?? $0.text.flatMap(Double.init) }
    if min.flatMap({ low in max.map { low < $0 } }) ?? true {
      panel.field.min = min
      panel.field.max = max
    }
    var series = panel.kind[TimeSeriesPanel.self] ?? TimeSeriesPanel.newPanel
    if json["bars"] == .bool(true) {
      series.fieldConfig.drawStyle = .bars
    } else if json["points"] == .bool(true), json["lines"] == .bool(false) {
      series.fieldConfig.drawStyle = .points
    }
    if let width = json["linewidth"]?.number { series.fieldConfig.lineWidth = width }
    if let fill = json["fill"]?.number { series.fieldConfig.fillOpacity = Swift.min(fill * 10, 100) }
    if json["stack"] == .bool(true) {
      series.fieldConfig.stacking = .init(group: "A", mode: json["percentage"] == .bool(true) ? .percent : .normal)
    }
    if json["nullPointMode"]?.text == "connected" { series.fieldConfig.spanNulls = true }
    if json["steppedLine"] == .bool(true) { series.fieldConfig.lineInterpolation = .stepAfter }
    series.fieldConfig.showPoints = json["points"] == .bool(true) ? .always : .never
    panel.kind = AnyPanelKind(series)
    if let legend = json["legend"] {
      var calcs: [ReduceCalculation] = []
      for (key, calc) in [("current", ReduceCalculation.lastNotNull), ("min", .min), ("max", .max), ("avg", .mean), ("total", .sum)]
      where legend[key] == .bool(true) {
        calcs.append(calc)
      }
      panel = panel.legend(
        legend["show"] == .bool(false)
          ? .hidden
          : LegendOptions(
            displayMode: legend["alignAsTable"] == .bool(true) ? .table : .list,
            placement: legend["rightSide"] == .bool(true) ? .right : .bottom, calcs: calcs))
    }
    if let tooltip = json["tooltip"] {
      let sort: TooltipOptions.Sort = switch tooltip["sort"]?.integer { case 1: .descending; case 2: .ascending; default: .none }
      panel = panel.tooltip(TooltipOptions(mode: tooltip["shared"] == .bool(false) ? .single : .multi, sort: sort))
    }
    return ["yaxes", "decimals", "bars", "points", "lines", "linewidth", "fill", "stack", "percentage", "nullPointMode", "steppedLine", "legend", "tooltip"]
  }

  /// Grafana's `migrateSinglestat`: thresholds from the comma list and `colors`, unit from `format`.
  private static func singlestat(_ json: JSONValue, into panel: inout Panel) -> Set<String> {
    if let format = json["format"]?.text, !format.isEmpty, format != "none" { panel.field.unit = ValueUnit(rawValue: format) }
    if let decimals = json["decimals"]?.integer { panel.field.decimals = decimals }
    let values = (json["thresholds"]?.text ?? "").split(separator: ",").compactMap { Double($0.trimmingSpaces) }
    if !values.isEmpty {
      let colors = json["colors"]?.elements.compactMap(\.text) ?? []
      let fallback = ["#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a"]
      func color(_ index: Int) -> Color { Color(rawValue: index < colors.count ? colors[index] : fallback[index % fallback.count]) }
      var steps = [Step(color(0))]
      for (index, value) in values.enumerated() { steps.append(Step(color(index + 1), from: value)) }
      var thresholds = Thresholds(.absolute) {}
      thresholds.steps = steps
      panel.field.thresholds = thresholds
      panel.field.color = .thresholds
    }
    if var stat = panel.kind[StatPanel.self] {
      stat.options.graphMode = json["sparkline"]?["show"] == .bool(true) ? .area : .off
      panel.kind[StatPanel.self] = stat
    }
    return ["format", "decimals", "thresholds", "colors", "sparkline", "gauge"]
  }
}

extension JSONValue {
  /// The member names of an object, sorted; empty for anything else.
  var objectKeys: [String] {
    guard case .object(let members) = self else { return [] }
    return members.keys.sorted()
  }
}

extension Substring {
  fileprivate var trimmingSpaces: Substring {
    drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed().reduce(into: "") { $0.append($1) }[...]
  }
}
