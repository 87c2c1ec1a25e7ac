public import MonitoringDSL
import MonitoringRender

/// `gen import dashboard`: a dashboard as Grafana exports it becomes a typed `Dashboard` value
/// (and Swift source for it, ``DashboardSwiftPrinter``). What the DSL types is typed; the rest is
/// raw JSON, found by lowering the typed value and comparing it with the input member by member,
/// so the imported spec renders the input exactly.
/// ```swift
/// let imported = try DashboardImporter.importDashboard(text, source: "node-exporter-full.json")
/// print(imported.swift)
/// ```
public enum DashboardImporter {
  /// Keys of the dashboard model Grafana knows; anything else is kept raw with a warning.
  static let knownKeys: Set = [
    "annotations", "description", "editable", "fiscalYearStartMonth", "gnetId", "graphTooltip", "id", "links", "liveNow",
    "panels", "refresh", "schemaVersion", "style", "tags", "templating", "time", "timepicker", "timezone", "title", "uid",
    "version", "weekStart", "rows", "__inputs", "__requires", "__elements", "iteration", "hideControls", "sharedCrosshair",
    "preload",
  ]

  /// `reformattingPromQL`: type a query whose text the DSL writes differently but to the same syntax
  /// tree (its text then changes to the DSL's form); off, only queries already
  /// written as the DSL writes them are typed and the round trip stays byte for byte.
  public static func importDashboard(
    _ text: String, source: String, target: GrafanaTarget = .default, limits: ImportLimits = .default,
    reformattingPromQL: Bool = false
  ) throws(ImportFailure) -> DashboardImport {
    var parsed = try ImportInput.json(text, source: source, limits: limits)
    var notes: [ImportNote] = []
    if DashboardV2Reading.isResource(parsed) {
      // A v2 resource (what Grafana 13 saves) reads as the classic model it was lowered from, so it
      // imports to the same spec as its classic twin; v2 carries no schemaVersion: Grafana 13's.
      let apiVersion = parsed["apiVersion"]?.text ?? ""
      parsed = DashboardV2Reading.classic(parsed)
      notes.append(
        .migrated(
          "read the dashboard schema v2 resource (\(apiVersion)) as its classic model; "
            + "add .target(.grafana13) or .formats([.v2]) to the spec to keep writing v2"))
    }
    var defaults = LoadTimeDefaults.Applied()
    let expected = LoadTimeDefaults.normalizingFieldConfigs(normalized(parsed, target: target, notes: &notes), applied: &defaults)
    guard case .object = expected, expected["panels"] != nil || expected["title"] != nil else {
      throw ImportFailure("\(source): not a Grafana dashboard (no \"panels\" or \"title\")")
    }
    var dashboard = typedDashboard(expected, source: source, target: target, notes: &notes)
    var model = expected
    patch(&dashboard, expected: &model, notes: &notes, defaults: &defaults)
    let promQL = PromQLTyping.typeQueries(in: &dashboard, reformatting: reformattingPromQL)
    PromQLTyping.reformat(&model, promQL.reformatted)
    if promQL.prometheus > 0 {
      notes.append(.typedPromQL(typed: promQL.typed, reformatted: promQL.rewritten, of: promQL.prometheus))
    }
    if let note = defaults.note { notes.append(note) }
    return DashboardImport(dashboard: dashboard, expected: model, notes: notes, source: source)
  }

