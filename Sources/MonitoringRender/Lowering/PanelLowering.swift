public import MonitoringDSL

/// Lowers one placed panel to Grafana's panel JSON: common keys, `fieldConfig`, and the kind's
/// `options` and `fieldConfig.defaults.custom` with every key Grafana would save, so the file does
/// not change when someone opens and saves the dashboard.
public enum PanelLowering {
  public static func json(_ placed: PlacedPanel, dashboard: Dashboard) -> JSONValue {
    let panel = placed.panel
    var members: [String: JSONValue] = [
      "fieldConfig": fieldConfig(panel),
      "gridPos": gridPos(placed.position),
      "id": .int(placed.id),
      "options": options(panel),
      "pluginVersion": .string(dashboard.target.version),
      "title": .string(panel.title),
      "type": .string(panel.visualization.typeID),
    ]
    if case .text = panel.visualization {
      // Text panels run no queries.
    } else {
      let datasource = panel.datasource ?? dashboard.defaultDatasource
      if let datasource { members["datasource"] = DashboardLowering.datasourceJSON(datasource) }
      let refIDs = RefIDs.assign(panel.queries)
      members["targets"] = .array(
        zip(panel.queries, refIDs).map { target($0, refID: $1, datasource: $0.datasource ?? datasource) })
    }
    if let description = panel.description { members["description"] = .string(description) }
    if !panel.links.isEmpty { members["links"] = .array(panel.links.map(LinkLowering.json)) }
    if let repeatBy = panel.repeatBy {
      members["repeat"] = .string(repeatBy.variable)
      members["repeatDirection"] = .string(repeatBy.direction.rawValue)
      if let maxPerRow = repeatBy.maxPerRow { members["maxPerRow"] = .int(maxPerRow) }
    }
    if panel.isTransparent { members["transparent"] = true }
    if let interval = panel.minInterval { members["interval"] = .string(interval.text) }
    if let points = panel.maxDataPoints { members["maxDataPoints"] = .int(points) }
    let base = JSONValue.object(members)
    return panel.extraJSON.map { base.merging($0) } ?? base
  }

  static func gridPos(_ position: GridPosition) -> JSONValue {
    ["h": .int(position.height), "w": .int(position.width), "x": .int(position.x), "y": .int(position.y)]
  }

  // MARK: - Targets

  static func target(_ query: Query, refID: String, datasource: DatasourceRef?) -> JSONValue {
    var members: [String: JSONValue] = [
      "editorMode": "code",
      "expr": .string(query.expr),
      "instant": .bool(query.mode != .range),
      "legendFormat": .string(query.legend ?? "__auto"),
      "range": .bool(query.mode != .instant),
      "refId": .string(refID),
    ]
    if let datasource { members["datasource"] = DashboardLowering.datasourceJSON(datasource) }
    if query.format != .timeSeries { members["format"] = .string(query.format.rawValue) }
    if let interval = query.interval { members["interval"] = .string(interval.text) }
    if query.isHidden { members["hide"] = true }
    if query.exemplars { members["exemplar"] = true }
    return .object(members)
  }

  // MARK: - Field config

  static func fieldConfig(_ panel: Panel) -> JSONValue {
    let field = panel.field
    var defaults: [String: JSONValue] = [
      "color": colorJSON(field.color ?? defaultColor(panel.visualization)),
      "mappings": mappingsJSON(field.mappings),
      "thresholds": thresholdsJSON(field.thresholds ?? .grafanaDefault),
    ]
    if let custom = custom(panel) { defaults["custom"] = custom }
    if let unit = field.unit { defaults["unit"] = .string(unit.rawValue) }
    if let decimals = field.decimals { defaults["decimals"] = .int(decimals) }
    if let min = field.min { defaults["min"] = .double(min) }
    if let max = field.max { defaults["max"] = .double(max) }
    if let noValue = field.noValue { defaults["noValue"] = .string(noValue) }
    if let displayName = field.displayName { defaults["displayName"] = .string(displayName) }
    return ["defaults": .object(defaults), "overrides": .array(panel.overrides.map(overrideJSON))]
  }

  private static func defaultColor(_ visualization: Visualization) -> ColorMode {
    switch visualization {
    case .timeSeries: .paletteClassic
    case .stateTimeline: .continuous("continuous-GrYlRd")
    default: .thresholds
    }
  }

  static func colorJSON(_ mode: ColorMode) -> JSONValue {
    if case .fixed(let color) = mode { return ["fixedColor": .string(color.rawValue), "mode": "fixed"] }
    return ["mode": .string(mode.modeID)]
  }

