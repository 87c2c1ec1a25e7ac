import MonitoringDSL
import MonitoringRender

/// One panel of Grafana's JSON as a typed DSL panel: kind, title, description, datasource, queries,
/// unit, decimals, min/max, thresholds, size and position, repeat, transparency. What is left is
/// put back as raw JSON later, by comparing the lowered panel with the input (``JSONPatch``).
enum PanelImporter {
  /// Keys of Grafana's panel model; another key is most likely a typo, which Grafana ignores.
  static let knownKeys: Set = [
    "cacheTimeout", "collapsed", "datasource", "description", "fieldConfig", "gridPos", "hideTimeOverride", "id", "interval",
    "libraryPanel", "links", "maxDataPoints", "maxPerRow", "options", "panels", "pluginVersion", "queryCachingTTL",
    "repeat", "repeatDirection", "repeatPanelId", "targets", "timeFrom", "timeShift", "title", "transformations",
    "transparent", "type",
  ]

  static func panel(_ json: JSONValue, sectionTop: Int, notes: inout [ImportNote]) -> Panel {
    let type = json["type"]?.text ?? ""
    let title = json["title"]?.text ?? ""
    for key in json.objectKeys where !knownKeys.contains(key) {
      notes.append(.warning("panel \(quoted(title)): unknown key \"\(key)\"\(DashboardImporter.suggestion(for: key, in: knownKeys)): Grafana ignores it; kept as raw JSON"))
    }
    var panel: Panel
    switch type {
    case "timeseries": panel = TimeSeries(title) {}
    case "stat": panel = Stat(title) {}
    case "gauge": panel = Gauge(title) {}
    case "bargauge": panel = BarGauge(title) {}
    case "table": panel = Table(title) {}
    case "heatmap": panel = Heatmap(title) {}
    case "state-timeline": panel = StateTimeline(title) {}
    case "text":
      let content = json["options"]?["content"]?.text ?? json["content"]?.text ?? ""
      panel = json["options"]?["mode"]?.text == "html" || json["mode"]?.text == "html" ? Text(title, html: content) : Text(title, markdown: content)
    default:
      notes.append(.warning("panel \(quoted(title)): kind \(quoted(type)) has no typed builder; it is kept as raw JSON on a time series"))
      panel = TimeSeries(title) {}
    }
    if title.isEmpty { panel.title = "Untitled" }  // a title is required in specs; the raw JSON keeps it empty
    if let description = json["description"]?.text, !description.isEmpty { panel.description = description }
    panel.datasource = datasource(json["datasource"])
    if case .text = panel.visualization {} else {
      panel.queries = (json["targets"]?.elements ?? []).enumerated().map { query($0.element, index: $0.offset) }
      if panel.queries.isEmpty { panel.queries = [Query("vector(0)")] }  // replaced by the raw JSON: the input has none
    }
    let defaults = json["fieldConfig"]?["defaults"]
    if let unit = defaults?["unit"]?.text, !unit.isEmpty { panel.field.unit = ValueUnit(rawValue: unit) }
    if let decimals = defaults?["decimals"]?.integer, decimals >= 0 { panel.field.decimals = decimals }
    if let min = defaults?["min"]?.number, let max = defaults?["max"]?.number, min >= max {
      // The DSL refuses min ≥ max; the raw JSON keeps them.
    } else {
      panel.field.min = defaults?["min"]?.number
      panel.field.max = defaults?["max"]?.number
    }
    panel.field.thresholds = thresholds(defaults?["thresholds"])
    panel.field.color = color(defaults?["color"])
    if let text = defaults?["noValue"]?.text { panel.field.noValue = text }
    if let text = defaults?["displayName"]?.text { panel.field.displayName = text }
    panel.field.mappings = mappings(defaults?["mappings"])
    panel.overrides = overrides(json["fieldConfig"]?["overrides"])
    panel.links = LinkImporter.links(json["links"])
    if let variable = json["repeat"]?.text, !variable.isEmpty {
      panel = panel.repeatBy(
        variable, direction: json["repeatDirection"]?.text == "v" ? .vertical : .horizontal, maxPerRow: json["maxPerRow"]?.integer)
    }
    if let grid = json["gridPos"] {
      let width = grid["w"]?.integer ?? 12
      let height = grid["h"]?.integer ?? 8
      if (1...24).contains(width), height >= 1 {
        panel.layout.width = width
        panel.layout.height = height
        let x = grid["x"]?.integer ?? 0
        let y = (grid["y"]?.integer ?? 0) - sectionTop
        if x >= 0, y >= 0, x + width <= 24 { panel.layout.position = GridPoint(x: x, y: y) }
      }
    }
    if json["transparent"] == .bool(true) { panel.isTransparent = true }
    if let interval = json["interval"]?.text, !interval.isEmpty, PromDuration(interval).milliseconds != nil {
      panel.minInterval = PromDuration(interval)
    }
    if let points = json["maxDataPoints"]?.integer { panel.maxDataPoints = points }
    typeOptions(json, into: &panel)
    reconcile(&panel, input: json)
    return panel
  }