  /// The input as Grafana holds it after loading: no API envelope, no export-only keys, legacy
  /// rows and panels migrated. The imported spec must render exactly this.
  static func normalized(_ input: JSONValue, target: GrafanaTarget, notes: inout [ImportNote]) -> JSONValue {
    var model = input
    if let inner = input["dashboard"], case .object = inner, input["panels"] == nil, input["rows"] == nil {
      model = inner
      notes.append(.migrated("took the dashboard out of the {\"dashboard\": …} envelope of Grafana's API"))
    }
    for key in model.objectKeys where !knownKeys.contains(key) {
      notes.append(.warning("unknown dashboard key \"\(key)\"\(suggestion(for: key, in: knownKeys)): Grafana ignores it; kept as raw JSON"))
    }
    for key in ["__inputs", "__requires", "__elements", "iteration"] where model[key] != nil {
      model = model.removing(path: [key])
    }
    if model["__inputs"] == nil, input["__inputs"] != nil || input["dashboard"]?["__inputs"] != nil {
      notes.append(.migrated("dropped the export's __inputs/__requires: provision the datasources they name instead"))
    }
    // Instance state, not content: Grafana assigns the id and counts versions itself.
    model = model.merging(["id": .null, "version": 1])
    if model["rows"] != nil {
      model = LegacyMigration.gridLayout(model, notes: &notes)
      model = model.merging(["schemaVersion": .int(target.schemaVersion)])
    }
    return model
  }

  // MARK: - Typed part

  static func typedDashboard(_ json: JSONValue, source: String, target: GrafanaTarget, notes: inout [ImportNote]) -> Dashboard {
    let title = json["title"]?.text ?? ""
    var uid = json["uid"]?.text ?? ""
    if !isValidUID(uid) {
      uid = String(Renderer.slug(title.isEmpty ? source : title).prefix(40))
      notes.append(.warning("the dashboard has no usable uid; using \"\(uid)\" (the raw JSON keeps the original)"))
    }
    var dashboard = Dashboard(title.isEmpty ? "Untitled" : title, uid: uid) {}
    dashboard.target = savedTarget(json, default: target)
    if case .string(let description)? = json["description"] { dashboard.description = description }
    dashboard.tags = json["tags"]?.elements.compactMap(\.text) ?? []
    if let from = json["time"]?["from"]?.text, let to = json["time"]?["to"]?.text {
      dashboard.timeFrom = from
      dashboard.timeTo = to
    }
    if let refresh = json["refresh"]?.text, PromDuration(refresh).milliseconds != nil { dashboard.refresh = PromDuration(refresh) }
    switch json["timezone"]?.text {
    case "utc": dashboard.timezone = .utc
    case "browser", "", nil: dashboard.timezone = .browser
    case let zone?: dashboard.timezone = .zone(zone)
    }
    if json["editable"] == .bool(false) { dashboard.isEditable = false }
    dashboard.cursorSync = Dashboard.CursorSync(rawValue: json["graphTooltip"]?.integer ?? 0) ?? .off
    dashboard.variables = (json["templating"]?["list"]?.elements ?? []).compactMap(VariableImporter.variable)
    dashboard.links = LinkImporter.links(json["links"])
    dashboard.annotations = LinkImporter.annotations(json["annotations"])
    dashboard.builtInAnnotation = LinkImporter.builtInAnnotation(json["annotations"])
    // Queries without a datasource need one to validate; where the input has none, the raw JSON takes it out again.
    dashboard.defaultDatasource =
      dashboard.variables.lazy.compactMap { variable in
        if case .datasource(let type) = variable.kind { DatasourceRef.variable(variable.name, type: type) } else { nil }
      }.first
      ?? .prometheus("prometheus")
    var summary = LegacyPanels.Summary()
    dashboard.items = items(json["panels"]?.elements ?? [], notes: &notes, summary: &summary)
    notes += summary.notes
    dropImpliedIDsAndVersions(&dashboard)
    return dashboard
  }

  /// Fixed ids only where the layout would not give the same ones, plugin versions only where they
  /// are not the dashboard's: the spec states what it pins, not what it gets anyway.
  static func dropImpliedIDsAndVersions(_ dashboard: inout Dashboard) {
    var implied = dashboard
    editItems(of: &implied, panel: { $0.id = nil }, row: { $0.id = nil })
    let automatic = GridLayout.place(implied).items
    let fixed = GridLayout.place(dashboard).items
    let allImplied = automatic == fixed
    let version = dashboard.target.version
    editItems(
      of: &dashboard,
      panel: { panel in
        if allImplied { panel.id = nil }
        if panel.pluginVersion == version { panel.pluginVersion = nil }
      },
      row: { row in if allImplied { row.id = nil } })
  }

