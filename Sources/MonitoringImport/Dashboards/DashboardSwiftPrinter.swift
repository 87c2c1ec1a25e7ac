import MonitoringDSL
import MonitoringRender

/// Swift source for an imported dashboard, in the DSL a person writes: the dashboard in a
/// computed property, one function per row and per panel that carries raw JSON, so each body
/// type-checks quickly; notes as comments at the top.
/// ```swift
/// let source = DashboardSwiftPrinter.source(imported, typeName: "NodeExporterFull")
/// ```
public enum DashboardSwiftPrinter {
  public static func source(_ imported: DashboardImport, typeName: String) -> String {
    let dashboard = imported.dashboard
    var functions: [String] = []
    var names = SwiftNames(reserved: PromQLSwiftPrinter.freeFunctionNames.union(["dashboard", "datasourceUIDs"]))
    var promQL = PromQLSwiftPrinter(catalogue: "Metrics")

    var itemCalls: [String] = []
    for item in dashboard.items {
      switch item {
      case .panel(let panel):
        let name = names.unique(panel.title, fallback: "panel")
        functions.append(panelFunction(panel, name: name, promQL: &promQL))
        itemCalls.append("\(name)()")
      case .row(let row):
        let name = names.unique(row.title + " Row", fallback: "row")
        var panelLines: [String] = []
        for panel in row.panels {
          if hasRaw(panel) {
            let panelName = names.unique(panel.title, fallback: "panel")
            functions.append(panelFunction(panel, name: panelName, promQL: &promQL))
            panelLines.append("\(panelName)()")
          } else {
            panelLines.append(expression(panel, indent: "      ", promQL: &promQL))
          }
        }
        var text = "  static func \(name)() -> Row {\n    Row(\(SwiftLiteral.string(row.title))) {\n"
        text += panelLines.map { "      \($0)\n" }.joined()
        text += "    }\n"
        if row.isCollapsed { text += "    .collapsed()\n" }
        if let variable = row.repeatVariable { text += "    .repeatBy(\(SwiftLiteral.string(variable)))\n" }
        if let id = row.id { text += "    .id(\(id))\n" }
        text += raw(extra: row.extraJSON, removed: row.removedJSON, indent: "    ")
        text += "  }\n"
        functions.insert(text, at: functions.count - row.panels.filter(hasRaw).count)
        itemCalls.append("\(name)()")
      }
    }

    var output = SwiftFile.opening(
      command: "dashboard", source: imported.source,
      about: "Review it like any spec: what the DSL does not type is kept as raw JSON (.extraJSON/.removingJSON).",
      notes: imported.notes, doc: "\(dashboard.title), imported from \(imported.source).", typeName: typeName)
    output += "  /// The datasource uids the dashboard names; provision them (variables are resolved by Grafana).\n"
    output += "  public static let datasourceUIDs: [String] = \(SwiftLiteral.strings(imported.datasourceUIDs))\n\n"
    if !promQL.isEmpty { output += promQL.catalogueSource(indent: "  ") + "\n" }
    return output
      + SwiftFile.property(
        "dashboard", type: "Dashboard",
        constructor: "Dashboard(\(SwiftLiteral.string(dashboard.title)), uid: \(SwiftLiteral.string(dashboard.uid)))",
        body: itemCalls.map { $0 + "\n" }, modifiers: dashboardModifiers(dashboard, indent: "    "), functions: functions)
  }

  private static func hasRaw(_ panel: Panel) -> Bool {
    panel.extraJSON != nil || !panel.removedJSON.isEmpty
      || panel.queries.contains { $0.extraJSON != nil || !$0.removedJSON.isEmpty }
      || panel.transformations.contains { $0.extraJSON != nil || !$0.removedJSON.isEmpty }
  }

  private static func panelFunction(_ panel: Panel, name: String, promQL: inout PromQLSwiftPrinter) -> String {
    "  static func \(name)() -> Panel {\n    \(expression(panel, indent: "    ", promQL: &promQL))\n  }\n"
  }

