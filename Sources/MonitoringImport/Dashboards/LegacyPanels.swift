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
    var panel = PanelImporter.panel(json.merging(["type": .string(newType)]), sectionTop: sectionTop, legacy: true, notes: &notes)
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
    if json["points"] == .bool(true), let radius = json["pointradius"]?.number { series.fieldConfig.pointSize = 2 + radius * 2 }
    let dashed = json["dashes"] == .bool(true)
    let dash = [json["dashLength"]?.number ?? 10, json["spaceLength"]?.number ?? 10]
    if dashed { series.fieldConfig.lineStyle = .init(dash: dash, fill: .dash) }
    panel.overrides += aliasColorOverrides(json["aliasColors"]) + seriesOverrides(json["seriesOverrides"], dashed: dashed, dash: dash)
    if let (thresholds, style) = graphThresholds(json["thresholds"]) {
      panel.field.thresholds = thresholds
      series.fieldConfig.thresholdsStyle = .init(mode: style)
    }
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
    return [
      "yaxes", "decimals", "bars", "points", "lines", "linewidth", "fill", "stack", "percentage", "nullPointMode", "steppedLine",
      "legend", "tooltip", "thresholds", "aliasColors", "seriesOverrides", "dashes", "dashLength", "spaceLength", "pointradius",
    ]
  }

  /// A fixed colour per series alias, as Grafana's migration adds them (name order: JSON objects have none).
  static func aliasColorOverrides(_ json: JSONValue?) -> [FieldOverride] {
    json?.objectKeys.compactMap { alias in
      guard let color = json?[alias]?.text, !color.isEmpty else { return nil }
      return FieldOverride(.byName(alias), properties: [.color(.fixed(Color(rawValue: color)))])
    } ?? []
  }

  /// Series overrides as override rules, property by property as Grafana's migration writes them; a
  /// property it ignores (and the right y-axis, whose axis settings become their own properties) is
  /// left out as there.
  static func seriesOverrides(_ json: JSONValue?, dashed: Bool, dash: [Double]) -> [FieldOverride] {
    (json?.elements ?? []).compactMap { entry in
      guard let alias = entry["alias"]?.text, !alias.isEmpty else { return nil }
      let isRegex = alias.count > 1 && alias.hasPrefix("/") && alias.hasSuffix("/")
      var properties: [FieldOverride.Property] = []
      var lineStyle: (fill: String, dash: [Double])?
      for key in entry.objectKeys {
        guard let value = entry[key] else { continue }
        switch key {
        case "fill": if let fill = value.number { properties.append(.custom("custom.fillOpacity", .double(fill * 10))) }
        case "fillBelowTo": properties.append(.custom("custom.fillBelowTo", value))
        case "fillGradient":
          if let gradient = value.number, gradient > 0 {
            properties.append(.custom("custom.fillGradient", "opacity"))
            properties.append(.custom("custom.fillOpacity", .double(gradient * 10)))
          }
        case "points": properties.append(.custom("custom.showPoints", value == .bool(true) ? "always" : "never"))
        case "bars":
          if value == .bool(true) {
            properties.append(.custom("custom.drawStyle", "bars"))
            properties.append(.custom("custom.fillOpacity", 100))
          } else {
            properties.append(.custom("custom.drawStyle", "line"))
          }
        case "lines": properties.append(.custom("custom.lineWidth", 0))
        case "linewidth": properties.append(.custom("custom.lineWidth", value))
        case "pointradius": if let radius = value.number { properties.append(.custom("custom.pointSize", .double(2 + radius * 2))) }
        case "dashLength", "spaceLength", "dashes":
          var style = lineStyle ?? (dashed ? "dash" : "solid", dash)
          if key == "dashLength", let length = value.number { style.dash[0] = length }
          if key == "spaceLength", let length = value.number { style.dash[1] = length }
          if key == "dashes" { style.fill = value == .bool(true) ? "dash" : "solid" }
          lineStyle = style
        case "stack": properties.append(.custom("custom.stacking", ["mode": "normal", "group": value]))
        case "color": if let color = value.text { properties.append(.color(.fixed(Color(rawValue: color)))) }
        default: break
        }
      }
      if let lineStyle {
        properties.append(.custom("custom.lineStyle", ["fill": .string(lineStyle.fill), "dash": .array(lineStyle.dash.map(JSONValue.double))]))
      }
      return properties.isEmpty ? nil : FieldOverride(isRegex ? .byRegex(alias) : .byName(alias), properties: properties)
    }
  }

  /// A graph's threshold lines and bands as Grafana's time-series migration (`flotToGraphOptions`)
  /// makes them: sorted by value, a `gt` threshold starts a step of its colour, an `lt` one ends a
  /// band (transparent after it, or the next `lt`'s colour); a transparent base where the first does
  /// not start at -Infinity; drawn as lines, areas or both as the thresholds were.
  static func graphThresholds(_ json: JSONValue?) -> (Thresholds, GrafanaSchema.GraphThresholdsStyleMode)? {
    let thresholds = (json?.elements ?? []).compactMap { entry -> (value: Double, entry: JSONValue)? in
      entry["value"]?.number.map { ($0, entry) }
    }
    guard !thresholds.isEmpty else { return nil }
    let sorted = thresholds.sorted { $0.value < $1.value }
    func color(_ threshold: JSONValue) -> Color {
      switch threshold["colorMode"]?.text {
      case "warning": .orange
      case "custom": Color(rawValue: threshold["fillColor"]?.text ?? threshold["lineColor"]?.text ?? "red")
      default: .red
      }
    }
    var steps: [Step] = []
    var area = false
    var line = false
    for (index, (value, threshold)) in sorted.enumerated() {
      let next = index + 1 < sorted.count ? sorted[index + 1] : nil
      if threshold["fill"] == .bool(true) { area = true }
      if threshold["line"] == .bool(true) { line = true }
      switch threshold["op"]?.text {
      case "gt":
        steps.append(Step(color(threshold), from: value))
      case "lt":
        if steps.isEmpty { steps.append(Step(color(threshold))) }
        if let next, next.entry["op"]?.text == "lt" {
          steps.append(Step(color(next.entry), from: value))
        } else {
          steps.append(Step(.transparent, from: value))
        }
      default:
        continue
      }
    }
    guard !steps.isEmpty else { return nil }
    if steps[0].value != nil { steps.insert(Step(.transparent), at: 0) }
    var result = Thresholds(.absolute) {}
    result.steps = steps
    return (result, line && area ? .lineArea : area ? .area : .line)
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
    var carried: Set = ["format", "decimals", "thresholds", "colors", "sparkline", "gauge"]
    // Grafana's `statPanelChangedHandler`: sparkline, value colouring and the name as the text (a gauge has none).
    if var stat = panel.kind[StatPanel.self] {
      carried.formUnion(["colorBackground", "colorValue", "valueName"])
      stat.options.graphMode = json["sparkline"]?["show"] == .bool(true) ? .area : .off
      if json["colorBackground"] == .bool(true) {
        stat.options.colorMode = .background
      } else if json["colorValue"] == .bool(true) {
        stat.options.colorMode = .value
      } else {
        stat.options.colorMode = .off
        if stat.options.graphMode == .area, let line = json["sparkline"]?["lineColor"]?.text {
          panel.field.color = .fixed(Color(rawValue: line))
        }
      }
      if json["valueName"]?.text == "name" { stat.options.textMode = .name }
      panel.kind[StatPanel.self] = stat
    }
    return carried
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