  /// The Grafana the dashboard was saved with: its schema version and its panels' most common plugin
  /// version (the earliest of equally common ones), each the default's where the input has none.
  static func savedTarget(_ json: JSONValue, default target: GrafanaTarget) -> GrafanaTarget {
    var counts: [String: Int] = [:]
    for panel in json["panels"]?.elements ?? [] {
      for inner in [panel] + (panel["panels"]?.elements ?? []) {
        if let version = inner["pluginVersion"]?.text, !version.isEmpty { counts[version, default: 0] += 1 }
      }
    }
    let version = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? target.version
    return GrafanaTarget(version: version, schemaVersion: json["schemaVersion"]?.integer ?? target.schemaVersion)
  }

  /// Edits every row and every panel, in rows or not, in place.
  static func editItems(of dashboard: inout Dashboard, panel edit: (inout Panel) -> Void, row editRow: (inout Row) -> Void) {
    for index in dashboard.items.indices {
      switch dashboard.items[index] {
      case .panel(var panel):
        edit(&panel)
        dashboard.items[index] = .panel(panel)
      case .row(var row):
        editRow(&row)
        for panelIndex in row.panels.indices { edit(&row.panels[panelIndex]) }
        dashboard.items[index] = .row(row)
      }
    }
  }

  /// Panels before the first row stand alone; an open row takes the panels after it, a collapsed
  /// one carries its own.
  static func items(_ panels: [JSONValue], notes: inout [ImportNote], summary: inout LegacyPanels.Summary) -> [DashboardItem] {
    var items: [DashboardItem] = []
    for json in panels {
      if json["type"]?.text == "row" {
        let top = (json["gridPos"]?["y"]?.integer ?? 0) + 1
        var row = Row(json["title"]?.text ?? "") {}
        if row.title.isEmpty { row.title = "Untitled" }
        row.isCollapsed = json["collapsed"] == .bool(true)
        if let variable = json["repeat"]?.text, !variable.isEmpty { row.repeatVariable = variable }
        row.id = json["id"]?.integer
        row.panels = (json["panels"]?.elements ?? []).map { panel($0, sectionTop: top, notes: &notes, summary: &summary) }
        items.append(.row(row))
      } else if case .row(var row)? = items.last, !row.isCollapsed {
        // Positions inside an open row are set once the layout has placed the row (`placeRowPanels`).
        row.panels.append(panel(json, sectionTop: 0, notes: &notes, summary: &summary))
        items[items.count - 1] = .row(row)
      } else {
        items.append(.panel(panel(json, sectionTop: 0, notes: &notes, summary: &summary)))
      }
    }
    return items
  }

  static func panel(_ json: JSONValue, sectionTop: Int, notes: inout [ImportNote], summary: inout LegacyPanels.Summary) -> Panel {
    LegacyPanels.isLegacy(json)
      ? LegacyPanels.panel(json, sectionTop: sectionTop, notes: &notes, summary: &summary)
      : PanelImporter.panel(json, sectionTop: sectionTop, notes: &notes)
  }

  // MARK: - Raw part