  private static func dashboardModifiers(_ dashboard: Dashboard, indent: String) -> String {
    var lines: [String] = []
    if let description = dashboard.description { lines.append(".description(\(SwiftLiteral.string(description)))") }
    if !dashboard.tags.isEmpty { lines.append(".tags(\(SwiftLiteral.strings(dashboard.tags)))") }
    if dashboard.timeFrom != "now-6h" || dashboard.timeTo != "now" {
      lines.append(
        ".time(from: \(SwiftLiteral.string(dashboard.timeFrom))"
          + (dashboard.timeTo == "now" ? ")" : ", to: \(SwiftLiteral.string(dashboard.timeTo)))"))
    }
    if let refresh = dashboard.refresh { lines.append(".refresh(\(SwiftLiteral.string(refresh.text)))") }
    switch dashboard.timezone {
    case .browser: break
    case .utc: lines.append(".timezone(.utc)")
    case .zone(let zone): lines.append(".timezone(.zone(\(SwiftLiteral.string(zone))))")
    }
    if !dashboard.isEditable { lines.append(".editable(false)") }
    switch dashboard.cursorSync {
    case .sharedCrosshair: break
    case .off: lines.append(".cursorSync(.off)")
    case .sharedTooltip: lines.append(".cursorSync(.sharedTooltip)")
    }
    if let datasource = dashboard.defaultDatasource { lines.append(".datasource(\(datasourceSource(datasource)))") }
    if dashboard.target != .default { lines.append(".target(\(targetSource(dashboard.target)))") }
    if !dashboard.links.isEmpty {
      let inner = indent + "  "
      lines.append(".links {\n" + dashboard.links.map { inner + linkSource($0) + "\n" }.joined() + indent + "}")
    }
    if dashboard.builtInAnnotation != BuiltInAnnotation() {
      lines.append(".builtInAnnotation(\(builtInAnnotationSource(dashboard.builtInAnnotation)))")
    }
    if !dashboard.annotations.isEmpty {
      let inner = indent + "  "
      lines.append(".annotations {\n" + dashboard.annotations.map { inner + annotationSource($0) + "\n" }.joined() + indent + "}")
    }
    if !dashboard.variables.isEmpty {
      let inner = indent + "  "
      lines.append(".variables {\n" + dashboard.variables.map { inner + variableSource($0, indent: inner) + "\n" }.joined() + indent + "}")
    }
    return lines.map { indent + $0 + "\n" }.joined() + raw(extra: dashboard.extraJSON, removed: dashboard.removedJSON, indent: indent)
  }

