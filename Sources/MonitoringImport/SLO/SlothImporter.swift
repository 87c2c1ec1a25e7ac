public import MonitoringDSL
import MonitoringRender

/// `gen import sloth`: a Sloth SLO spec (`version: "prometheus/v1"`, https://sloth.dev) as typed
/// `SLO` values. An `events` SLI whose queries are `sum(rate(<counter>{…}[{{.window}}]))` becomes
/// `SLI.errors(counter.events(…), of: counter.events(…))`; one whose errors are
/// `sum(rate(<h>_count{…}[…])) - sum(rate(<h>_bucket{…,le="X"}[…]))` over `sum(rate(<h>_count{…}[…]))`
/// becomes `SLI.latency(h, slowerThan: X, …)`. `alerting.name` is the alerts' prefix, a `runbook` or
/// `runbook_url` annotation the runbook, a `disable`d page or ticket alert the windows left out.
/// What the DSL has no place for (labels, other annotations, a `sum by` grouping) is a note; an SLO
/// whose SLI cannot be typed (a `raw` or `plugin` SLI, other queries) is an ``ImportFailure`` naming
/// it and the field, and the others are still imported.
/// ```swift
/// let imported = try SlothImporter.importSLOs(text, source: "payments.yml")
/// imported.slos.first?.slo.alertName(for: BurnRateWindow.workbook[0])   // "PaymentsErrorsBudgetBurn1h"
/// ```
public enum SlothImporter {
  static let topKeys: Set = ["version", "service", "labels", "slos"]
  static let sloKeys: Set = ["name", "objective", "description", "labels", "sli", "alerting"]
  static let sliKeys: Set = ["events", "raw", "plugin"]
  static let eventsKeys: Set = ["error_query", "total_query"]
  static let alertingKeys: Set = ["name", "labels", "annotations", "page_alert", "ticket_alert"]
  static let alertKeys: Set = ["disable", "labels", "annotations"]
  /// Labels of a page or ticket alert that say where it goes: they become the receiver.
  static let routingLabels = ["receiver", "routing_key"]

  public static func importSLOs(_ text: String, source: String, limits: ImportLimits = .default) throws(ImportFailure) -> SlothImport {
    let model = try ImportInput.yaml(text, source: source, limits: limits)
    guard case .object = model, model["slos"] != nil || model["version"] != nil else {
      throw ImportFailure("\(source): not a Sloth SLO spec (no \"version:\" or \"slos:\")")
    }
    guard let version = model["version"]?.text, version == "prometheus/v1" else {
      let found = model["version"]?.text.map { "\"\($0)\"" } ?? "missing"
      throw ImportFailure("\(source): version: Sloth spec version must be \"prometheus/v1\" (it is \(found)); gen import sloth reads that version only")
    }
    guard let service = model["service"]?.text, !service.isEmpty else { throw ImportFailure("\(source): service: missing; Sloth requires it") }
    guard case .array(let slos)? = model["slos"], !slos.isEmpty else { throw ImportFailure("\(source): slos: missing or empty; Sloth requires at least one SLO") }
    var notes: [ImportNote] = []
    unknownKeys(of: model, known: topKeys, at: "", notes: &notes)
    if case .object(let labels)? = model["labels"], !labels.isEmpty {
      notes.append(.warning("labels (\(labelList(model["labels"]))): the service's labels are not carried over; the SLOs' recordings and alerts carry service and slo only"))
    }
    var imported: [ImportedSLO] = []
    var failures: [ImportFailure] = []
    for (index, json) in slos.enumerated() {
      do {
        imported.append(try slo(json, index: index, service: service, source: source, notes: &notes))
      } catch {
        failures.append(error)
      }
    }
    notes.insert(
      .migrated(
        "Sloth's rules map onto the spec's: the recordings slo:sli_error:ratio_rate<window> are the same, their labels "
          + "sloth_service and sloth_slo become service and slo (sloth_id, sloth_window and the metadata recordings are not written); "
          + "Sloth's page alert (and its ticket alert) is one alert over two window pairs, where the spec writes one alert per pair "
          + "(<prefix>BudgetBurn1h and …6h page, …1d and …3d open tickets); the period is Sloth's default, 30d, and the windows "
          + "and burn rates are Sloth's defaults (the SRE workbook's)"),
      at: 0)
    return SlothImport(service: service, slos: imported, failures: failures, notes: notes, source: source)
  }

  // MARK: - One SLO