  /// Lowers the typed dashboard and puts back, as raw JSON on each variable, row, panel and query,
  /// what differs from the input. Legacy panels keep their migrated form: `expected` takes it.
  static func patch(
    _ dashboard: inout Dashboard, expected: inout JSONValue, notes: inout [ImportNote], defaults: inout LoadTimeDefaults.Applied
  ) {
    // Positions inside open rows are relative to where the layout puts the row.
    placeRowPanels(&dashboard, expected: expected)
    var lowered = lower(dashboard)
    let inputPanels = expected["panels"]?.elements ?? []
    let loweredPanels = lowered["panels"]?.elements ?? []
    var migratedPanels = inputPanels
    if inputPanels.count == loweredPanels.count, slotCount(dashboard) == inputPanels.count {
      // Each item is taken out of the list while it is patched, so that changing a row's panels
      // changes them in place rather than copying the row's whole list for every panel.
      var items = dashboard.items
      dashboard.items = []
      var index = 0
      func patchPanel(_ panel: inout Panel) {
        let input = inputPanels[index]
        let output = loweredPanels[index]
        migratedPanels[index] = LegacyPanels.isLegacy(input) ? LegacyPanels.expected(migrated: output, input: input) : input
        Self.patchPanel(&panel, lowered: output, input: &migratedPanels[index], notes: &notes, defaults: &defaults)
        index += 1
      }
      for item in items.indices {
        switch items[item] {
        case .panel(var panel):
          patchPanel(&panel)
          items[item] = .panel(panel)
        case .row(var row):
          items[item] = .row(Row("") {})
          patchRow(
            &row, input: inputPanels[index], output: loweredPanels[index], migrated: &migratedPanels[index], notes: &notes,
            defaults: &defaults)
          index += 1
          if !row.isCollapsed {
            for panelIndex in row.panels.indices { patchPanel(&row.panels[panelIndex]) }
          }
          items[item] = .row(row)
        }
      }
      dashboard.items = items
    } else {
      // One or the other: typed panels beside a raw list that replaces them would be dead code.
      dashboard.items = []
      notes.append(.warning("the panel list could not be matched to the typed layout; it is kept as raw JSON, and no panel typed"))
    }
    expected = expected.merging(["panels": .array(migratedPanels)])
    // Variables, links and annotations lower the same without the panels: compared on the dashboard alone.
    var bare = dashboard
    bare.items = []
    patchVariables(&dashboard, output: lower(bare), expected: &expected, notes: &notes, defaults: &defaults)
    // Lists typed whole or not at all (see LinkImporter).
    bare.variables = dashboard.variables
    lowered = lower(bare)
    LoadTimeDefaults.accept(DashboardSchemaDefaults.link, of: "link", inListAt: ["links"], into: &expected, lowered: lowered, applied: &defaults)
    LoadTimeDefaults.accept(
      DashboardSchemaDefaults.annotation, of: "annotation", inListAt: ["annotations", "list"], into: &expected, lowered: lowered,
      applied: &defaults)
    if !JSONPatch.same(lowered["links"] ?? .null, expected["links"] ?? .null) { dashboard.links = [] }
    if !JSONPatch.same(lowered["annotations"] ?? .null, expected["annotations"] ?? .null) {
      dashboard.annotations = []
      dashboard.builtInAnnotation = BuiltInAnnotation()
    }
    lowered = lower(dashboard)
    LoadTimeDefaults.accept(DashboardSchemaDefaults.dashboard, of: "dashboard", into: &expected, lowered: lowered, applied: &defaults)
    let patch = JSONPatch(from: lowered, to: expected)
    dashboard.extraJSON = patch.merge
    dashboard.removedJSON = patch.removals
    if !patch.isEmpty { notes.append(.keptRaw(item: "dashboard", paths: patch.paths)) }
  }

  /// A row's own raw part (its panels, when collapsed, each their own); `migrated` is the input
  /// entry with legacy panels in it migrated.
  static func patchRow(
    _ row: inout Row, input: JSONValue, output: JSONValue, migrated: inout JSONValue, notes: inout [ImportNote],
    defaults: inout LoadTimeDefaults.Applied
  ) {
    let nestedInput = input["panels"]?.elements ?? []
    let nestedOutput = output["panels"]?.elements ?? []
    if nestedInput.count == nestedOutput.count, nestedInput.count == row.panels.count {
      var targets = zip(nestedInput, nestedOutput).map { input, output in
        LegacyPanels.isLegacy(input) ? LegacyPanels.expected(migrated: output, input: input) : input
      }
      for nestedIndex in targets.indices {
        patchPanel(
          &row.panels[nestedIndex], lowered: nestedOutput[nestedIndex], input: &targets[nestedIndex], notes: &notes,
          defaults: &defaults)
      }
      migrated = input.merging(["panels": .array(targets)])
    }
    LoadTimeDefaults.accept(DashboardSchemaDefaults.row, of: "row", into: &migrated, lowered: output, applied: &defaults)
    let patch = JSONPatch(from: output, to: migrated, skipping: ["panels"])
    row.extraJSON = patch.merge
    row.removedJSON = patch.removals
    if !patch.isEmpty { notes.append(.keptRaw(item: "row \(PanelImporter.quoted(row.title))", paths: patch.paths)) }
  }