  /// The kind's options the DSL types: legend and tooltip, time series drawing, stat display and
  /// reduction. A value the DSL cannot hold is left to the raw JSON.
  static func typeOptions(_ json: JSONValue, into panel: inout Panel) {
    let options = json["options"]
    if panel.visualization.hasLegendAndTooltip {
      if let legend = options?["legend"], let typed = self.legend(legend) { panel.legend = typed }
      if let tooltip = options?["tooltip"],
        let mode = tooltip["mode"]?.text.flatMap(TooltipOptions.Mode.init(rawValue:)),
        let sort = tooltip["sort"]?.text.flatMap(TooltipOptions.Sort.init(rawValue:))
      {
        panel.tooltip = TooltipOptions(mode: mode, sort: sort)
      }
    }
    if var series = panel.visualization.timeSeries, let custom = json["fieldConfig"]?["defaults"]?["custom"] {
      if let style = custom["drawStyle"]?.text.flatMap(TimeSeriesOptions.DrawStyle.init(rawValue:)) { series.drawStyle = style }
      if let interpolation = custom["lineInterpolation"]?.text.flatMap(TimeSeriesOptions.LineInterpolation.init(rawValue:)) {
        series.lineInterpolation = interpolation
      }
      if let width = custom["lineWidth"]?.integer { series.lineWidth = width }
      if let opacity = custom["fillOpacity"]?.integer { series.fillOpacity = opacity }
      if let gradient = custom["gradientMode"]?.text.flatMap(TimeSeriesOptions.GradientMode.init(rawValue:)) { series.gradientMode = gradient }
      if let points = custom["showPoints"]?.text.flatMap(TimeSeriesOptions.ShowPoints.init(rawValue:)) { series.showPoints = points }
      if let stacking = custom["stacking"]?["mode"]?.text.flatMap(TimeSeriesOptions.Stacking.init(rawValue:)) { series.stacking = stacking }
      if custom["spanNulls"] == .bool(true) { series.spanNulls = true }
      if let label = custom["axisLabel"]?.text { series.axisLabel = label }
      series.axisSoftMin = custom["axisSoftMin"]?.number
      series.axisSoftMax = custom["axisSoftMax"]?.number
      if let style = custom["thresholdsStyle"]?["mode"]?.text.flatMap(TimeSeriesOptions.ThresholdsStyle.init(rawValue:)) {
        series.thresholdsStyle = style
      }
      panel.visualization = .timeSeries(series)
    }
    if var stat = panel.visualization.stat, let options {
      if let mode = options["graphMode"]?.text.flatMap(StatOptions.GraphMode.init(rawValue:)) { stat.graphMode = mode }
      if let mode = options["colorMode"]?.text.flatMap(StatOptions.ColorMode.init(rawValue:)) { stat.colorMode = mode }
      if let mode = options["textMode"]?.text.flatMap(StatOptions.TextMode.init(rawValue:)) { stat.textMode = mode }
      if let mode = options["justifyMode"]?.text.flatMap(StatOptions.JustifyMode.init(rawValue:)) { stat.justifyMode = mode }
      panel.visualization = .stat(stat)
    }
    typeKindOptions(json, into: &panel)
    if panel.visualization.reduce != nil, let reduce = options?["reduceOptions"],
      let calcs = reduce["calcs"]?.elements, calcs.count == 1,
      let calculation = calcs[0].text.flatMap(ReduceCalculation.init(rawValue:))
    {
      panel.visualization.reduce = ReduceOptions(calculation, showAllValues: reduce["values"] == .bool(true))
    }
  }