  /// A panel expression: the kind's builder with its queries, then its modifiers.
  static func expression(_ panel: Panel, indent: String, promQL: inout PromQLSwiftPrinter) -> String {
    let title = SwiftLiteral.string(panel.title)
    let kind = type(of: panel.kind.base)
    var text = SwiftSource.call(kind.builderName, [("", .code(title))] + panel.kind.base.builderArguments).text(indent: indent)
    if kind.runsQueries {
      let refIDsAreDefault = panel.queries.enumerated().allSatisfy { $0.element.refID == nil || $0.element.refID == letters($0.offset) }
      let queries = panel.queries.map { indent + "  " + querySource($0, showRefID: !refIDsAreDefault, indent: indent + "  ", promQL: &promQL) + "\n" }
      text += " {\n" + queries.joined() + indent + "}"
    }
    var lines: [String] = []
    if let description = panel.description { lines.append(".description(\(SwiftLiteral.string(description)))") }
    if let datasource = panel.datasource { lines.append(".datasource(\(datasourceSource(datasource)))") }
    if let unit = panel.field.unit { lines.append(".unit(\(SwiftLiteral.string(unit.rawValue)))") }
    if let decimals = panel.field.decimals { lines.append(".decimals(\(decimals))") }
    if let min = panel.field.min { lines.append(".min(\(SwiftLiteral.double(min)))") }
    if let max = panel.field.max { lines.append(".max(\(SwiftLiteral.double(max)))") }
    if let thresholds = panel.field.thresholds { lines.append(thresholdsSource(thresholds)) }
    if let color = panel.field.color { lines.append(".color(\(colorSource(color)))") }
    if let text = panel.field.noValue { lines.append(".noValue(\(SwiftLiteral.string(text)))") }
    if let text = panel.field.displayName { lines.append(".displayName(\(SwiftLiteral.string(text)))") }
    if !panel.field.mappings.isEmpty {
      let inner = indent + "  "
      lines.append(".mappings {\n" + panel.field.mappings.map { inner + mappingSource($0) + "\n" }.joined() + indent + "}")
    }
    if let links = panel.field.links {
      let inner = indent + "  "
      lines.append(links.isEmpty ? ".dataLinks {}" : ".dataLinks {\n" + links.map { inner + dataLinkSource($0) + "\n" }.joined() + indent + "}")
    }
    if !panel.links.isEmpty {
      let inner = indent + "  "
      lines.append(".links {\n" + panel.links.map { inner + linkSource($0) + "\n" }.joined() + indent + "}")
    }
    if !panel.overrides.isEmpty {
      let inner = indent + "  "
      lines.append(".overrides {\n" + panel.overrides.map { inner + overrideSource($0, indent: inner) + "\n" }.joined() + indent + "}")
    }
    if !panel.transformations.isEmpty {
      let inner = indent + "  "
      lines.append(".transformations {\n" + panel.transformations.map { inner + transformationSource($0, indent: inner) + "\n" }.joined() + indent + "}")
    }
    if let repeatBy = panel.repeatBy {
      var arguments = [SwiftLiteral.string(repeatBy.variable)]
      if repeatBy.direction == .vertical { arguments.append("direction: .vertical") }
      if let maxPerRow = repeatBy.maxPerRow { arguments.append("maxPerRow: \(maxPerRow)") }
      lines.append(".repeatBy(\(arguments.joined(separator: ", ")))")
    }
    if let width = panel.layout.width, let height = panel.layout.height { lines.append(".size(width: \(width), height: \(height))") }
    if let position = panel.layout.position { lines.append(".position(x: \(position.x), y: \(position.y))") }
    if panel.isTransparent { lines.append(".transparent()") }
    if let interval = panel.minInterval { lines.append(".minInterval(\(SwiftLiteral.string(interval.text)))") }
    if let points = panel.maxDataPoints { lines.append(".maxDataPoints(\(points))") }
    if let range = panel.relativeTime { lines.append(".relativeTime(\(SwiftLiteral.string(range)))") }
    if let shift = panel.timeShift { lines.append(".timeShift(\(SwiftLiteral.string(shift)))") }
    if let hidden = panel.hidesTimeOverride { lines.append(hidden ? ".hideTimeOverride()" : ".hideTimeOverride(false)") }
    if let timeout = panel.cacheTimeout { lines.append(".cacheTimeout(\(SwiftLiteral.string(timeout)))") }
    if let id = panel.id { lines.append(".id(\(id))") }
    if let version = panel.pluginVersion { lines.append(".pluginVersion(\(SwiftLiteral.string(version)))") }
    text += lines.map { "\n" + indent + $0 }.joined()
    let raw = raw(extra: panel.extraJSON, removed: panel.removedJSON, indent: indent)
    if !raw.isEmpty { text += "\n" + raw.dropLast() }
    return text
  }

  static func querySource(_ query: Query, showRefID: Bool, indent: String, promQL: inout PromQLSwiftPrinter) -> String {
    var text: String
    switch query.language {
    case .prometheus:
      text = "Query(\(query.promQL.map { promQL.source($0) } ?? SwiftLiteral.string(query.expr))"
      if let legend = query.legend { text += ", legend: \(SwiftLiteral.string(legend))" }
      text += ")"
    case .loki(let loki): text = lokiSource(query, loki)
    case .tempo(let tempo): text = tempoSource(query, tempo)
    }
    if showRefID, let refID = query.refID { text += ".refID(\(SwiftLiteral.string(refID)))" }
    switch query.mode {
    case .range: break
    case .instant: text += ".instant()"
    case .both: text += ".rangeAndInstant()"
    }
    switch query.format {
    case nil: break
    case .timeSeries: text += ".format(.timeSeries)"
    case .table: text += ".format(.table)"
    case .heatmap: text += ".format(.heatmap)"
    }
    if let interval = query.interval { text += ".interval(\(SwiftLiteral.string(interval.text)))" }
    if query.isHidden { text += ".hidden()" }
    if let exemplars = query.exemplars { text += exemplars ? ".exemplars()" : ".exemplars(false)" }
    if let step = query.legacyStep { text += ".legacyStep(\(step))" }
    if let factor = query.intervalFactor { text += ".intervalFactor(\(factor))" }
    let omitted = Query.EditorMember.allCases.filter(query.omittedMembers.contains)
    if !omitted.isEmpty { text += ".omitting(\(omitted.map { ".\($0)" }.joined(separator: ", ")))" }
    if let datasource = query.datasource { text += ".datasource(\(datasourceSource(datasource)))" }
    let raw = raw(extra: query.extraJSON, removed: query.removedJSON, indent: indent)
    if !raw.isEmpty { text += "\n" + raw.dropLast() }
    return text
  }