  static func patchPanel(
    _ panel: inout Panel, lowered: JSONValue, input: inout JSONValue, notes: inout [ImportNote],
    defaults: inout LoadTimeDefaults.Applied
  ) {
    LoadTimeDefaults.accept(DashboardSchemaDefaults.panel, of: "panel", into: &input, lowered: lowered, applied: &defaults)
    LoadTimeDefaults.acceptPluginDefaults(into: &input, lowered: lowered, applied: &defaults)
    let loweredTargets = lowered["targets"]?.elements ?? []
    let inputTargets = input["targets"]?.elements ?? []
    var skipped: Set<String> = []
    if !panel.queries.isEmpty, loweredTargets.count == inputTargets.count, loweredTargets.count == panel.queries.count {
      skipped.insert("targets")
      for index in panel.queries.indices {
        let patch = JSONPatch(from: loweredTargets[index], to: inputTargets[index])
        panel.queries[index].extraJSON = patch.merge
        panel.queries[index].removedJSON = patch.removals
        if !patch.isEmpty {
          notes.append(.keptRaw(item: "panel \(PanelImporter.quoted(input["title"]?.text ?? "")) › query \(index + 1)", paths: patch.paths))
        }
      }
    }
    let loweredTransformations = lowered["transformations"]?.elements ?? []
    let inputTransformations = input["transformations"]?.elements ?? []
    if !panel.transformations.isEmpty, loweredTransformations.count == inputTransformations.count,
      loweredTransformations.count == panel.transformations.count
    {
      skipped.insert("transformations")
      for index in panel.transformations.indices {
        let patch = JSONPatch(from: loweredTransformations[index], to: inputTransformations[index])
        panel.transformations[index].extraJSON = patch.merge
        panel.transformations[index].removedJSON = patch.removals
        if !patch.isEmpty {
          let item = "panel \(PanelImporter.quoted(input["title"]?.text ?? "")) › transformation \(index + 1)"
          notes.append(.keptRaw(item: item, paths: patch.paths))
        }
      }
    }
    let patch = JSONPatch(from: lowered, to: input, skipping: skipped)
    panel.extraJSON = patch.merge
    panel.removedJSON = patch.removals
    if !patch.isEmpty { notes.append(.keptRaw(item: "panel \(PanelImporter.quoted(input["title"]?.text ?? ""))", paths: patch.paths)) }
  }

  static func patchVariables(
    _ dashboard: inout Dashboard, output lowered: JSONValue, expected: inout JSONValue, notes: inout [ImportNote],
    defaults: inout LoadTimeDefaults.Applied
  ) {
    var input = expected["templating"]?["list"]?.elements ?? []
    let output = lowered["templating"]?["list"]?.elements ?? []
    guard input.count == output.count, input.count == dashboard.variables.count else { return }
    for index in input.indices {
      LoadTimeDefaults.accept(DashboardSchemaDefaults.variable, of: "variable", into: &input[index], lowered: output[index], applied: &defaults)
      let patch = JSONPatch(from: output[index], to: input[index])
      dashboard.variables[index].extraJSON = patch.merge
      dashboard.variables[index].removedJSON = patch.removals
      if !patch.isEmpty { notes.append(.keptRaw(item: "variable \(dashboard.variables[index].name)", paths: patch.paths)) }
    }
    if case .object(var templating)? = expected["templating"] {
      templating["list"] = .array(input)
      expected = expected.merging(["templating": .object(templating)])
    }
  }

  /// The entries of the lowered panel list: each item, and the panels of each open row.
  static func slotCount(_ dashboard: Dashboard) -> Int {
    dashboard.items.reduce(0) { count, item in
      switch item {
      case .panel: count + 1
      case .row(let row): count + 1 + (row.isCollapsed ? 0 : row.panels.count)
      }
    }
  }