  /// Gauge, bar gauge, table, heatmap and state timeline options the DSL has modifiers for.
  static func typeKindOptions(_ json: JSONValue, into panel: inout Panel) {
    let options = json["options"]
    let custom = json["fieldConfig"]?["defaults"]?["custom"]
    let orientation = options?["orientation"]?.text.flatMap(Orientation.init(rawValue:))
    switch panel.visualization {
    case .stat(var stat):
      if let orientation { stat.orientation = orientation }
      panel.visualization = .stat(stat)
    case .gauge(var gauge):
      if let orientation { gauge.orientation = orientation }
      if case .bool(let show)? = options?["showThresholdMarkers"] { gauge.showThresholdMarkers = show }
      if case .bool(let show)? = options?["showThresholdLabels"] { gauge.showThresholdLabels = show }
      panel.visualization = .gauge(gauge)
    case .barGauge(var bar):
      if let orientation { bar.orientation = orientation }
      if let mode = options?["displayMode"]?.text.flatMap(BarGaugeOptions.DisplayMode.init(rawValue:)) { bar.displayMode = mode }
      if let placement = options?["namePlacement"]?.text.flatMap(BarGaugeOptions.NamePlacement.init(rawValue:)) {
        bar.namePlacement = placement
      }
      if case .bool(let show)? = options?["showUnfilled"] { bar.showUnfilled = show }
      panel.visualization = .barGauge(bar)
    case .table(var table):
      if let display = custom?["cellOptions"]?["type"]?.text.flatMap(TableOptions.CellDisplay.init(rawValue:)) { table.cellDisplay = display }
      if case .bool(let filterable)? = custom?["filterable"] { table.filterable = filterable }
      if case .bool(let show)? = options?["showHeader"] { table.showHeader = show }
      panel.visualization = .table(table)
      for sort in options?["sortBy"]?.elements ?? [] {
        guard let column = sort["displayName"]?.text else { continue }
        panel = panel.sortBy(column, descending: sort["desc"] == .bool(true))
      }
    case .heatmap(var heatmap):
      if options?["legend"]?["show"] == .bool(false) { panel.legend = .hidden }
      if case .bool(let calculate)? = options?["calculate"] { heatmap.calculate = calculate }
      if let scheme = options?["color"]?["scheme"]?.text { heatmap.colorScheme = scheme }
      if let scale = options?["color"]?["scale"]?.text.flatMap(HeatmapOptions.ColorScale.init(rawValue:)) { heatmap.colorScale = scale }
      if let show = options?["showValue"]?.text.flatMap(StateTimelineOptions.ShowValue.init(rawValue:)) { heatmap.showValue = show }
      panel.visualization = .heatmap(heatmap)
    case .stateTimeline(var timeline):
      if let show = options?["showValue"]?.text.flatMap(StateTimelineOptions.ShowValue.init(rawValue:)) { timeline.showValue = show }
      if case .bool(let merge)? = options?["mergeValues"] { timeline.mergeValues = merge }
      if let height = options?["rowHeight"]?.number { timeline.rowHeight = height }
      panel.visualization = .stateTimeline(timeline)
    default:
      break
    }
  }

  static func legend(_ json: JSONValue) -> LegendOptions? {
    guard let mode = json["displayMode"]?.text.flatMap(LegendOptions.DisplayMode.init(rawValue:)),
      let placement = json["placement"]?.text.flatMap(LegendOptions.Placement.init(rawValue:))
    else { return nil }
    let calcs = (json["calcs"]?.elements ?? []).compactMap { $0.text.flatMap(ReduceCalculation.init(rawValue:)) }
    guard calcs.count == json["calcs"]?.elements.count ?? 0 else { return nil }
    return LegendOptions(displayMode: mode, placement: placement, calcs: calcs, isVisible: json["showLegend"] != .bool(false))
  }

  static func query(_ json: JSONValue, index: Int) -> Query {
    var query = Query(json["expr"]?.text ?? "")
    if query.expr.isEmpty { query.expr = "vector(0)" }  // not PromQL (another datasource's query): the raw JSON keeps it
    if let legend = json["legendFormat"]?.text { query.legend = legend }
    if let refID = json["refId"]?.text, !refID.isEmpty { query.refID = refID }
    let instant = json["instant"] == .bool(true)
    let range = json["range"].map { $0 == .bool(true) } ?? !instant
    query.mode = instant ? (range ? .both : .instant) : .range
    switch json["format"]?.text {
    case "table": query.format = .table
    case "heatmap": query.format = .heatmap
    default: break
    }
    if let interval = json["interval"]?.text, !interval.isEmpty, PromDuration(interval).milliseconds != nil {
      query.interval = PromDuration(interval)
    }
    if json["hide"] == .bool(true) { query.isHidden = true }
    if json["exemplar"] == .bool(true) { query.exemplars = true }
    query.datasource = datasource(json["datasource"])
    return query
  }

  /// A datasource given as `{"type", "uid"}`; a legacy name string stays raw JSON.
  static func datasource(_ json: JSONValue?) -> DatasourceRef? {
    guard let uid = json?["uid"]?.text else { return nil }
    return DatasourceRef(type: DatasourceType(rawValue: json?["type"]?.text ?? "prometheus"), uid: uid)
  }

  static func color(_ json: JSONValue?) -> ColorMode? {
    switch json?["mode"]?.text {
    case nil: nil
    case "thresholds": .thresholds
    case "palette-classic": .paletteClassic
    case "fixed": json?["fixedColor"]?.text.map { .fixed(Color(rawValue: $0)) }
    case let scheme?: .continuous(scheme)
    }
  }

