public import MonitoringDSL

/// Lowers one placed panel to Grafana's panel JSON: common keys, `fieldConfig`, and the kind's
/// `options` and `fieldConfig.defaults.custom` with every key Grafana would save, so the file does
/// not change when someone opens and saves the dashboard.
///
/// The lowering writes to any ``JSONSink``: straight into the committed bytes (``JSONWriter``) or
/// into a tree (``JSONTreeBuilder``). NB: each object's keys are written in UTF-8 byte order, the
/// order of the file (uppercase before lowercase, a prefix before its extensions); the writer
/// asserts it in debug builds, so the tests catch a key out of place.
public enum PanelLowering {
  /// The panel, at its place, as a tree.
  public static func json(_ panel: Panel, placed: PlacedPanel, dashboard: Dashboard) -> JSONValue {
    var builder = JSONTreeBuilder()
    write(panel, placed: placed, dashboard: dashboard, to: &builder)
    return builder.result
  }

  /// Writes the panel; one with raw JSON is built as a tree first, merged, then written.
  public static func write<Sink: JSONSink & ~Copyable>(
    _ panel: Panel, placed: PlacedPanel, dashboard: Dashboard, to sink: inout Sink
  ) {
    guard panel.rawJSON != nil else { return writeMembers(panel, placed: placed, dashboard: dashboard, to: &sink) }
    sink.writePatching(panel) { writeMembers(panel, placed: placed, dashboard: dashboard, to: &$0) }
  }

  private static func writeMembers<Sink: JSONSink & ~Copyable>(
    _ panel: Panel, placed: PlacedPanel, dashboard: Dashboard, to sink: inout Sink
  ) {
    let runsQueries: Bool
    if case .text = panel.visualization { runsQueries = false } else { runsQueries = true }  // text panels run none
    let datasource = panel.datasource ?? dashboard.defaultDatasource

    sink.beginObject()
    if runsQueries, let datasource {
      sink.member("datasource", memoizing: datasource) { DashboardLowering.writeDatasource($0, to: &$1) }
    }
    if let description = panel.description { sink.member("description", description) }
    sink.key("fieldConfig")
    writeFieldConfig(panel, to: &sink)
    sink.key("gridPos")
    writeGridPos(placed.position, to: &sink)
    sink.member("id", placed.id)
    if let interval = panel.minInterval { sink.member("interval", interval.text) }
    if !panel.links.isEmpty {
      sink.key("links")
      sink.beginArray()
      for link in panel.links { sink.json(LinkLowering.json(link)) }
      sink.endArray()
    }
    if let points = panel.maxDataPoints { sink.member("maxDataPoints", points) }
    if let maxPerRow = panel.repeatBy?.maxPerRow { sink.member("maxPerRow", maxPerRow) }
    let options = OptionsInput(
      visualization: panel.visualization, legend: panel.legend, tooltip: panel.tooltip, unit: panel.field.unit)
    sink.member("options", memoizing: options) { writeOptions($0, to: &$1) }
    sink.member("pluginVersion", dashboard.target.version)
    if let repeatBy = panel.repeatBy {
      sink.member("repeat", repeatBy.variable)
      sink.member("repeatDirection", repeatBy.direction.rawValue)
    }
    if runsQueries {
      sink.key("targets")
      sink.beginArray()
      let refIDs = RefIDs.assign(panel.queries)
      // NB: the query is read in place, not copied (a copy retains each of its members).
      for index in panel.queries.indices {
        writeTarget(panel.queries[index], refID: refIDs[index], datasource: panel.queries[index].datasource ?? datasource, to: &sink)
      }
      sink.endArray()
    }
    sink.member("title", panel.title)
    if panel.isTransparent { sink.member("transparent", true) }
    sink.member("type", panel.visualization.typeID)
    sink.endObject()
  }

  static func writeGridPos<Sink: JSONSink & ~Copyable>(_ position: GridPosition, to sink: inout Sink) {
    sink.beginObject()
    sink.member("h", position.height)
    sink.member("w", position.width)
    sink.member("x", position.x)
    sink.member("y", position.y)
    sink.endObject()
  }

  // MARK: - Targets