  static func thresholdsJSON(_ thresholds: Thresholds) -> JSONValue {
    let steps: [JSONValue] = thresholds.steps.map { step in
      ["color": .string(step.color.rawValue), "value": step.value.map(JSONValue.double) ?? .null]
    }
    return ["mode": .string(thresholds.mode.rawValue), "steps": .array(steps)]
  }

  static func mappingsJSON(_ mappings: [ValueMapping]) -> JSONValue {
    .array(
      mappings.enumerated().map { index, mapping in
        var result: [String: JSONValue] = ["index": .int(index)]
        if let text = mapping.text { result["text"] = .string(text) }
        if let color = mapping.color { result["color"] = .string(color.rawValue) }
        switch mapping.match {
        case .value(let value):
          return ["type": "value", "options": .object([value: .object(result)])]
        case .range(let from, let to):
          return [
            "type": "range",
            "options": [
              "from": from.map(JSONValue.double) ?? .null, "to": to.map(JSONValue.double) ?? .null,
              "result": .object(result),
            ],
          ]
        case .regex(let pattern):
          return ["type": "regex", "options": ["pattern": .string(pattern), "result": .object(result)]]
        case .special(let value):
          return ["type": "special", "options": ["match": .string(value.rawValue), "result": .object(result)]]
        }
      })
  }

  private static func overrideJSON(_ override: FieldOverride) -> JSONValue {
    let matcher: JSONValue =
      switch override.matcher {
      case .byName(let name): ["id": "byName", "options": .string(name)]
      case .byRegex(let pattern): ["id": "byRegexp", "options": .string(pattern)]
      case .byType(let type): ["id": "byType", "options": .string(type)]
      case .byQuery(let refID): ["id": "byFrameRefID", "options": .string(refID)]
      }
    let properties: [JSONValue] = override.properties.map { property in
      let (id, value): (String, JSONValue) =
        switch property {
        case .unit(let unit): ("unit", .string(unit.rawValue))
        case .decimals(let decimals): ("decimals", .int(decimals))
        case .min(let min): ("min", .double(min))
        case .max(let max): ("max", .double(max))
        case .displayName(let name): ("displayName", .string(name))
        case .color(let mode): ("color", colorJSON(mode))
        case .thresholds(let thresholds): ("thresholds", thresholdsJSON(thresholds))
        case .mappings(let mappings): ("mappings", mappingsJSON(mappings))
        case .custom(let id, let value): (id, value)
        }
      return ["id": .string(id), "value": value]
    }
    return ["matcher": matcher, "properties": .array(properties)]
  }

  // MARK: - Kind options

  static let hideFrom: JSONValue = ["legend": false, "tooltip": false, "viz": false]

  private static func custom(_ panel: Panel) -> JSONValue? {
    switch panel.visualization {
    case .timeSeries(let options):
      var custom: [String: JSONValue] = [
        "axisBorderShow": false, "axisCenteredZero": false, "axisColorMode": "text",
        "axisLabel": .string(options.axisLabel), "axisPlacement": "auto", "barAlignment": 0,
        "drawStyle": .string(options.drawStyle.rawValue), "fillOpacity": .int(options.fillOpacity),
        "gradientMode": .string(options.gradientMode.rawValue), "hideFrom": hideFrom, "insertNulls": false,
        "lineInterpolation": .string(options.lineInterpolation.rawValue), "lineWidth": .int(options.lineWidth),
        "pointSize": .int(options.pointSize), "scaleDistribution": ["type": "linear"],
        "showPoints": .string(options.showPoints.rawValue), "spanNulls": .bool(options.spanNulls),
        "stacking": ["group": "A", "mode": .string(options.stacking.rawValue)],
        "thresholdsStyle": ["mode": .string(options.thresholdsStyle.rawValue)],
      ]
      if let min = options.axisSoftMin { custom["axisSoftMin"] = .double(min) }
      if let max = options.axisSoftMax { custom["axisSoftMax"] = .double(max) }
      return .object(custom)
    case .table(let options):
      return [
        "align": "auto", "cellOptions": ["type": .string(options.cellDisplay.rawValue)],
        "filterable": .bool(options.filterable), "inspect": false,
      ]
    case .heatmap:
      return ["hideFrom": hideFrom, "scaleDistribution": ["type": "linear"]]
    case .stateTimeline(let options):
      return [
        "fillOpacity": .int(options.fillOpacity), "hideFrom": hideFrom, "insertNulls": false, "lineWidth": 0,
        "spanNulls": false,
      ]
    case .stat, .gauge, .barGauge, .text:
      return nil
    }
  }

