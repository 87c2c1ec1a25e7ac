import MonitoringDSL

/// What Grafana gives a dashboard when it loads it, so an input that leaves it out and a render that
/// writes it are one dashboard. Where the input lacks such a member and the typed spec writes it,
/// `gen import` takes the written value into the model it must render (and names it in a
/// ``ImportNote/defaulted(_:)`` note) instead of printing raw JSON that takes the member out again.
///
/// Three sources, each named in the note:
/// - the `default`s of Grafana's dashboard schema (``DashboardSchemaDefaults``), on the dashboard,
///   panels, rows, variables, links and annotations;
/// - the panel plugin's field-config defaults, which Grafana applies to a panel when its plugin loads:
///   `fieldConfig.defaults.color`, `.mappings` (`[]`), `.thresholds` (green, red at 80) and
///   `fieldConfig.overrides` (`[]`, required by the schema). The typed spec sets none of them unless
///   the input has them, so what it writes in their place is the kind's own default;
/// - the schema's meaning of thresholds and value mappings: `ThresholdsConfig.mode` is required and
///   Grafana reads a missing one as `absolute`; "the first value is always -Infinity", saved as `null`,
///   so Grafana sets the base step's value, missing or not, to it when the panel loads; a mapping
///   result's `index` is "only used internally", its position in the list.
enum LoadTimeDefaults {
  /// The names of the defaults an import relied on, for its note.
  struct Applied {
    private(set) var names: Set<String> = []
    mutating func insert(_ name: String) { names.insert(name) }
    var note: ImportNote? { names.isEmpty ? nil : .defaulted(names.sorted()) }
  }

  /// Takes each member of `defaults` the input lacks and `lowered` writes with the default value.
  static func accept(
    _ defaults: [String: JSONValue], of object: String, into input: inout JSONValue, lowered: JSONValue, applied: inout Applied
  ) {
    guard case .object(var members) = input else { return }
    for (key, value) in defaults where members[key] == nil {
      guard let written = lowered[key], JSONPatch.same(written, value) else { continue }
      members[key] = written
      applied.insert("\(object).\(key) (schema)")
    }
    input = .object(members)
  }

  /// Schema defaults on the entries of a list (links, annotations), entry by entry, where the list
  /// lowers to as many entries.
  static func accept(
    _ defaults: [String: JSONValue], of object: String, inListAt path: [String], into expected: inout JSONValue,
    lowered: JSONValue, applied: inout Applied
  ) {
    func list(_ value: JSONValue) -> [JSONValue]? {
      guard case .array(let entries)? = path.reduce(Optional(value), { $0?[$1] }) else { return nil }
      return entries
    }
    guard var entries = list(expected), let written = list(lowered), entries.count == written.count else { return }
    for index in entries.indices {
      accept(defaults, of: object, into: &entries[index], lowered: written[index], applied: &applied)
    }
    var value: JSONValue = .array(entries)
    for key in path.reversed() { value = .object([key: value]) }
    expected = expected.merging(value)
  }

  /// The plugin's field-config defaults a panel's input lacks, as the typed panel writes them.
  static func acceptPluginDefaults(into input: inout JSONValue, lowered: JSONValue, applied: inout Applied) {
    guard case .object = input, case .object = lowered["fieldConfig"] ?? .null else { return }
    var fieldConfig = input["fieldConfig"] ?? .object([:])
    var defaults = fieldConfig["defaults"] ?? .object([:])
    guard case .object(var members) = defaults else { return }
    for key in ["color", "mappings", "thresholds"] where members[key] == nil {
      guard let written = lowered["fieldConfig"]?["defaults"]?[key] else { continue }
      members[key] = written
      applied.insert("fieldConfig.defaults.\(key) (plugin)")
    }
    defaults = .object(members)
    fieldConfig = fieldConfig.merging(["defaults": defaults])
    if fieldConfig["overrides"] == nil, let written = lowered["fieldConfig"]?["overrides"], written == .array([]) {
      fieldConfig = fieldConfig.merging(["overrides": written])
      applied.insert("fieldConfig.overrides (schema: required, [])")
    }
    input = input.merging(["fieldConfig": fieldConfig])
  }

  /// Every panel's thresholds and value mappings as the schema reads them (see above), before typing.
  static func normalizingFieldConfigs(_ dashboard: JSONValue, applied: inout Applied) -> JSONValue {
    guard case .array(var panels)? = dashboard["panels"] else { return dashboard }
    for index in panels.indices {
      panels[index] = normalizingPanel(panels[index], applied: &applied)
      if case .array(var nested)? = panels[index]["panels"] {
        for inner in nested.indices { nested[inner] = normalizingPanel(nested[inner], applied: &applied) }
        panels[index] = panels[index].merging(["panels": .array(nested)])
      }
    }
    return dashboard.merging(["panels": .array(panels)])
  }

  private static func normalizingPanel(_ panel: JSONValue, applied: inout Applied) -> JSONValue {
    guard case .object(var defaults)? = panel["fieldConfig"]?["defaults"] else { return panel }
    if let thresholds = defaults["thresholds"] { defaults["thresholds"] = normalizing(thresholds: thresholds, applied: &applied) }
    if case .array(let mappings)? = defaults["mappings"] { defaults["mappings"] = .array(indexing(mappings, applied: &applied)) }
    let fieldConfig = replacing(panel["fieldConfig"] ?? .object([:]), key: "defaults", with: .object(defaults))
    return replacing(panel, key: "fieldConfig", with: fieldConfig)
  }

  private static func normalizing(thresholds: JSONValue, applied: inout Applied) -> JSONValue {
    guard case .object(var members) = thresholds, case .array(var steps)? = members["steps"] else { return thresholds }
    if members["mode"] == nil {
      members["mode"] = "absolute"
      applied.insert("thresholds.mode absolute (schema: required)")
    }
    if case .object(var base)? = steps.first, base["value"] != .null {
      base["value"] = .null
      steps[0] = .object(base)
      members["steps"] = .array(steps)
      applied.insert("thresholds base step value null (schema: the first step is always -Infinity)")
    }
    return .object(members)
  }

  private static func indexing(_ mappings: [JSONValue], applied: inout Applied) -> [JSONValue] {
    var position = 0
    func indexed(_ result: JSONValue) -> JSONValue {
      defer { position += 1 }
      guard case .object(var members) = result, members["index"] == nil else { return result }
      members["index"] = .int(position)
      applied.insert("mapping result index (schema: its position)")
      return .object(members)
    }
    return mappings.map { mapping in
      guard case .object(var options)? = mapping["options"] else { return mapping }
      if mapping["type"]?.text == "value" {
        for key in options.keys.sorted() { options[key] = options[key].map(indexed) }
      } else if let result = options["result"] {
        options["result"] = indexed(result)
      }
      return replacing(mapping, key: "options", with: .object(options))
    }
  }

  /// `object` with `key` replaced whole (`merging` would merge into the old value).
  private static func replacing(_ object: JSONValue, key: String, with value: JSONValue) -> JSONValue {
    guard case .object(var members) = object else { return object }
    members[key] = value
    return .object(members)
  }
}