  private static func writeTarget<Sink: JSONSink & ~Copyable>(
    _ query: Query, refID: String, datasource: DatasourceRef?, to sink: inout Sink
  ) {
    guard query.rawJSON != nil else { return writeTargetMembers(query, refID: refID, datasource: datasource, to: &sink) }
    sink.writePatching(query) { writeTargetMembers(query, refID: refID, datasource: datasource, to: &$0) }
  }

  private static func writeTargetMembers<Sink: JSONSink & ~Copyable>(
    _ query: Query, refID: String, datasource: DatasourceRef?, to sink: inout Sink
  ) {
    sink.beginObject()
    if let datasource {
      sink.member("datasource", memoizing: datasource) { DashboardLowering.writeDatasource($0, to: &$1) }
    }
    sink.member("editorMode", "code")
    if query.exemplars { sink.member("exemplar", true) }
    sink.member("expr", query.expr)
    if query.format != .timeSeries { sink.member("format", query.format.rawValue) }
    if query.isHidden { sink.member("hide", true) }
    sink.member("instant", query.mode != .range)
    if let interval = query.interval { sink.member("interval", interval.text) }
    sink.member("legendFormat", query.legend ?? "__auto")
    sink.member("range", query.mode != .instant)
    sink.member("refId", refID)
    sink.endObject()
  }

  // MARK: - Field config

  private static func writeFieldConfig<Sink: JSONSink & ~Copyable>(_ panel: Panel, to sink: inout Sink) {
    let field = panel.field
    sink.beginObject()
    sink.key("defaults")
    sink.beginObject()
    sink.member("color", memoizing: field.color ?? defaultColor(panel.visualization)) { writeColor($0, to: &$1) }
    if hasCustom(panel.visualization) {
      sink.member("custom", memoizing: panel.visualization) { writeCustom($0, to: &$1) }
    }
    if let decimals = field.decimals { sink.member("decimals", decimals) }
    if let displayName = field.displayName { sink.member("displayName", displayName) }
    sink.key("mappings")
    writeMappings(field.mappings, to: &sink)
    if let max = field.max { sink.member("max", max) }
    if let min = field.min { sink.member("min", min) }
    if let noValue = field.noValue { sink.member("noValue", noValue) }
    sink.member("thresholds", memoizing: field.thresholds ?? .grafanaDefault) { writeThresholds($0, to: &$1) }
    if let unit = field.unit { sink.member("unit", unit.rawValue) }
    sink.endObject()
    sink.key("overrides")
    sink.beginArray()
    for override in panel.overrides { writeOverride(override, to: &sink) }
    sink.endArray()
    sink.endObject()
  }

  private static func defaultColor(_ visualization: Visualization) -> ColorMode {
    switch visualization {
    case .timeSeries: .paletteClassic
    case .stateTimeline: .continuous("continuous-GrYlRd")
    default: .thresholds
    }
  }

  private static func writeColor<Sink: JSONSink & ~Copyable>(_ mode: ColorMode, to sink: inout Sink) {
    sink.beginObject()
    if case .fixed(let color) = mode { sink.member("fixedColor", color.rawValue) }
    sink.member("mode", mode.modeID)
    sink.endObject()
  }

  private static func writeThresholds<Sink: JSONSink & ~Copyable>(_ thresholds: Thresholds, to sink: inout Sink) {
    sink.beginObject()
    sink.member("mode", thresholds.mode.rawValue)
    sink.key("steps")
    sink.beginArray()
    for step in thresholds.steps {
      sink.beginObject()
      sink.member("color", step.color.rawValue)
      sink.member("value", orNull: step.value)
      sink.endObject()
    }
    sink.endArray()
    sink.endObject()
  }

  private static func writeMappings<Sink: JSONSink & ~Copyable>(_ mappings: [ValueMapping], to sink: inout Sink) {
    sink.beginArray()
    for (index, mapping) in mappings.enumerated() {
      sink.beginObject()
      sink.key("options")
      sink.beginObject()
      switch mapping.match {
      case .value(let value):
        sink.dynamicKey(value)
        writeMappingResult(mapping, index: index, to: &sink)
      case .range(let from, let to):
        sink.member("from", orNull: from)
        sink.key("result")
        writeMappingResult(mapping, index: index, to: &sink)
        sink.member("to", orNull: to)
      case .regex(let pattern):
        sink.member("pattern", pattern)
        sink.key("result")
        writeMappingResult(mapping, index: index, to: &sink)
      case .special(let value):
        sink.member("match", value.rawValue)
        sink.key("result")
        writeMappingResult(mapping, index: index, to: &sink)
      }
      sink.endObject()
      sink.member("type", mapping.match.typeName)
      sink.endObject()
    }
    sink.endArray()
  }