  private static func transformationSource(_ transformation: Transformation, indent: String) -> String {
    let text = transformation.swiftSource(indent: indent)
    let raw = raw(extra: transformation.extraJSON, removed: transformation.removedJSON, indent: indent + "  ")
    return raw.isEmpty ? text : text + "\n" + raw.dropLast()
  }

  /// `LokiQuery(…)` with the settings that differ from its defaults.
  private static func lokiSource(_ query: Query, _ loki: Query.Loki) -> String {
    var arguments = [SwiftLiteral.string(query.expr)]
    if let legend = query.legend { arguments.append("legend: \(SwiftLiteral.string(legend))") }
    if loki.queryType != .range { arguments.append("type: .\(loki.queryType)") }
    if let maxLines = loki.maxLines { arguments.append("maxLines: \(maxLines)") }
    if let direction = loki.direction { arguments.append("direction: .\(direction)") }
    if let step = loki.step { arguments.append("step: \(SwiftLiteral.string(step))") }
    if let resolution = loki.resolution { arguments.append("resolution: \(resolution)") }
    if loki.editorMode != .code { arguments.append("editorMode: .\(loki.editorMode)") }
    return "LokiQuery(\(arguments.joined(separator: ", ")))"
  }

  /// `TempoQuery(…)` with the settings that differ from its defaults.
  private static func tempoSource(_ query: Query, _ tempo: Query.Tempo) -> String {
    var arguments = [SwiftLiteral.string(query.expr)]
    if tempo.queryType != .traceql { arguments.append("type: .\(tempo.queryType)") }
    if let limit = tempo.limit { arguments.append("limit: \(limit)") }
    if let spss = tempo.spansPerSpanSet { arguments.append("spansPerSpanSet: \(spss)") }
    if let tableType = tempo.tableType { arguments.append("tableType: .\(tableType)") }
    if !tempo.filters.isEmpty {
      let filters = tempo.filters.map { filter in
        var parts = ["id: \(SwiftLiteral.string(filter.id))"]
        if let tag = filter.tag { parts.append("tag: \(SwiftLiteral.string(tag))") }
        if let op = filter.operator { parts.append("operator: \(SwiftLiteral.string(op))") }
        if let value = filter.value { parts.append("value: \(SwiftLiteral.string(value))") }
        if let valueType = filter.valueType { parts.append("valueType: \(SwiftLiteral.string(valueType))") }
        if let scope = filter.scope { parts.append("scope: .\(scope)") }
        return "Query.Tempo.Filter(\(parts.joined(separator: ", ")))"
      }
      arguments.append("filters: [\(filters.joined(separator: ", "))]")
    }
    return "TempoQuery(\(arguments.joined(separator: ", ")))"
  }