  static func slo(_ json: JSONValue, index: Int, service: String, source: String, notes: inout [ImportNote]) throws(ImportFailure) -> ImportedSLO {
    let name = json["name"]?.text ?? ""
    let item = "slos[\(index)]" + (name.isEmpty ? "" : " \"\(name)\"")
    func failure(_ field: String, _ message: String) -> ImportFailure { ImportFailure("\(source): \(item) › \(field): \(message)") }
    guard case .object = json else { throw failure("slos[\(index)]", "an SLO is a mapping") }
    guard !name.isEmpty else { throw failure("name", "missing; Sloth requires it") }
    guard let objective = json["objective"]?.number else {
      throw failure("objective", "missing or not a number (a percentage such as 99.9)")
    }
    unknownKeys(of: json, known: sloKeys, at: item + ": ", notes: &notes)
    guard let sli = json["sli"] else { throw failure("sli", "missing; Sloth requires it") }
    unknownKeys(of: sli, known: sliKeys, at: item + " › sli: ", notes: &notes)
    if sli["raw"] != nil {
      throw failure("sli.raw", "a raw error-ratio query cannot be typed; write the SLI with SLI.errors(…), .successes(…), .latency(…) or .availability(…)")
    }
    if sli["plugin"] != nil {
      throw failure("sli.plugin", "a Sloth SLI plugin cannot be typed; write the SLI with SLI.errors(…), .successes(…), .latency(…) or .availability(…)")
    }
    guard let events = sli["events"] else { throw failure("sli", "neither events, raw nor plugin; Sloth requires one") }
    unknownKeys(of: events, known: eventsKeys, at: item + " › sli.events: ", notes: &notes)
    var grouping: [String] = []
    let errors = try query(events["error_query"]?.text, field: "sli.events.error_query", grouping: &grouping, failure: failure)
    let total = try query(events["total_query"]?.text, field: "sli.events.total_query", grouping: &grouping, failure: failure)
    if !grouping.isEmpty {
      notes.append(.warning("\(item): the grouping of sum by (\(grouping.joined(separator: ", "))) is dropped: the SLI sums over all the service's series"))
    }
    let indicator = try indicator(errors: errors, total: total, failure: failure)
    if case .latency(let histogram, let bound, _) = indicator.kind {
      notes.append(.migrated("\(item): a latency SLI on \(histogram.name) slower than \(NumberText.format(bound)): recorded as 1 - _bucket/_count, the same ratio as Sloth's (_count - _bucket)/_count; add the histogram's other buckets in Metrics"))
    }
    if case .errorRatio(let bad, let all) = indicator.kind {
      for series in Set([bad.metric.name, all.metric.name]).sorted() where !series.hasSuffix("_total") {
        notes.append(.warning("\(item): \(series) is declared a counter, and counter names end in _total; if it is a histogram's series, declare the histogram"))
      }
    }
    var slo = SLO(name, service: service, objective: objective, indicator: indicator)
    slo.testLabels = try testLabels(for: indicator, failure: failure)
    if case .object(let labels)? = json["labels"], !labels.isEmpty {
      notes.append(.warning("\(item): labels (\(labelList(json["labels"]))) are not carried over; its recordings and alerts carry service and slo only"))
    }
    try alerting(json["alerting"], of: &slo, item: item, failure: failure, notes: &notes)
    return ImportedSLO(slo: slo, description: json["description"]?.text)
  }