  /// Value mappings as Grafana saves them: value maps (one per value), ranges, regexes and special
  /// values, in the order of their `index`.
  static func mappings(_ json: JSONValue?) -> [ValueMapping] {
    var indexed: [(index: Int, mapping: ValueMapping)] = []
    for entry in json?.elements ?? [] {
      let options = entry["options"]
      func result(_ value: JSONValue?) -> (Int, String?, Color?) {
        (value?["index"]?.integer ?? indexed.count, value?["text"]?.text, value?["color"]?.text.map { Color(rawValue: $0) })
      }
      switch entry["type"]?.text {
      case "value":
        for key in options?.objectKeys ?? [] {
          let (index, text, color) = result(options?[key])
          indexed.append((index, .value(key, text: text, color: color)))
        }
      case "range":
        let (index, text, color) = result(options?["result"])
        indexed.append((index, .range(from: options?["from"]?.number, to: options?["to"]?.number, text: text, color: color)))
      case "regex":
        let (index, text, color) = result(options?["result"])
        indexed.append((index, .regex(options?["pattern"]?.text ?? "", text: text, color: color)))
      case "special":
        guard let match = options?["match"]?.text.flatMap(ValueMapping.SpecialValue.init(rawValue:)) else { continue }
        let (index, text, color) = result(options?["result"])
        indexed.append((index, .special(match, text: text, color: color)))
      default:
        continue
      }
    }
    return indexed.sorted { $0.index < $1.index }.map(\.mapping)
  }

  /// Overrides by matcher, each property typed where the DSL has it and by id otherwise; `nil`
  /// matchers the DSL lacks leave the whole list to the raw JSON.
  static func overrides(_ json: JSONValue?) -> [FieldOverride] {
    var result: [FieldOverride] = []
    for entry in json?.elements ?? [] {
      guard let options = entry["matcher"]?["options"]?.text else { return [] }
      let matcher: FieldOverride.Matcher
      switch entry["matcher"]?["id"]?.text {
      case "byName": matcher = .byName(options)
      case "byRegexp": matcher = .byRegex(options)
      case "byType": matcher = .byType(options)
      case "byFrameRefID": matcher = .byQuery(options)
      default: return []
      }
      let properties = (entry["properties"]?.elements ?? []).map { property -> FieldOverride.Property in
        let id = property["id"]?.text ?? ""
        let value = property["value"] ?? .null
        switch id {
        case "unit": if let unit = value.text { return .unit(ValueUnit(rawValue: unit)) }
        case "decimals": if let decimals = value.integer { return .decimals(decimals) }
        case "min": if let min = value.number { return .min(min) }
        case "max": if let max = value.number { return .max(max) }
        case "displayName": if let name = value.text { return .displayName(name) }
        case "color": if let color = color(value) { return .color(color) }
        case "thresholds": if let thresholds = thresholds(value) { return .thresholds(thresholds) }
        default: break
        }
        return .custom(id, value)
      }
      result.append(FieldOverride(matcher, properties: properties))
    }
    return result
  }

  /// Typed parts that lower to a list are checked whole: where the lowered list is not the input's
  /// (Grafana grouped several values into one map, say), the typed form is dropped and the raw JSON
  /// carries the list, so the spec does not say it twice.
  static func reconcile(_ panel: inout Panel, input: JSONValue) {
    guard !panel.field.mappings.isEmpty || !panel.overrides.isEmpty || !panel.links.isEmpty else { return }
    let lowered = DashboardImporter.lower(Dashboard("probe", uid: "probe") { panel })["panels"]?.elements.first
    let mappings: (JSONValue?) -> JSONValue = { $0?["fieldConfig"]?["defaults"]?["mappings"] ?? .null }
    if !JSONPatch.same(mappings(lowered), mappings(input)) { panel.field.mappings = [] }
    let overrides: (JSONValue?) -> JSONValue = { $0?["fieldConfig"]?["overrides"] ?? .null }
    if !JSONPatch.same(overrides(lowered), overrides(input)) { panel.overrides = [] }
    if !JSONPatch.same(lowered?["links"] ?? .null, input["links"] ?? .null) { panel.links = [] }
  }

  static func thresholds(_ json: JSONValue?) -> Thresholds? {
    guard let json, case .array(let steps)? = json["steps"], !steps.isEmpty else { return nil }
    let mode: ThresholdMode = json["mode"]?.text == "percentage" ? .percentage : .absolute
    var result = Thresholds(mode) {}
    for (index, step) in steps.enumerated() {
      let color = Color(rawValue: step["color"]?.text ?? "green")
      // Only the first step is the base; a later step without a value cannot be typed.
      guard let value = step["value"]?.number else {
        guard index == 0 else { return nil }
        result.steps.append(Step(color))
        continue
      }
      guard index > 0 else { return nil }
      result.steps.append(Step(color, from: value))
    }
    return result
  }

  static func quoted(_ text: String) -> String { "\"\(text)\"" }
}