  private static func variableSource(_ variable: Variable, indent: String) -> String {
    let name = SwiftLiteral.string(variable.name)
    var text: String
    switch variable.kind {
    case .datasource(let type): text = "Variable.datasource(\(name), type: \(SwiftLiteral.string(type.rawValue)))"
    case .query(let query, let datasource, let refresh, let sort):
      text = "Variable.query(\(name), \(SwiftLiteral.string(query)), datasource: \(datasourceSource(datasource))"
      if refresh != .onTimeRangeChange { text += ", refresh: .\(refresh)" }
      if sort != .alphabeticalAscending { text += ", sort: .\(sort)" }
      text += ")"
    case .custom(let values): text = "Variable.custom(\(name), \(SwiftLiteral.strings(values)))"
    case .interval(let values): text = "Variable.interval(\(name), \(SwiftLiteral.strings(values.map(\.text))))"
    case .constant(let value): text = "Variable.constant(\(name), \(SwiftLiteral.string(value)))"
    case .textbox(let value):
      text = "Variable.textbox(\(name)" + (value.isEmpty ? "" : ", default: \(SwiftLiteral.string(value))") + ")"
    case .adhoc(let datasource, let filters, let baseFilters, let defaultKeys, let allowsCustomValues):
      var arguments = [name, "datasource: \(datasourceSource(datasource))"]
      if !filters.isEmpty { arguments.append("filters: \(filtersSource(filters))") }
      if !baseFilters.isEmpty { arguments.append("baseFilters: \(filtersSource(baseFilters))") }
      if !defaultKeys.isEmpty { arguments.append("defaultKeys: \(SwiftLiteral.strings(defaultKeys))") }
      if !allowsCustomValues { arguments.append("allowsCustomValues: false") }
      text = "Variable.adhoc(\(arguments.joined(separator: ", ")))"
    }
    if let label = variable.label { text += ".label(\(SwiftLiteral.string(label)))" }
    if let description = variable.description { text += ".description(\(SwiftLiteral.string(description)))" }
    let defaultVisibility: Variable.Visibility = if case .constant = variable.kind { .hidden } else { .visible }
    if variable.visibility != defaultVisibility { text += ".visibility(.\(variable.visibility))" }
    if variable.allowsMultiple {
      var arguments: [String] = []
      if variable.includesAll { arguments.append("includeAll: true") }
      if let allValue = variable.allValue { arguments.append("allValue: \(SwiftLiteral.string(allValue))") }
      text += ".multi(\(arguments.joined(separator: ", ")))"
    }
    if let regex = variable.regex { text += ".regex(\(SwiftLiteral.string(regex)))" }
    if let current = variable.current { text += ".current(\(selectionSource(current)))" }
    let raw = raw(extra: variable.extraJSON, removed: variable.removedJSON, indent: indent)
    if !raw.isEmpty { text += "\n" + raw.dropLast() }
    return text
  }

  private static func filtersSource(_ filters: [AdHocFilter]) -> String {
    "[" + filters.map { "AdHocFilter(\(SwiftLiteral.string($0.key)), .\($0.operator), \(SwiftLiteral.string($0.value)))" }.joined(separator: ", ") + "]"
  }

  private static func selectionSource(_ selection: VariableSelection) -> String {
    if selection.selected == nil, selection.text == selection.value, case .one(let value) = selection.value {
      return SwiftLiteral.string(value)
    }
    func values(_ values: VariableSelection.Values) -> String {
      switch values {
      case .one(let value): ".one(\(SwiftLiteral.string(value)))"
      case .several(let list): ".several(\(SwiftLiteral.strings(list)))"
      }
    }
    let selected = selection.selected.map { ", selected: \($0)" } ?? ""
    return "VariableSelection(text: \(values(selection.text)), value: \(values(selection.value))\(selected))"
  }

  static func datasourceSource(_ ref: DatasourceRef) -> String {
    if ref == .grafana { return ".grafana" }
    if ref == .grafanaAnnotations { return ".grafanaAnnotations" }
    if ref == .mixed { return ".mixed" }
    if ref.type == .prometheus, let name = ref.variableName, ref.uid == "${\(name)}" { return ".variable(\(SwiftLiteral.string(name)))" }
    if ref.type == .prometheus { return ".prometheus(\(SwiftLiteral.string(ref.uid)))" }
    if ref.type == .loki || ref.type == .tempo {
      if let name = ref.variableName, ref.uid == "${\(name)}" { return ".variable(\(SwiftLiteral.string(name)), type: .\(ref.type.rawValue))" }
      if ref.variableName == nil { return ".\(ref.type.rawValue)(\(SwiftLiteral.string(ref.uid)))" }
    }
    return "DatasourceRef(type: \(SwiftLiteral.string(ref.type.rawValue)), uid: \(SwiftLiteral.string(ref.uid)))"
  }