  /// Pins each open row's panels relative to where the layout puts that row (row by row, as each
  /// row's place depends on the panels above it), so they land where the input has them; a panel
  /// above its row's content keeps its place through raw JSON. One pass: the layout is translation
  /// invariant, so each section (the loose panels before a row, or an open row and its panels) is
  /// placed on its own, with a probe row after it whose line is where the next item starts.
  static func placeRowPanels(_ dashboard: inout Dashboard, expected: JSONValue) {
    let input = expected["panels"]?.elements ?? []
    let probe = DashboardItem.row(Row("probe") {})
    var cursor = 0
    var top = 0
    var loose: [DashboardItem] = []
    func height(of section: [DashboardItem]) -> Int {
      var alone = Dashboard("probe", uid: "probe") {}
      alone.items = section + [probe]
      guard case .row(let place)? = GridLayout.place(alone).items.last else { return 0 }
      return place.position.y
    }
    for index in dashboard.items.indices {
      cursor += 1
      guard case .row(var row) = dashboard.items[index] else {
        loose.append(dashboard.items[index])
        continue
      }
      if !loose.isEmpty {
        top += height(of: loose)
        loose = []
      }
      guard !row.isCollapsed else {
        top += 1
        continue
      }
      dashboard.items[index] = probe
      for panelIndex in row.panels.indices {
        defer { cursor += 1 }
        guard cursor < input.count, let grid = input[cursor]["gridPos"] else { continue }
        let x = grid["x"]?.integer ?? 0
        let y = (grid["y"]?.integer ?? 0) - (top + 1)
        let width = row.panels[panelIndex].layout.width ?? 12
        row.panels[panelIndex].layout.position = x >= 0 && y >= 0 && x + width <= 24 ? GridPoint(x: x, y: y) : nil
      }
      top += height(of: [.row(row)])
      dashboard.items[index] = .row(row)
    }
  }

  static func lower(_ dashboard: Dashboard) -> JSONValue {
    let (placed, _) = GridLayout.place(dashboard)
    return DashboardLowering.json(dashboard, placed: placed)
  }

  static func isValidUID(_ uid: String) -> Bool {
    (1...40).contains(uid.count) && uid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
  }

  /// ` (did you mean "panels"?)` when a known key is at most two edits away, else empty.
  static func suggestion(for key: String, in known: Set<String>) -> String {
    NearestName.suggestion(for: key, in: known)
  }

}

/// A dashboard brought in by ``DashboardImporter``: the typed value, the model it must render
/// (the input as Grafana normalises it), and the notes for the reviewer.
public struct DashboardImport: Sendable {
  public var dashboard: Dashboard
  public var expected: JSONValue
  public var notes: [ImportNote]
  public var source: String

  /// The fixed datasource uids the dashboard names (not variables): the catalog must provision them.
  public var datasourceUIDs: [String] {
    var refs = dashboard.defaultDatasource.map { [$0] } ?? []
    for variable in dashboard.variables {
      switch variable.kind {
      case .query(_, let datasource, _, _), .adhoc(let datasource, _, _, _, _): refs.append(datasource)
      default: break
      }
    }
    for item in dashboard.items {
      let panels: [Panel] = switch item {
      case .panel(let panel): [panel]
      case .row(let row): row.panels
      }
      for panel in panels { refs += (panel.datasource.map { [$0] } ?? []) + panel.queries.compactMap(\.datasource) }
    }
    return Set(refs.filter { $0.variableName == nil && $0.type != .grafana && $0.type != .builtIn }.map(\.uid)).sorted()
  }

  /// Where the typed value, lowered, still differs from the input (empty when the import is exact).
  public var differences: [String] {
    JSONPatch(from: DashboardImporter.lower(dashboard), to: expected).paths
  }
}

/// Why a file could not be imported at all.
public struct ImportFailure: Error, Equatable, CustomStringConvertible {
  public let description: String
  init(_ description: String) { self.description = description }
}
