import MonitoringDSL

/// Checks one dashboard before anything is rendered: titles, uid, datasource references, durations,
/// thresholds, refIds, variables, modifiers applied to the wrong panel kind, transformation ids, and the PromQL of every
/// Prometheus query, variable query and annotation (parsed as Grafana substitutes it). Layout problems
/// (width, overlap) come from ``GridLayout``.
struct DashboardValidator {
  /// Uids of the provisioned datasources the catalog declares.
  let knownDatasourceUIDs: Set<String>
  let promQL: PromQLValidator
  var collector = DiagnosticCollector()

  mutating func validate(_ dashboard: Dashboard) {
    let root: [PathElement] = [.dashboard(dashboard.title)]
    if dashboard.title.isBlank { collector.report(root, "title is empty") }
    if !Self.isValidUID(dashboard.uid) {
      collector.report(root, "uid \"\(dashboard.uid)\" must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'")
    }
    if let refresh = dashboard.refresh { collector.milliseconds(of: refresh, "refresh", at: root) }

    let variableNames = dashboard.variables.map(\.name)
    for name in Set(variableNames) where variableNames.filter({ $0 == name }).count > 1 {
      collector.report(root + [.variable(name)], "variable name is used more than once")
    }
    let datasourceVariables = Set(
      dashboard.variables.compactMap { variable -> String? in
        if case .datasource = variable.kind { return variable.name }
        return nil
      })
    let context = Context(
      knownUIDs: knownDatasourceUIDs, datasourceVariables: datasourceVariables, variables: Set(variableNames))

    for variable in dashboard.variables { check(variable, context: context, at: root + [.variable(variable.name)]) }
    for annotation in dashboard.annotations {
      checkDatasource(annotation.datasource, context: context, at: root + [.annotation(annotation.name)])
      if annotation.datasource.type == .prometheus, let expr = annotation.expr, !expr.isBlank {
        for problem in promQL.check(expr, typed: nil, context: .dashboard, needsTree: false).problems {
          collector.report(root + [.annotation(annotation.name)], problem)
        }
      }
    }
    if let datasource = dashboard.defaultDatasource {
      checkDatasource(datasource, context: context, at: root + [.field("default datasource")])
    }
    checkItems(of: dashboard, context: context, at: root)
  }

  /// The panels and rows, on all cores when there are many: each chunk of items reports into its own
  /// collector and the collectors are joined in item order, so the diagnostics are those of one pass.
  private mutating func checkItems(of dashboard: Dashboard, context: Context, at root: [PathElement]) {
    // More chunks than cores, so that a core slowed down by other work takes fewer.
    let chunks = dashboard.items.parts(pieces: 4 * activeProcessorCount)
    guard chunks.count > 1 else { return check(dashboard.items[...], of: dashboard, context: context, at: root) }
    let fresh = DashboardValidator(knownDatasourceUIDs: knownDatasourceUIDs, promQL: promQL)
    let diagnostics = chunks.concurrentMap { chunk in
      var validator = fresh
      validator.check(dashboard.items[chunk], of: dashboard, context: context, at: root)
      return validator.collector.diagnostics
    }
    for chunk in diagnostics { collector.append(contentsOf: chunk) }
  }

  private mutating func check(
    _ items: ArraySlice<DashboardItem>, of dashboard: Dashboard, context: Context, at root: [PathElement]
  ) {
    for item in items {
      switch item {
      case .panel(let panel): withUnsafePointer(to: panel) { check($0, dashboard: dashboard, context: context, at: root) }
      case .row(let row):
        let rowPath = root + [.row(row.title)]
        if row.title.isBlank { collector.report(rowPath, "title is empty") }
        if let variable = row.repeatVariable, !context.variables.contains(variable) {
          collector.report(rowPath, "repeats by unknown variable \"\(variable)\"")
        }
        row.panels.withUnsafeBufferPointer { panels in
          for index in panels.indices { check(panels.baseAddress! + index, dashboard: dashboard, context: context, at: rowPath) }
        }
      }
    }
  }

  struct Context {
    let knownUIDs: Set<String>
    let datasourceVariables: Set<String>
    let variables: Set<String>
  }

