import MonitoringDSL

/// Swift source for an imported Sloth spec: a `RuleFile` of the SLOs, each SLO a `static let` as the
/// DSL spells it (the description its doc comment), and the counters and histograms their SLIs
/// select in a `Metrics` catalogue, as the other importers declare them.
/// ```swift
/// let source = SlothSwiftPrinter.source(imported, typeName: "PaymentsSLOs", fileName: "payments-slo.rules.yml")
/// ```
public enum SlothSwiftPrinter {
  /// The rule file's name when none is given: `<service>-slo.rules.yml`, as the specs name theirs.
  public static func defaultFileName(service: String) -> String {
    let slug = service.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
    return (slug.isEmpty ? "imported" : slug) + "-slo.rules.yml"
  }

  public static func source(_ imported: SlothImport, typeName: String, fileName: String) -> String {
    var names = SwiftNames(reserved: Set(["ruleFile", "Metrics"]).union(PromQLSwiftPrinter.freeFunctionNames))
    var promQL = PromQLSwiftPrinter(catalogue: "Metrics")
    var declarations: [String] = []
    var calls: [String] = []
    for entry in imported.slos {
      let name = names.unique(entry.slo.name, fallback: "slo")
      calls.append(name + "\n")
      declarations.append(declaration(entry, name: name, promQL: &promQL))
    }
    if !promQL.isEmpty { declarations.append(promQL.catalogueSource(indent: "  ")) }
    let notes = imported.notes + imported.failures.map { ImportNote.warning("not imported: \($0)") }
    let output = SwiftFile.opening(
      command: "sloth", source: imported.source,
      about: "The SLIs are typed on the metrics their queries select (add their help in Metrics); what the DSL has no place for is in the notes.",
      notes: notes, doc: "The SLOs of \(imported.source) (Sloth, service \(SwiftLiteral.string(imported.service))).", typeName: typeName)
    return output
      + SwiftFile.property(
        "ruleFile", type: "RuleFile", constructor: "RuleFile(\(SwiftLiteral.string(fileName)))", body: calls, modifiers: "",
        functions: declarations)
  }

  private static func declaration(_ entry: ImportedSLO, name: String, promQL: inout PromQLSwiftPrinter) -> String {
    let slo = entry.slo
    var text = ""
    for line in (entry.description ?? "").split(separator: "\n", omittingEmptySubsequences: false) where !(entry.description ?? "").isEmpty {
      text += "  ///" + (line.isEmpty ? "" : " " + line) + "\n"
    }
    text += "  public static let \(name) = SLO(\n"
    text += "    \(SwiftLiteral.string(slo.name)), service: \(SwiftLiteral.string(slo.service)), objective: \(SwiftLiteral.double(slo.objective)),\n"
    text += "    indicator: \(indicator(slo.indicator, promQL: &promQL))\n"
    text += "  )\n"
    if let prefix = slo.alertPrefix { text += "  .alertPrefix(\(SwiftLiteral.string(prefix)))\n" }
    if let receiver = slo.pageReceiver { text += "  .pages(to: \(SwiftLiteral.string(receiver)))\n" }
    if let receiver = slo.ticketReceiver { text += "  .tickets(to: \(SwiftLiteral.string(receiver)))\n" }
    if let runbook = slo.runbookURL { text += "  .runbook(\(SwiftLiteral.string(runbook)))\n" }
    if slo.windows != BurnRateWindow.workbook {
      let kept = slo.windows.first?.severity == .critical ? "==" : "!="
      text += "  .windows(BurnRateWindow.workbook.filter { $0.severity \(kept) .critical })\n"
    }
    if !slo.testLabels.isEmpty {
      let pairs = slo.testLabels.keys.sorted().map { "\(SwiftLiteral.string($0)): \(SwiftLiteral.string(slo.testLabels[$0] ?? ""))" }
      text += "  .testLabels([\(pairs.joined(separator: ", "))])\n"
    }
    return text
  }

  private static func indicator(_ sli: SLI, promQL: inout PromQLSwiftPrinter) -> String {
    func events(_ events: SLI.Events) -> String {
      let matchers = events.matchers.isEmpty ? "" : promQL.matchersSource(events.matchers)
      return "\(promQL.reference(events.metric)).events(\(matchers))"
    }
    switch sli.kind {
    case .errorRatio(let errors, let total):
      return ".errors(\n      \(events(errors)),\n      of: \(events(total)))"
    case .successRatio(let good, let total):
      return ".successes(\n      \(events(good)),\n      of: \(events(total)))"
    case .latency(let histogram, let bound, let matchers):
      let trailing = matchers.isEmpty ? "" : ", " + promQL.matchersSource(matchers)
      return ".latency(\(promQL.reference(histogram)), slowerThan: \(SwiftLiteral.double(bound))\(trailing))"
    case .availability(let matchers):
      return ".availability(\(promQL.matchersSource(matchers)))"
    }
  }
}