  /// `alerting`: the prefix, the runbook, the receivers and which alerts are disabled; the rest to notes.
  static func alerting(
    _ json: JSONValue?, of slo: inout SLO, item: String, failure: (String, String) -> ImportFailure, notes: inout [ImportNote]
  ) throws(ImportFailure) {
    guard let json else { return }
    unknownKeys(of: json, known: alertingKeys, at: item + " › alerting: ", notes: &notes)
    if let name = json["name"]?.text, !name.isEmpty { slo.alertPrefix = name }
    if case .object(let labels)? = json["labels"], !labels.isEmpty {
      notes.append(.warning("\(item) › alerting.labels (\(labelList(json["labels"]))): not carried over; its alerts carry severity, service and slo"))
    }
    var annotations = RuleImporter.strings(json["annotations"])
    if let runbook = annotations.removeValue(forKey: "runbook_url") ?? annotations.removeValue(forKey: "runbook") { slo.runbookURL = runbook }
    if !annotations.isEmpty {
      notes.append(.warning("\(item) › alerting.annotations: \(annotations.keys.sorted().joined(separator: ", ")) not carried over; the spec writes each alert's summary and description"))
    }
    var pageDisabled = false
    var ticketDisabled = false
    for (key, severity) in [("page_alert", Severity.critical), ("ticket_alert", .warning)] {
      guard let alert = json[key] else { continue }
      let path = item + " › alerting." + key
      unknownKeys(of: alert, known: alertKeys, at: path + ": ", notes: &notes)
      if alert["disable"] == .bool(true) {
        if severity == .critical { pageDisabled = true } else { ticketDisabled = true }
      }
      var labels = RuleImporter.strings(alert["labels"])
      if let label = routingLabels.first(where: { labels[$0] != nil }), let receiver = labels.removeValue(forKey: label) {
        if severity == .critical { slo.pageReceiver = receiver } else { slo.ticketReceiver = receiver }
        let method = severity == .critical ? "pages" : "tickets"
        notes.append(.warning("\(path).labels.\(label) \"\(receiver)\" became .\(method)(to: \"\(receiver)\"): it must be the name of a receiver of the Alertmanager config"))
      }
      if let value = labels.removeValue(forKey: "severity") {
        notes.append(.warning("\(path).labels.severity \"\(value)\" is not carried over: the spec's \(key == "page_alert" ? "page" : "ticket") alerts have severity \(severity.rawValue)"))
      }
      if !labels.isEmpty {
        notes.append(.warning("\(path).labels (\(labelList(.object(labels.mapValues(JSONValue.string))))): not carried over"))
      }
      if case .object(let annotations)? = alert["annotations"], !annotations.isEmpty {
        notes.append(.warning("\(path).annotations: \(annotations.keys.sorted().joined(separator: ", ")) not carried over"))
      }
    }
    if pageDisabled && ticketDisabled {
      throw failure("alerting", "both page_alert and ticket_alert are disabled; an SLO here always has burn-rate alerts (give it .windows(…) of its own)")
    }
    if pageDisabled { slo.windows = BurnRateWindow.workbook.filter { $0.severity != .critical } }
    if ticketDisabled { slo.windows = BurnRateWindow.workbook.filter { $0.severity == .critical } }
  }

  // MARK: - Queries

  /// What `sum(rate(<series>{…}[{{.window}}]))` selects, or the difference of two of them.
  indirect enum Selection: Equatable {
    case rate(series: String, matchers: [LabelMatcher])
    case difference(Selection, Selection)
  }

  /// A duration no one writes, put where Sloth's `{{.window}}` is so the query parses.
  static let windowMarker = "7777777ms"

  static func query(
    _ text: String?, field: String, grouping: inout [String], failure: (String, String) -> ImportFailure
  ) throws(ImportFailure) -> Selection {
    guard let text, !text.isEmpty else { throw failure(field, "missing; Sloth requires it") }
    let marked = text.replacing(/\{\{\s*\.window\s*\}\}/, with: windowMarker)
    guard marked != text else { throw failure(field, "has no {{.window}}: Sloth puts each window's range there") }
    let tree: PromQLExpression
    do { tree = try PromQLParser.parse(marked) } catch { throw failure(field, "not PromQL: \(error)") }
    guard let selection = selection(tree, grouping: &grouping) else {
      throw failure(
        field,
        "cannot be typed: the SLI takes sum(rate(<counter>{…}[{{.window}}])) for both queries, or the errors of a latency SLI as "
          + "sum(rate(<histogram>_count{…}[{{.window}}])) - sum(rate(<histogram>_bucket{…,le=\"…\"}[{{.window}}])); write the SLI in Swift")
    }
    return selection
  }

  static func selection(_ tree: PromQLExpression, grouping: inout [String]) -> Selection? {
    switch tree {
    case .parenthesized(let inner): return selection(inner, grouping: &grouping)
    case .binary(let left, .subtract, let right, false, nil):
      guard let left = selection(left, grouping: &grouping), let right = selection(right, grouping: &grouping) else { return nil }
      return .difference(left, right)
    case .aggregation(.sum, let inner, nil, let by):
      switch by {
      case nil: break
      case .by(let labels)?: grouping += labels.filter { !grouping.contains($0) }
      case .without?: return nil
      }
      guard case .call("rate", let arguments) = inner.withoutParentheses, arguments.count == 1,
        case .matrix(let selector, let range) = arguments[0], range.text == windowMarker, let name = selector.name,
        selector.modifiers == PromQLModifiers(), !selector.nameIsTemplated,
        !selector.matchers.contains(where: { $0.label == "__name__" })
      else { return nil }
      return .rate(series: name, matchers: selector.matchers)
    default:
      return nil
    }
  }