  private static func writeMappingResult<Sink: JSONSink & ~Copyable>(_ mapping: ValueMapping, index: Int, to sink: inout Sink) {
    sink.beginObject()
    if let color = mapping.color { sink.member("color", color.rawValue) }
    sink.member("index", index)
    if let text = mapping.text { sink.member("text", text) }
    sink.endObject()
  }

  private static func writeOverride<Sink: JSONSink & ~Copyable>(_ override: FieldOverride, to sink: inout Sink) {
    let (matcherID, matcherOptions): (String, String) =
      switch override.matcher {
      case .byName(let name): ("byName", name)
      case .byRegex(let pattern): ("byRegexp", pattern)
      case .byType(let type): ("byType", type)
      case .byQuery(let refID): ("byFrameRefID", refID)
      }
    sink.beginObject()
    sink.key("matcher")
    sink.beginObject()
    sink.member("id", matcherID)
    sink.member("options", matcherOptions)
    sink.endObject()
    sink.key("properties")
    sink.beginArray()
    for property in override.properties {
      sink.beginObject()
      switch property {
      case .unit(let unit):
        sink.member("id", "unit")
        sink.member("value", unit.rawValue)
      case .decimals(let decimals):
        sink.member("id", "decimals")
        sink.member("value", decimals)
      case .min(let min):
        sink.member("id", "min")
        sink.member("value", min)
      case .max(let max):
        sink.member("id", "max")
        sink.member("value", max)
      case .displayName(let name):
        sink.member("id", "displayName")
        sink.member("value", name)
      case .color(let mode):
        sink.member("id", "color")
        sink.key("value")
        writeColor(mode, to: &sink)
      case .thresholds(let thresholds):
        sink.member("id", "thresholds")
        sink.key("value")
        writeThresholds(thresholds, to: &sink)
      case .mappings(let mappings):
        sink.member("id", "mappings")
        sink.key("value")
        writeMappings(mappings, to: &sink)
      case .custom(let id, let value):
        sink.member("id", id)
        sink.member("value", json: value)
      }
      sink.endObject()
    }
    sink.endArray()
    sink.endObject()
  }

  // MARK: - Kind options

