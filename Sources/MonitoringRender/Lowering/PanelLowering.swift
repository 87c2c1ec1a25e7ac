public import MonitoringDSL

/// Lowers one placed panel to Grafana's panel JSON: common keys, `fieldConfig`, `transformations`
/// (written by each `Transformation`, none when the panel has none), and the kind's
/// `options` and `fieldConfig.defaults.custom`, which the kind's generated model writes
/// (`PanelKind`): no kind is named here.
///
/// The lowering writes to any `JSONSink`: straight into the committed bytes (``JSONWriter``) or
/// into a tree (``JSONTreeBuilder``). Both sinks order each object's keys; they are written here in
/// that order (UTF-8 bytes: uppercase before lowercase, a prefix before its extensions) only so the
/// writer has nothing to sort.
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
    withUnsafePointer(to: panel) { write($0, placed: placed, dashboard: dashboard, to: &sink) }
  }

  /// The same for a panel where it is (a row's panels): it is read member by member through the
  /// pointer, as a panel passed by value is copied, a retain and release of each of its two dozen members.
  static func write<Sink: JSONSink & ~Copyable>(
    _ panel: UnsafePointer<Panel>, placed: PlacedPanel, dashboard: Dashboard, to sink: inout Sink
  ) {
    guard panel.pointee.rawJSON != nil else { return writeMembers(panel, placed: placed, dashboard: dashboard, to: &sink) }
    sink.writePatching(panel.pointee) { writeMembers(panel, placed: placed, dashboard: dashboard, to: &$0) }
  }

  private static func writeMembers<Sink: JSONSink & ~Copyable>(
    _ panel: UnsafePointer<Panel>, placed: PlacedPanel, dashboard: Dashboard, to sink: inout Sink
  ) {
    let kind = type(of: panel.pointee.kind.base)
    let runsQueries = kind.runsQueries
    let datasource = panel.pointee.datasource ?? dashboard.defaultDatasource

    sink.beginObject()
    if let timeout = panel.pointee.cacheTimeout { sink.member("cacheTimeout", timeout) }
    if runsQueries, let datasource {
      sink.member("datasource", memoizing: datasource) { DashboardLowering.writeDatasource($0, to: &$1) }
    }
    if let description = panel.pointee.description { sink.member("description", description) }
    sink.key("fieldConfig")
    writeFieldConfig(panel, to: &sink)
    sink.key("gridPos")
    writeGridPos(placed.position, to: &sink)
    if let hidden = panel.pointee.hidesTimeOverride { sink.member("hideTimeOverride", hidden) }
    sink.member("id", placed.id)
    if let interval = panel.pointee.minInterval { sink.member("interval", interval.text) }
    if !panel.pointee.links.isEmpty {
      sink.key("links")
      sink.beginArray()
      for link in panel.pointee.links { sink.json(LinkLowering.json(link)) }
      sink.endArray()
    }
    if let points = panel.pointee.maxDataPoints { sink.member("maxDataPoints", points) }
    if let maxPerRow = panel.pointee.repeatBy?.maxPerRow { sink.member("maxPerRow", maxPerRow) }
    panel.pointee.kind.base.writeOptions(as: "options", to: &sink)
    sink.member("pluginVersion", panel.pointee.pluginVersion ?? dashboard.target.version)
    if let repeatBy = panel.pointee.repeatBy {
      sink.member("repeat", repeatBy.variable)
      sink.member("repeatDirection", repeatBy.direction.rawValue)
    }
    if runsQueries {
      sink.key("targets")
      sink.beginArray()
      let refIDs = RefIDs.assign(panel.pointee.queries)
      // NB: the query is read in place, not copied (a copy retains each of its members).
      for index in panel.pointee.queries.indices {
        writeTarget(
          panel.pointee.queries[index], refID: refIDs[index],
          datasource: panel.pointee.queries[index].datasource ?? datasource, to: &sink)
      }
      sink.endArray()
    }
    if let range = panel.pointee.relativeTime { sink.member("timeFrom", range) }
    if let shift = panel.pointee.timeShift { sink.member("timeShift", shift) }
    sink.member("title", panel.pointee.title)
    if !panel.pointee.transformations.isEmpty {
      sink.key("transformations")
      sink.beginArray()
      for transformation in panel.pointee.transformations {
        guard transformation.hasRawJSON else {
          transformation.writeJSON(to: &sink)
          continue
        }
        sink.writePatching(transformation) { transformation.writeJSON(to: &$0) }
      }
      sink.endArray()
    }
    if panel.pointee.isTransparent { sink.member("transparent", true) }
    sink.member("type", kind.typeID)
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
    let omitted = query.omittedMembers
    sink.beginObject()
    if let datasource, !omitted.contains(.datasource) {
      sink.member("datasource", memoizing: datasource) { DashboardLowering.writeDatasource($0, to: &$1) }
    }
    switch query.language {
    case .prometheus: writePrometheusMembers(query, refID: refID, to: &sink)
    case .loki(let loki): writeLokiMembers(query, loki, refID: refID, to: &sink)
    case .tempo(let tempo): writeTempoMembers(query, tempo, refID: refID, to: &sink)
    }
    sink.endObject()
  }

  /// Prometheus' `dataquery`, as its code editor saves it (less the editor members an older one left out).
  private static func writePrometheusMembers<Sink: JSONSink & ~Copyable>(_ query: Query, refID: String, to sink: inout Sink) {
    let omitted = query.omittedMembers
    if !omitted.contains(.editorMode) { sink.member("editorMode", "code") }
    if let exemplars = query.exemplars { sink.member("exemplar", exemplars) }
    sink.member("expr", query.expr)
    if let format = query.format { sink.member("format", format.rawValue) }
    if query.isHidden { sink.member("hide", true) }
    if !omitted.contains(.instant) { sink.member("instant", query.mode != .range) }
    if let interval = query.interval { sink.member("interval", interval.text) }
    if let factor = query.intervalFactor { sink.member("intervalFactor", factor) }
    if query.legend != nil || !omitted.contains(.legendFormat) { sink.member("legendFormat", query.legend ?? "__auto") }
    if !omitted.contains(.range) { sink.member("range", query.mode != .instant) }
    if !omitted.contains(.refId) { sink.member("refId", refID) }
    if let step = query.legacyStep { sink.member("step", step) }
  }

  /// Loki's `dataquery`: the LogQL text and its settings.
  private static func writeLokiMembers<Sink: JSONSink & ~Copyable>(
    _ query: Query, _ loki: Query.Loki, refID: String, to sink: inout Sink
  ) {
    if let direction = loki.direction { sink.member("direction", direction.rawValue) }
    sink.member("editorMode", loki.editorMode.rawValue)
    sink.member("expr", query.expr)
    if query.isHidden { sink.member("hide", true) }
    if let legend = query.legend { sink.member("legendFormat", legend) }
    if let maxLines = loki.maxLines { sink.member("maxLines", maxLines) }
    sink.member("queryType", loki.queryType.rawValue)
    sink.member("refId", refID)
    if let resolution = loki.resolution { sink.member("resolution", resolution) }
    if let step = loki.step { sink.member("step", step) }
  }

  /// Tempo's `Dataquery`: the TraceQL text, its settings and the search builder's filters (always
  /// written, as Grafana's editor does).
  private static func writeTempoMembers<Sink: JSONSink & ~Copyable>(
    _ query: Query, _ tempo: Query.Tempo, refID: String, to sink: inout Sink
  ) {
    sink.key("filters")
    sink.beginArray()
    for filter in tempo.filters {
      sink.beginObject()
      sink.member("id", filter.id)
      if let op = filter.operator { sink.member("operator", op) }
      if let scope = filter.scope { sink.member("scope", scope.rawValue) }
      if let tag = filter.tag { sink.member("tag", tag) }
      if let value = filter.value { sink.member("value", value) }
      if let valueType = filter.valueType { sink.member("valueType", valueType) }
      sink.endObject()
    }
    sink.endArray()
    if query.isHidden { sink.member("hide", true) }
    if let limit = tempo.limit { sink.member("limit", limit) }
    sink.member("query", query.expr)
    sink.member("queryType", tempo.queryType.rawValue)
    sink.member("refId", refID)
    if let spss = tempo.spansPerSpanSet { sink.member("spss", spss) }
    if let tableType = tempo.tableType { sink.member("tableType", tableType.rawValue) }
  }

  // MARK: - Field config

  private static func writeFieldConfig<Sink: JSONSink & ~Copyable>(_ panel: UnsafePointer<Panel>, to sink: inout Sink) {
    let field = panel.pointee.field
    sink.beginObject()
    sink.key("defaults")
    sink.beginObject()
    let kind = type(of: panel.pointee.kind.base)
    sink.member("color", memoizing: field.color ?? kind.defaultColor) { writeColor($0, to: &$1) }
    if kind.hasFieldConfig {
      panel.pointee.kind.base.writeFieldConfig(as: "custom", to: &sink)
    }
    if let decimals = field.decimals { sink.member("decimals", decimals) }
    if let displayName = field.displayName { sink.member("displayName", displayName) }
    if let links = field.links {
      sink.key("links")
      sink.beginArray()
      for link in links {
        sink.beginObject()
        if let newTab = link.opensInNewTab { sink.member("targetBlank", newTab) }
        sink.member("title", link.title)
        sink.member("url", link.url)
        sink.endObject()
      }
      sink.endArray()
    }
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
    for override in panel.pointee.overrides { writeOverride(override, to: &sink) }
    sink.endArray()
    sink.endObject()
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