  private static func targetSource(_ target: GrafanaTarget) -> String {
    "GrafanaTarget(version: \(SwiftLiteral.string(target.version)), schemaVersion: \(target.schemaVersion))"
  }

  private static let namedColors: Set = ["green", "yellow", "orange", "red", "blue", "purple", "text", "transparent"]

  private static func colorLiteral(_ color: Color) -> String {
    namedColors.contains(color.rawValue) ? ".\(color.rawValue)" : SwiftLiteral.string(color.rawValue)
  }

  private static func colorSource(_ mode: ColorMode) -> String {
    switch mode {
    case .thresholds: ".thresholds"
    case .paletteClassic: ".paletteClassic"
    case .fixed(let color): ".fixed(\(colorLiteral(color)))"
    case .continuous(let scheme): ".continuous(\(SwiftLiteral.string(scheme)))"
    }
  }

  /// A link as the constructor the importer built it with (`LinkImporter`).
  private static func linkSource(_ link: Link) -> String {
    switch link.kind {
    case .url(let url):
      var arguments = [SwiftLiteral.string(link.title), SwiftLiteral.string(url)]
      if !link.tooltip.isEmpty { arguments.append("tooltip: \(SwiftLiteral.string(link.tooltip))") }
      if link.opensInNewTab { arguments.append("newTab: true") }
      if link.includesVariables { arguments.append("includeVariables: true") }
      if link.keepsTimeRange { arguments.append("keepTime: true") }
      return "Link.url(\(arguments.joined(separator: ", ")))"
    case .dashboards(let tags):
      return "Link.dashboards(tags: \(SwiftLiteral.strings(tags)), title: \(SwiftLiteral.string(link.title)), "
        + "asDropdown: \(link.asDropdown), includeVariables: \(link.includesVariables), keepTime: \(link.keepsTimeRange))"
    }
  }

  private static func dataLinkSource(_ link: DataLink) -> String {
    let newTab = link.opensInNewTab.map { ", newTab: \($0)" } ?? ""
    return "DataLink(\(SwiftLiteral.string(link.title)), url: \(SwiftLiteral.string(link.url))\(newTab))"
  }

  private static func annotationSource(_ annotation: Annotation) -> String {
    var text: String
    switch annotation.source {
    case .prometheus(let expr, let titleFormat, let textFormat, let tagKeys, let step):
      var arguments = [
        SwiftLiteral.string(annotation.name), "expr: \(SwiftLiteral.string(expr))",
        "datasource: \(datasourceSource(annotation.datasource))", "color: \(colorLiteral(annotation.color))",
      ]
      if let titleFormat { arguments.append("titleFormat: \(SwiftLiteral.string(titleFormat))") }
      if let textFormat { arguments.append("textFormat: \(SwiftLiteral.string(textFormat))") }
      if !tagKeys.isEmpty { arguments.append("tagKeys: \(SwiftLiteral.strings(tagKeys))") }
      if let step { arguments.append("step: \(SwiftLiteral.string(step.text))") }
      text = "Annotation(\(arguments.joined(separator: ", ")))"
    case .grafanaTags(let tags, let matchAny, let limit):
      var arguments = [SwiftLiteral.string(annotation.name), "tags: \(SwiftLiteral.strings(tags))"]
      if matchAny { arguments.append("matchAny: true") }
      if limit != 100 { arguments.append("limit: \(limit)") }
      arguments.append("color: \(colorLiteral(annotation.color))")
      text = "Annotation.grafanaTags(\(arguments.joined(separator: ", ")))"
      if annotation.datasource != .grafanaAnnotations { text += ".datasource(\(datasourceSource(annotation.datasource)))" }
    }
    if annotation.isHidden { text += ".hidden()" }
    if !annotation.isEnabled { text += ".enabled(false)" }
    return text
  }