  static func indicator(errors: Selection, total: Selection, failure: (String, String) -> ImportFailure) throws(ImportFailure) -> SLI {
    switch (errors, total) {
    case (.rate(let bad, let badMatchers), .rate(let all, let allMatchers)):
      if bad.hasSuffix("_bucket") || all.hasSuffix("_bucket") {
        throw failure("sli.events", "a _bucket series counts the fast requests, not the errors: write a latency SLI's errors as <histogram>_count - <histogram>_bucket{le=…}")
      }
      return .errors(Metric.Counter(bad, help: "").events(badMatchers), of: Metric.Counter(all, help: "").events(allMatchers))
    case (.difference(.rate(let count, let countMatchers), .rate(let bucket, let bucketMatchers)), .rate(let all, let allMatchers)):
      guard count.hasSuffix("_count"), bucket == count.dropLast("_count".count) + "_bucket", all == count,
        Set(countMatchers) == Set(allMatchers),
        let le = bucketMatchers.first(where: { $0.label == "le" }), le.op == .equal, let bound = Double(le.value),
        Set(bucketMatchers.filter { $0.label != "le" }) == Set(countMatchers)
      else {
        throw failure(
          "sli.events.error_query",
          "a difference is typed only as a latency SLI's errors: sum(rate(<h>_count{…}[…])) - sum(rate(<h>_bucket{…,le=\"X\"}[…])) over sum(rate(<h>_count{…}[…])), the same matchers in each")
      }
      let histogram = Metric.Histogram(String(count.dropLast("_count".count)), help: "", buckets: [bound])
      return .latency(histogram, slowerThan: bound, allMatchers)
    default:
      throw failure("sli.events", "the total is one sum(rate(…)), the errors one or a latency SLI's difference; write the SLI in Swift")
    }
  }

  /// A value for each label a matcher other than `=` selects, for the generated tests: the first
  /// literal of a regex that is a plain alternation of literals (`500|502` → `500`). Any other matcher
  /// is refused: a value made up for it would test nothing.
  static func testLabels(for indicator: SLI, failure: (String, String) -> ImportFailure) throws(ImportFailure) -> [String: String] {
    var values: [String: String] = [:]
    for matcher in indicator.matchers where matcher.op != .equal {
      guard matcher.op == .regex, let literal = firstLiteral(of: matcher.value) else {
        throw failure(
          "sli.events",
          "the generated tests need a value of \(matcher.label) that \(matcher.text) selects, and only a regex of literals "
            + "joined by | (500|502) gives one; write this SLO in Swift with .testLabels([\"\(matcher.label)\": …])")
      }
      if let other = values[matcher.label], other != literal {
        throw failure("sli.events", "the matchers of \(matcher.label) give the generated tests two values (\(other), \(literal)); write the SLO in Swift")
      }
      values[matcher.label] = literal
    }
    return values
  }

  /// `500` for `500|502`; `nil` when the regex is anything but literals joined by `|`.
  static func firstLiteral(of regex: String) -> String? {
    let special: Set<Character> = [".", "^", "$", "*", "+", "?", "(", ")", "[", "]", "{", "}", "\\"]
    let alternatives = regex.split(separator: "|", omittingEmptySubsequences: false)
    guard let first = alternatives.first, alternatives.allSatisfy({ !$0.isEmpty && !$0.contains(where: special.contains) }) else {
      return nil
    }
    return String(first)
  }

  // MARK: - Parts

  static func unknownKeys(of json: JSONValue, known: Set<String>, at item: String, notes: inout [ImportNote]) {
    for key in json.objectKeys where !known.contains(key) {
      notes.append(.warning("\(item)unknown key \"\(key)\"\(NearestName.suggestion(for: key, in: known)): not part of a Sloth prometheus/v1 spec; dropped"))
    }
  }

  static func labelList(_ json: JSONValue?) -> String {
    let labels = RuleImporter.strings(json)
    return labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ", ")
  }
}

/// A Sloth spec brought in by ``SlothImporter``: the SLOs that map, the failure of each that does not.
public struct SlothImport: Sendable {
  public var service: String
  public var slos: [ImportedSLO]
  public var failures: [ImportFailure]
  public var notes: [ImportNote]
  public var source: String
}

/// One SLO of a Sloth spec, with its description (a doc comment in the printed Swift).
public struct ImportedSLO: Sendable {
  public var slo: SLO
  public var description: String?
}