  // NB: paths are built only when a problem is reported: a dashboard of thousands of valid panels
  // should cost no array per panel and query. The panel is read member by member where it is (in its
  // row's array): one passed by value is copied, a retain and release of each of its two dozen
  // members, on both cores while the layout reads the same panels.
  private mutating func check(_ panel: UnsafePointer<Panel>, dashboard: Dashboard, context: Context, at parent: [PathElement]) {
    let title = panel.pointee.title  // (captured alone: capturing the panel would copy it)
    func path() -> [PathElement] { parent + [.panel(title)] }
    if panel.pointee.title.isBlank { collector.report(path(), "title is empty") }
    for modifier in panel.pointee.misapplied {
      collector.report(path(), "\(modifier) does not apply to a \(panel.pointee.kind.typeID) panel")
    }
    if let thresholds = panel.pointee.field.thresholds { check(thresholds, at: path) }
    if panel.pointee.field.min.map({ !$0.isFinite }) ?? false { collector.report(path(), "min/max must be finite numbers") }
    if panel.pointee.field.max.map({ !$0.isFinite }) ?? false { collector.report(path(), "min/max must be finite numbers") }
    if let min = panel.pointee.field.min, let max = panel.pointee.field.max, min >= max {
      collector.report(path(), "min \(NumberText.format(min)) is not below max \(NumberText.format(max))")
    }
    if let decimals = panel.pointee.field.decimals, decimals < 0 { collector.report(path(), "decimals must not be negative") }
    if let interval = panel.pointee.minInterval { collector.milliseconds(of: interval, "min interval", at: path()) }
    if let repeatBy = panel.pointee.repeatBy, !context.variables.contains(repeatBy.variable) {
      collector.report(path(), "repeats by unknown variable \"\(repeatBy.variable)\"")
    }
    for (index, transformation) in panel.pointee.transformations.enumerated() {
      guard case .other(let id, _) = transformation.kind else { continue }
      func transformationPath() -> [PathElement] { path() + [.transformation(index: index + 1, id: id)] }
      if Transformation.Kind.typedIDs.contains(id) {
        collector.report(transformationPath(), "\(id) has a typed form: write Transformation.\(id)(…)")
      } else if !Transformation.Kind.untypedIDs.contains(id) {
        let known = Transformation.Kind.typedIDs.union(Transformation.Kind.untypedIDs)
        collector.report(transformationPath(), "unknown transformation id \"\(id)\"\(NearestName.suggestion(for: id, in: known))")
      }
    }
    if !type(of: panel.pointee.kind.base).runsQueries { return }

    let panelDatasource = panel.pointee.datasource ?? dashboard.defaultDatasource
    if let datasource = panel.pointee.datasource { checkDatasource(datasource, context: context, at: path()) }
    if panel.pointee.queries.isEmpty { collector.report(path(), "has no queries") }
    let refIDs = RefIDs.assign(panel.pointee.queries)
    // Assigned refIds are unique; only explicit ones can clash.
    if panel.pointee.queries.contains(where: { $0.refID != nil }) {
      for (refID, count) in Dictionary(refIDs.map { ($0, 1) }, uniquingKeysWith: +) where count > 1 {
        collector.report(path() + [.query(refID)], "refId \(refID) is used by \(count) queries")
      }
    }
    for (query, refID) in zip(panel.pointee.queries, refIDs) {
      func queryPath() -> [PathElement] { path() + [.query(refID)] }
      if query.expr.isBlank, query.language.needsText {
        collector.report(queryPath(), "expression is empty")
      }
      if let interval = query.interval, !interval.text.isEmpty, !interval.text.hasPrefix("$") {
        collector.milliseconds(of: interval, "interval", at: queryPath())
      }
      let datasourceType = (query.datasource ?? panelDatasource)?.type
      if let language = query.language.datasourceType {
        if let datasourceType, datasourceType != language {
          collector.report(queryPath(), "is a \(language.rawValue) query on a \(datasourceType.rawValue) datasource")
        }
        if query.mode != .range || query.format != nil || query.interval != nil || query.exemplars != nil
          || query.legacyStep != nil || query.intervalFactor != nil || !query.omittedMembers.isEmpty
        {
          collector.report(
            queryPath(),
            "instant(), rangeAndInstant(), format(…), interval(…), exemplars(), legacyStep(…), intervalFactor(…) and omitting(…) apply to Prometheus queries only")
        }
        if language == .tempo, query.legend != nil { collector.report(queryPath(), "a Tempo query has no legend") }
      } else if !query.expr.isBlank, datasourceType == nil || datasourceType == .prometheus {
        // (Without a tree, the legend names no checkable label: the tree comes with a catalogue metric.)
        let (tree, problems) = promQL.check(query.expr, typed: query.promQL, context: .dashboard, needsTree: false)
        for problem in problems { collector.report(queryPath(), problem) }
        if let tree, let legend = query.legend {
          for problem in promQL.labels.legendProblems(legend, of: tree) { collector.report(queryPath(), problem) }
        }
      }
      if let datasource = query.datasource {
        checkDatasource(datasource, context: context, at: queryPath())
      } else if panelDatasource == nil {
        collector.report(queryPath(), "has no datasource: set one on the query, the panel or the dashboard")
      }
    }
  }