  private static func builtInAnnotationSource(_ builtIn: BuiltInAnnotation) -> String {
    var arguments: [String] = []
    if builtIn.datasource != .grafana { arguments.append("datasource: \(datasourceSource(builtIn.datasource))") }
    if let target = builtIn.target {
      var members: [String] = []
      if target.limit != 100 { members.append("limit: \(target.limit)") }
      if target.matchAny { members.append("matchAny: true") }
      if !target.tags.isEmpty { members.append("tags: \(SwiftLiteral.strings(target.tags))") }
      arguments.append("target: .init(\(members.joined(separator: ", ")))")
    }
    return "BuiltInAnnotation(\(arguments.joined(separator: ", ")))"
  }

  private static func overrideSource(_ override: FieldOverride, indent: String) -> String {
    let matcher: String
    switch override.matcher {
    case .byName(let name): matcher = ".byName(\(SwiftLiteral.string(name)))"
    case .byRegex(let pattern): matcher = ".byRegex(\(SwiftLiteral.string(pattern)))"
    case .byType(let type): matcher = ".byType(\(SwiftLiteral.string(type)))"
    case .byQuery(let refID): matcher = ".byQuery(\(SwiftLiteral.string(refID)))"
    }
    var text = "FieldOverride(\(matcher))"
    for property in override.properties {
      switch property {
      case .unit(let unit): text += ".unit(\(SwiftLiteral.string(unit.rawValue)))"
      case .decimals(let decimals): text += ".decimals(\(decimals))"
      case .min(let min): text += ".min(\(SwiftLiteral.double(min)))"
      case .max(let max): text += ".max(\(SwiftLiteral.double(max)))"
      case .displayName(let name): text += ".displayName(\(SwiftLiteral.string(name)))"
      case .color(let mode): text += ".color(\(colorSource(mode)))"
      case .thresholds(let thresholds): text += thresholdsSource(thresholds)
      case .mappings(let mappings): text += ".mappings { \(mappings.map(mappingSource).joined(separator: "; ")) }"
      case .custom(let id, let value): text += "\n\(indent)  .custom(\(SwiftLiteral.string(id)), \(SwiftLiteral.json(value, indent: indent + "  ")))"
      }
    }
    return text
  }

  private static func mappingSource(_ mapping: ValueMapping) -> String {
    var arguments: [String]
    let kind: String
    switch mapping.match {
    case .value(let value): (kind, arguments) = ("value", [SwiftLiteral.string(value)])
    case .range(let from, let to):
      (kind, arguments) = ("range", ["from: \(from.map(SwiftLiteral.double) ?? "nil")", "to: \(to.map(SwiftLiteral.double) ?? "nil")"])
    case .regex(let pattern): (kind, arguments) = ("regex", [SwiftLiteral.string(pattern)])
    case .special(let value): (kind, arguments) = ("special", [".\(value)"])
    }
    if let text = mapping.text { arguments.append("text: \(SwiftLiteral.string(text))") }
    if let color = mapping.color { arguments.append("color: \(colorLiteral(color))") }
    return "ValueMapping.\(kind)(\(arguments.joined(separator: ", ")))"
  }

  private static func thresholdsSource(_ thresholds: Thresholds) -> String {
    let steps = thresholds.steps.map { step in
      let color = colorLiteral(step.color)
      return step.value.map { "Step(\(color), from: \(SwiftLiteral.double($0)))" } ?? "Step(\(color))"
    }
    let mode = thresholds.mode == .percentage ? "(.percentage)" : ""
    return ".thresholds\(mode) { \(steps.joined(separator: "; ")) }"
  }

  /// `.extraJSON(…)` and `.removingJSON(…)` lines, each ending in a newline; empty without raw JSON.
  static func raw(extra: JSONValue?, removed: [[String]], indent: String) -> String {
    var text = ""
    if let extra { text += indent + ".extraJSON(\(SwiftLiteral.json(extra, indent: indent)))\n" }
    if !removed.isEmpty {
      let paths = removed.map(SwiftLiteral.strings)
      let inline = indent + ".removingJSON(\(paths.joined(separator: ", ")))"
      text += inline.count <= 120
        ? inline + "\n"
        : indent + ".removingJSON(\n" + paths.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + ")\n"
    }
    return text
  }

  private static func letters(_ index: Int) -> String {
    index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : "\(index)"
  }
}