  private static func writeHideFrom<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    sink.key("hideFrom")
    sink.beginObject()
    sink.member("legend", false)
    sink.member("tooltip", false)
    sink.member("viz", false)
    sink.endObject()
  }

  private static func writeLinearScale<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    sink.key("scaleDistribution")
    sink.beginObject()
    sink.member("type", "linear")
    sink.endObject()
  }

  /// Whether the kind has a `fieldConfig.defaults.custom` object.
  private static func hasCustom(_ visualization: Visualization) -> Bool {
    switch visualization {
    case .timeSeries, .table, .heatmap, .stateTimeline: true
    case .stat, .gauge, .barGauge, .text: false
    }
  }

  /// `fieldConfig.defaults.custom`, for the kinds that have one.
  private static func writeCustom<Sink: JSONSink & ~Copyable>(_ visualization: Visualization, to sink: inout Sink) {
    switch visualization {
    case .timeSeries(let options):
      sink.beginObject()
      sink.member("axisBorderShow", false)
      sink.member("axisCenteredZero", false)
      sink.member("axisColorMode", "text")
      sink.member("axisLabel", options.axisLabel)
      sink.member("axisPlacement", "auto")
      if let max = options.axisSoftMax { sink.member("axisSoftMax", max) }
      if let min = options.axisSoftMin { sink.member("axisSoftMin", min) }
      sink.member("barAlignment", 0)
      sink.member("drawStyle", options.drawStyle.rawValue)
      sink.member("fillOpacity", options.fillOpacity)
      sink.member("gradientMode", options.gradientMode.rawValue)
      writeHideFrom(to: &sink)
      sink.member("insertNulls", false)
      sink.member("lineInterpolation", options.lineInterpolation.rawValue)
      sink.member("lineWidth", options.lineWidth)
      sink.member("pointSize", options.pointSize)
      writeLinearScale(to: &sink)
      sink.member("showPoints", options.showPoints.rawValue)
      sink.member("spanNulls", options.spanNulls)
      sink.key("stacking")
      sink.beginObject()
      sink.member("group", "A")
      sink.member("mode", options.stacking.rawValue)
      sink.endObject()
      sink.key("thresholdsStyle")
      sink.beginObject()
      sink.member("mode", options.thresholdsStyle.rawValue)
      sink.endObject()
      sink.endObject()
    case .table(let options):
      sink.beginObject()
      sink.member("align", "auto")
      sink.key("cellOptions")
      sink.beginObject()
      sink.member("type", options.cellDisplay.rawValue)
      sink.endObject()
      sink.member("filterable", options.filterable)
      sink.member("inspect", false)
      sink.endObject()
    case .heatmap:
      sink.beginObject()
      writeHideFrom(to: &sink)
      writeLinearScale(to: &sink)
      sink.endObject()
    case .stateTimeline(let options):
      sink.beginObject()
      sink.member("fillOpacity", options.fillOpacity)
      writeHideFrom(to: &sink)
      sink.member("insertNulls", false)
      sink.member("lineWidth", 0)
      sink.member("spanNulls", false)
      sink.endObject()
    case .stat, .gauge, .barGauge, .text:
      break
    }
  }

  /// What a panel's `options` object is made of.
  private struct OptionsInput: Equatable {
    var visualization: Visualization
    var legend: LegendOptions?
    var tooltip: TooltipOptions?
    var unit: ValueUnit?
  }

  private static func writeOptions<Sink: JSONSink & ~Copyable>(_ panel: OptionsInput, to sink: inout Sink) {
    sink.beginObject()
    switch panel.visualization {
    case .timeSeries:
      sink.key("legend")
      writeLegend(panel.legend ?? .list, to: &sink)
      sink.key("tooltip")
      writeTooltip(panel.tooltip ?? .single, to: &sink)
    case .stat(let options):
      sink.member("colorMode", options.colorMode.rawValue)
      sink.member("graphMode", options.graphMode.rawValue)
      sink.member("justifyMode", options.justifyMode.rawValue)
      sink.member("orientation", options.orientation.rawValue)
      sink.member("percentChangeColorMode", "standard")
      sink.key("reduceOptions")
      writeReduce(options.reduce, to: &sink)
      sink.member("showPercentChange", false)
      sink.member("textMode", options.textMode.rawValue)
      sink.member("wideLayout", true)
    case .gauge(let options):
      sink.member("minVizHeight", 75)
      sink.member("minVizWidth", 75)
      sink.member("orientation", options.orientation.rawValue)
      sink.key("reduceOptions")
      writeReduce(options.reduce, to: &sink)
      sink.member("showThresholdLabels", options.showThresholdLabels)
      sink.member("showThresholdMarkers", options.showThresholdMarkers)
      sink.member("sizing", "auto")
    case .barGauge(let options):
      sink.member("displayMode", options.displayMode.rawValue)
      sink.key("legend")
      writeLegend(.hidden, to: &sink)
      sink.member("maxVizHeight", 300)
      sink.member("minVizHeight", 16)
      sink.member("minVizWidth", 8)
      sink.member("namePlacement", options.namePlacement.rawValue)
      sink.member("orientation", options.orientation.rawValue)
      sink.key("reduceOptions")
      writeReduce(options.reduce, to: &sink)
      sink.member("showUnfilled", options.showUnfilled)
      sink.member("sizing", "auto")
      sink.member("valueMode", options.valueMode.rawValue)
    case .table(let options):
      sink.member("cellHeight", "sm")
      sink.key("footer")
      sink.beginObject()
      sink.member("countRows", false)
      sink.key("reducer")
      sink.strings(["sum"])
      sink.member("show", false)
      sink.endObject()
      sink.member("frameIndex", 0)
      sink.member("showHeader", options.showHeader)
      sink.key("sortBy")
      sink.beginArray()
      for sort in options.sortBy {
        sink.beginObject()
        sink.member("desc", sort.descending)
        sink.member("displayName", sort.displayName)
        sink.endObject()
      }
      sink.endArray()
    case .heatmap(let options):
      writeHeatmapOptions(options, panel: panel, to: &sink)
    case .text(let options):
      sink.key("code")
      sink.beginObject()
      sink.member("language", "plaintext")
      sink.member("showLineNumbers", false)
      sink.member("showMiniMap", false)
      sink.endObject()
      sink.member("content", options.content)
      sink.member("mode", options.mode.rawValue)
    case .stateTimeline(let options):
      sink.member("alignValue", "left")
      sink.key("legend")
      writeLegend(panel.legend ?? .list, to: &sink)
      sink.member("mergeValues", options.mergeValues)
      sink.member("rowHeight", options.rowHeight)
      sink.member("showValue", options.showValue.rawValue)
      sink.key("tooltip")
      writeTooltip(panel.tooltip ?? .single, to: &sink)
    }
    sink.endObject()
  }

  private static func writeHeatmapOptions<Sink: JSONSink & ~Copyable>(
    _ options: HeatmapOptions, panel: OptionsInput, to sink: inout Sink
  ) {
    sink.member("calculate", options.calculate)
    sink.member("cellGap", options.cellGap)
    sink.key("color")
    sink.beginObject()
    sink.member("exponent", 0.5)
    sink.member("fill", "dark-orange")
    sink.member("mode", "scheme")
    sink.member("reverse", false)
    sink.member("scale", options.colorScale.rawValue)
    sink.member("scheme", options.colorScheme)
    sink.member("steps", 64)
    sink.endObject()
    sink.key("exemplars")
    sink.beginObject()
    sink.member("color", "rgba(255,0,255,0.7)")
    sink.endObject()
    sink.key("filterValues")
    sink.beginObject()
    sink.member("le", 1e-9)
    sink.endObject()
    sink.key("legend")
    sink.beginObject()
    sink.member("show", panel.legend?.isVisible ?? true)
    sink.endObject()
    sink.key("rowsFrame")
    sink.beginObject()
    sink.member("layout", "auto")
    sink.endObject()
    sink.member("showValue", options.showValue.rawValue)
    sink.key("tooltip")
    sink.beginObject()
    sink.member("mode", (panel.tooltip ?? .single).mode.rawValue)
    sink.member("showColorScale", false)
    sink.member("yHistogram", false)
    sink.endObject()
    sink.key("yAxis")
    sink.beginObject()
    sink.member("axisPlacement", "left")
    sink.member("reverse", false)
    if let unit = panel.unit { sink.member("unit", unit.rawValue) }
    sink.endObject()
  }

  private static func writeLegend<Sink: JSONSink & ~Copyable>(_ legend: LegendOptions, to sink: inout Sink) {
    sink.beginObject()
    sink.key("calcs")
    sink.beginArray()
    for calc in legend.calcs { sink.string(calc.rawValue) }
    sink.endArray()
    sink.member("displayMode", legend.displayMode.rawValue)
    sink.member("placement", legend.placement.rawValue)
    sink.member("showLegend", legend.isVisible)
    sink.endObject()
  }

  private static func writeTooltip<Sink: JSONSink & ~Copyable>(_ tooltip: TooltipOptions, to sink: inout Sink) {
    sink.beginObject()
    sink.member("hideZeros", false)
    sink.member("mode", tooltip.mode.rawValue)
    sink.member("sort", tooltip.sort.rawValue)
    sink.endObject()
  }

  private static func writeReduce<Sink: JSONSink & ~Copyable>(_ reduce: ReduceOptions, to sink: inout Sink) {
    sink.beginObject()
    sink.key("calcs")
    sink.beginArray()
    sink.string(reduce.calculation.rawValue)
    sink.endArray()
    sink.member("fields", reduce.fields)
    sink.member("values", reduce.showAllValues)
    sink.endObject()
  }
}

extension ValueMapping.Match {
  /// Grafana's mapping `type`.
  var typeName: String {
    switch self {
    case .value: "value"
    case .range: "range"
    case .regex: "regex"
    case .special: "special"
    }
  }
}