  private mutating func check(_ thresholds: Thresholds, at path: () -> [PathElement]) {
    guard let first = thresholds.steps.first else { return collector.report(path(), "thresholds have no steps") }
    if first.value != nil { collector.report(path(), "the first threshold step is the base and takes no value") }
    let rest = thresholds.steps.dropFirst()
    if rest.contains(where: { $0.value == nil }) {
      collector.report(path(), "only the first threshold step may be a base step without a value")
    }
    if rest.contains(where: { $0.value.map { !$0.isFinite } ?? false }) {
      collector.report(path(), "threshold values must be finite")
    }
    var lower: Double?
    for step in rest {
      guard let upper = step.value else { continue }
      if let lower, lower >= upper {
        collector.report(
          path(), "thresholds are not ascending: \(NumberText.format(upper)) follows \(NumberText.format(lower))")
      }
      lower = upper
    }
  }

  private mutating func check(_ variable: Variable, context: Context, at path: [PathElement]) {
    if !Self.isIdentifier(variable.name) { collector.report(path, "name must be letters, digits and '_'") }
    switch variable.kind {
    case .query(let query, let datasource, _, _):
      if query.isBlank { collector.report(path, "query is empty") }
      checkDatasource(datasource, context: context, at: path)
      if datasource.type == .prometheus, !query.isBlank {
        do {
          _ = try GrafanaVariableQuery.parse(query)
        } catch {
          collector.report(path, error.description)
        }
      }
    case .custom(let values):
      if values.isEmpty { collector.report(path, "has no values") }
    case .interval(let values):
      if values.isEmpty { collector.report(path, "has no values") }
      for value in values { collector.milliseconds(of: value, "interval", at: path) }
    case .adhoc(let datasource, _, _, _, _):
      checkDatasource(datasource, context: context, at: path)
    case .datasource, .constant, .textbox:
      break
    }
  }

  private mutating func checkDatasource(_ ref: DatasourceRef, context: Context, at path: [PathElement]) {
    if let variable = ref.variableName {
      if !context.datasourceVariables.contains(variable) {
        collector.report(path, "datasource variable \"$\(variable)\" is not a datasource variable of the dashboard")
      }
    } else if ref.type != .grafana, ref.type != .builtIn, !context.knownUIDs.contains(ref.uid) {
      let known = context.knownUIDs.sorted().joined(separator: ", ")
      collector.report(path, "unknown datasource uid \"\(ref.uid)\" (provisioned: \(known.isEmpty ? "none" : known))")
    }
  }

  static func isValidUID(_ uid: String) -> Bool {
    (1...40).contains(uid.count) && uid.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
  }

  static func isIdentifier(_ name: String) -> Bool {
    guard let first = name.first, !first.isNumber else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
  }
}

extension String {
  /// Empty or only whitespace.
  var isBlank: Bool {
    // Fast path: text that starts with printable ASCII other than a space is not blank.
    if let first = utf8.first, first > 0x20, first < 0x7F { return false }
    return allSatisfy(\.isWhitespace)
  }
}

extension Query.Language {
  /// The datasource type a Loki or Tempo query needs; `nil` for PromQL, whose text may also be another
  /// datasource's query kept as imported.
  fileprivate var datasourceType: DatasourceType? {
    switch self {
    case .prometheus: nil
    case .loki: .loki
    case .tempo: .tempo
    }
  }

  /// Whether the query is its text: Tempo's search builder, service graph… build theirs.
  fileprivate var needsText: Bool {
    if case .tempo(let tempo) = self { tempo.queryType == .traceql } else { true }
  }
}