  static func options(_ panel: Panel) -> JSONValue {
    let legend = legendJSON(panel.legend ?? .list)
    let tooltip = tooltipJSON(panel.tooltip ?? .single)
    switch panel.visualization {
    case .timeSeries:
      return ["legend": legend, "tooltip": tooltip]
    case .stat(let options):
      return [
        "colorMode": .string(options.colorMode.rawValue), "graphMode": .string(options.graphMode.rawValue),
        "justifyMode": .string(options.justifyMode.rawValue), "orientation": .string(options.orientation.rawValue),
        "percentChangeColorMode": "standard", "reduceOptions": reduceJSON(options.reduce),
        "showPercentChange": false, "textMode": .string(options.textMode.rawValue), "wideLayout": true,
      ]
    case .gauge(let options):
      return [
        "minVizHeight": 75, "minVizWidth": 75, "orientation": .string(options.orientation.rawValue),
        "reduceOptions": reduceJSON(options.reduce), "showThresholdLabels": .bool(options.showThresholdLabels),
        "showThresholdMarkers": .bool(options.showThresholdMarkers), "sizing": "auto",
      ]
    case .barGauge(let options):
      return [
        "displayMode": .string(options.displayMode.rawValue),
        "legend": legendJSON(.hidden), "maxVizHeight": 300, "minVizHeight": 16, "minVizWidth": 8,
        "namePlacement": .string(options.namePlacement.rawValue), "orientation": .string(options.orientation.rawValue),
        "reduceOptions": reduceJSON(options.reduce), "showUnfilled": .bool(options.showUnfilled), "sizing": "auto",
        "valueMode": .string(options.valueMode.rawValue),
      ]
    case .table(let options):
      return [
        "cellHeight": "sm",
        "footer": ["countRows": false, "reducer": ["sum"], "show": false],
        "frameIndex": 0,
        "showHeader": .bool(options.showHeader),
        "sortBy": .array(
          options.sortBy.map { ["desc": .bool($0.descending), "displayName": .string($0.displayName)] }),
      ]
    case .heatmap(let options):
      var yAxis: [String: JSONValue] = ["axisPlacement": "left", "reverse": false]
      if let unit = panel.field.unit { yAxis["unit"] = .string(unit.rawValue) }
      return [
        "calculate": .bool(options.calculate), "cellGap": .int(options.cellGap),
        "color": [
          "exponent": 0.5, "fill": "dark-orange", "mode": "scheme", "reverse": false,
          "scale": .string(options.colorScale.rawValue), "scheme": .string(options.colorScheme), "steps": 64,
        ],
        "exemplars": ["color": "rgba(255,0,255,0.7)"], "filterValues": ["le": 1e-9],
        "legend": ["show": .bool(panel.legend?.isVisible ?? true)], "rowsFrame": ["layout": "auto"],
        "showValue": .string(options.showValue.rawValue),
        "tooltip": [
          "mode": .string((panel.tooltip ?? .single).mode.rawValue), "showColorScale": false, "yHistogram": false,
        ],
        "yAxis": .object(yAxis),
      ]
    case .text(let options):
      return [
        "code": ["language": "plaintext", "showLineNumbers": false, "showMiniMap": false],
        "content": .string(options.content), "mode": .string(options.mode.rawValue),
      ]
    case .stateTimeline(let options):
      return [
        "alignValue": "left", "legend": legend, "mergeValues": .bool(options.mergeValues),
        "rowHeight": .double(options.rowHeight), "showValue": .string(options.showValue.rawValue), "tooltip": tooltip,
      ]
    }
  }

  private static func legendJSON(_ legend: LegendOptions) -> JSONValue {
    [
      "calcs": .array(legend.calcs.map { .string($0.rawValue) }), "displayMode": .string(legend.displayMode.rawValue),
      "placement": .string(legend.placement.rawValue), "showLegend": .bool(legend.isVisible),
    ]
  }

  private static func tooltipJSON(_ tooltip: TooltipOptions) -> JSONValue {
    ["hideZeros": false, "mode": .string(tooltip.mode.rawValue), "sort": .string(tooltip.sort.rawValue)]
  }

  private static func reduceJSON(_ reduce: ReduceOptions) -> JSONValue {
    [
      "calcs": [.string(reduce.calculation.rawValue)], "fields": .string(reduce.fields),
      "values": .bool(reduce.showAllValues),
    ]
  }
}
