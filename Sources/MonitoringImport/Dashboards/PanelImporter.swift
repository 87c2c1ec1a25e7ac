import MonitoringDSL
import MonitoringRender

/// One panel of Grafana's JSON as a typed DSL panel: kind with its options and field config (read by
/// the kind's generated model, ``PanelKind``), title, description, datasource, queries,
/// unit, decimals, min/max, thresholds, transformations, size and position, repeat, transparency. What
/// is left is put back as raw JSON later, by comparing the lowered panel with the input (``JSONPatch``).
enum PanelImporter {
  /// Keys of Grafana's panel model; another key is most likely a typo, which Grafana ignores.
  static let knownKeys: Set = [
    "cacheTimeout", "collapsed", "datasource", "description", "fieldConfig", "gridPos", "hideTimeOverride", "id", "interval",
    "libraryPanel", "links", "maxDataPoints", "maxPerRow", "options", "panels", "pluginVersion", "queryCachingTTL",
    "repeat", "repeatDirection", "repeatPanelId", "targets", "timeFrom", "timeShift", "title", "transformations",
    "transparent", "type",
  ]

  /// `legacy`: a migrated Angular panel, whose other keys the migration accounts for (``LegacyPanels``).
  static func panel(_ json: JSONValue, sectionTop: Int, legacy: Bool = false, notes: inout [ImportNote]) -> Panel {
    let type = json["type"]?.text ?? ""
    let title = json["title"]?.text ?? ""
    for key in json.objectKeys where !knownKeys.contains(key) && !legacy {
      notes.append(.warning("panel \(quoted(title)): unknown key \"\(key)\"\(DashboardImporter.suggestion(for: key, in: knownKeys)): Grafana ignores it; kept as raw JSON"))
    }
    var panel: Panel
    if let kind = PanelKinds.kind(typeID: type) {
      var decoding = SchemaDecoding()
      let typed = kind.decoded(options: json["options"], fieldConfig: json["fieldConfig"]?["defaults"]?["custom"], decoding: &decoding)
      panel = Panel(title, kind: typed, queries: [])
      for issue in decoding.issues {
        notes.append(.warning("panel \(quoted(title)): \(issue); kept as raw JSON"))
      }
    } else {
      notes.append(.warning("panel \(quoted(title)): kind \(quoted(type)) has no typed builder; it is kept as raw JSON on a time series"))
      panel = TimeSeries(title) {}
    }
    if title.isEmpty { panel.title = "Untitled" }  // a title is required in specs; the raw JSON keeps it empty
    if case .string(let description)? = json["description"] { panel.description = description }
    panel.datasource = datasource(json["datasource"])
    if Swift.type(of: panel.kind.base).runsQueries {
      let panelType = panel.datasource?.type
      panel.queries = (json["targets"]?.elements ?? []).enumerated().map { query($0.element, index: $0.offset, panelType: panelType) }
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
    panel.field.links = dataLinks(defaults?["links"])
    panel.overrides = overrides(json["fieldConfig"]?["overrides"])
    panel.links = LinkImporter.links(json["links"])
    panel.transformations = transformations(json["transformations"], panel: title, notes: &notes)
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
    if case .string(let range)? = json["timeFrom"] { panel.relativeTime = range }
    if case .string(let shift)? = json["timeShift"] { panel.timeShift = shift }
    if case .bool(let hidden)? = json["hideTimeOverride"] { panel.hidesTimeOverride = hidden }
    if case .string(let timeout)? = json["cacheTimeout"] { panel.cacheTimeout = timeout }
    panel.id = json["id"]?.integer
    panel.pluginVersion = json["pluginVersion"]?.text
    reconcile(&panel, input: json)
    return panel
  }

  /// A target, by the type of its datasource or else the panel's: Loki and Tempo ones typed as such,
  /// any other as PromQL (another datasource's query then stays raw JSON).
  static func query(_ json: JSONValue, index: Int, panelType: DatasourceType?) -> Query {
    let datasource = datasource(json["datasource"])
    switch datasource?.type ?? panelType {
    case .loki?: return lokiQuery(json, datasource: datasource)
    case .tempo?: return tempoQuery(json, datasource: datasource)
    default: break
    }
    var query = Query(json["expr"]?.text ?? "")
    if query.expr.isEmpty { query.expr = "vector(0)" }  // not PromQL (another datasource's query): the raw JSON keeps it
    if let legend = json["legendFormat"]?.text { query.legend = legend }
    let instant = json["instant"] == .bool(true)
    let range = json["range"].map { $0 == .bool(true) } ?? !instant
    query.mode = instant ? (range ? .both : .instant) : .range
    query.format = json["format"]?.text.flatMap(Query.Format.init(rawValue:))
    query.legacyStep = json["step"]?.integer
    query.intervalFactor = json["intervalFactor"]?.integer
    query.omittedMembers = Set(Query.EditorMember.allCases.filter { json[$0.rawValue] == nil })
    if case .string(let interval)? = json["interval"],
      interval.isEmpty || interval.hasPrefix("$") || PromDuration(interval).milliseconds != nil
    {
      query.interval = PromDuration(interval)
    }
    if case .bool(let exemplars)? = json["exemplar"] { query.exemplars = exemplars }
    common(json, datasource: datasource, into: &query)
    return query
  }

  private static func lokiQuery(_ json: JSONValue, datasource: DatasourceRef?) -> Query {
    var query = LokiQuery(
      json["expr"]?.text ?? "", legend: json["legendFormat"]?.text,
      type: json["queryType"]?.text.flatMap(Query.Loki.QueryType.init) ?? .range, maxLines: json["maxLines"]?.integer,
      direction: json["direction"]?.text.flatMap(Query.Loki.Direction.init), step: json["step"]?.text,
      resolution: json["resolution"]?.integer,
      editorMode: json["editorMode"]?.text.flatMap(Query.Loki.EditorMode.init) ?? .code)
    common(json, datasource: datasource, into: &query)
    return query
  }

  private static func tempoQuery(_ json: JSONValue, datasource: DatasourceRef?) -> Query {
    let filters = (json["filters"]?.elements ?? []).compactMap { filter -> Query.Tempo.Filter? in
      guard let id = filter["id"]?.text else { return nil }
      return Query.Tempo.Filter(
        id: id, tag: filter["tag"]?.text, operator: filter["operator"]?.text, value: filter["value"]?.text,
        valueType: filter["valueType"]?.text, scope: filter["scope"]?.text.flatMap(Query.Tempo.Filter.Scope.init))
    }
    var query = TempoQuery(
      json["query"]?.text ?? "", type: json["queryType"]?.text.flatMap(Query.Tempo.QueryType.init) ?? .traceql,
      limit: json["limit"]?.integer, spansPerSpanSet: json["spss"]?.integer,
      tableType: json["tableType"]?.text.flatMap(Query.Tempo.TableType.init), filters: filters)
    common(json, datasource: datasource, into: &query)
    return query
  }

  /// What every target has: refId, hide and datasource.
  private static func common(_ json: JSONValue, datasource: DatasourceRef?, into query: inout Query) {
    if let refID = json["refId"]?.text, !refID.isEmpty { query.refID = refID }
    if json["hide"] == .bool(true) { query.isHidden = true }
    query.datasource = datasource
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

  /// Data links of title, url and new-tab flag; a list with anything else stays raw JSON whole.
  static func dataLinks(_ json: JSONValue?) -> [DataLink]? {
    guard case .array(let entries)? = json else { return nil }
    var links: [DataLink] = []
    for entry in entries {
      guard Set(entry.objectKeys).isSubset(of: ["title", "url", "targetBlank"]), let title = entry["title"]?.text,
        let url = entry["url"]?.text
      else { return nil }
      var newTab: Bool?
      if let flag = entry["targetBlank"] {
        guard case .bool(let value) = flag else { return nil }
        newTab = value
      }
      links.append(DataLink(title, url: url, newTab: newTab))
    }
    return links
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

  /// The transformations, typed (Grafana's transformers the DSL does not type as `other`). An id
  /// Grafana does not have is reported and leaves the whole list to the raw JSON: the spec then renders
  /// its input, where the DSL would refuse the id (the importer keeps what Grafana keeps). Option keys
  /// the typed models do not know are reported with the nearest known key and kept as raw JSON on the
  /// transformation.
  static func transformations(_ json: JSONValue?, panel title: String, notes: inout [ImportNote]) -> [Transformation] {
    var result: [Transformation] = []
    for (index, entry) in (json?.elements ?? []).enumerated() {
      let id = entry["id"]?.text ?? ""
      let item = "panel \(quoted(title)) › transformation \(index + 1) \(quoted(id))"
      var decoding = SchemaDecoding()
      guard let transformation = Transformation.decoded(entry, decoding: &decoding) else {
        let known = Transformation.Kind.typedIDs.union(Transformation.Kind.untypedIDs)
        let problem =
          known.contains(id)
          ? decoding.issues.map(\.description).joined(separator: "; ")
          : "unknown transformation id\(NearestName.suggestion(for: id, in: known))"
        notes.append(.warning("\(item): \(problem); the transformations are kept as raw JSON"))
        return []
      }
      for issue in decoding.issues { notes.append(.warning("\(item): \(issue); kept as raw JSON")) }
      result.append(transformation)
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
