import MonitoringDSL

/// Swift source for an imported rule file: the file in a computed property and one function per
/// group, each alert and recording rule as the DSL spells it.
/// ```swift
/// let source = RuleSwiftPrinter.source(imported, typeName: "NodeAlerts")
/// ```
public enum RuleSwiftPrinter {
  public static func source(_ imported: RuleImport, typeName: String) -> String {
    var names = SwiftNames(reserved: ["ruleFile"])
    var functions: [String] = []
    var calls: [String] = []
    for group in imported.file.groups {
      let name = names.unique(group.name + " Group", fallback: "group")
      calls.append("\(name)()")
      functions.append(groupFunction(group, name: name))
    }
    let output = SwiftFile.opening(
      command: "rules", source: imported.source,
      about: "Expressions are kept as written; `.imported(from:)` keeps the names and annotations as they are.",
      notes: imported.notes, doc: "The rules of \(imported.source).", typeName: typeName)
    return output
      + SwiftFile.property(
        "ruleFile", type: "RuleFile", constructor: "RuleFile(\(SwiftLiteral.string(imported.file.fileName)))",
        body: calls.map { $0 + "\n" }, modifiers: "    .imported(from: \(SwiftLiteral.string(imported.source)))\n",
        functions: functions)
  }

  private static func groupFunction(_ group: RuleGroup, name: String) -> String {
    var text = "  static func \(name)() -> RuleGroup {\n"
    text += "    RuleGroup(\(SwiftLiteral.string(group.name))"
    if let interval = group.interval { text += ", interval: \(SwiftLiteral.string(interval.text))" }
    text += ") {\n"
    for rule in group.rules {
      switch rule {
      case .alert(let alert): text += alertSource(alert, indent: "      ")
      case .record(let record): text += recordSource(record, indent: "      ")
      }
    }
    text += "    }\n"
    if let limit = group.limit { text += "    .limit(\(limit))\n" }
    if let offset = group.queryOffset { text += "    .queryOffset(\(SwiftLiteral.string(offset.text)))\n" }
    if !group.labels.isEmpty { text += "    .labels(\(dictionary(group.labels)))\n" }
    return text + "  }\n"
  }

  private static func alertSource(_ alert: AlertRule, indent: String) -> String {
    var text = indent + "AlertRule(\(SwiftLiteral.string(alert.name)), expr: .raw(\(SwiftLiteral.string(alert.expr.description)))"
    if let duration = alert.duration { text += ", for: \(SwiftLiteral.string(duration.text))" }
    text += ", severity: .\(alert.severity.rawValue))\n"
    let inner = indent + "  "
    if let keep = alert.keepFiringFor { text += inner + ".keepFiringFor(\(SwiftLiteral.string(keep.text)))\n" }
    if !alert.labels.isEmpty { text += inner + ".labels(\(dictionary(alert.labels)))\n" }
    if !alert.summary.isEmpty { text += inner + ".summary(\(SwiftLiteral.string(alert.summary)))\n" }
    if !alert.description.isEmpty { text += inner + ".description(\(SwiftLiteral.string(alert.description)))\n" }
    if let runbook = alert.runbookURL { text += inner + ".runbook(\(SwiftLiteral.string(runbook)))\n" }
    for key in alert.annotations.keys.sorted() {
      text += inner + ".annotation(\(SwiftLiteral.string(key)), \(SwiftLiteral.string(alert.annotations[key] ?? "")))\n"
    }
    return text
  }

  private static func recordSource(_ record: RecordingRule, indent: String) -> String {
    var text = indent + "RecordingRule(\(SwiftLiteral.string(record.name)), expr: .raw(\(SwiftLiteral.string(record.expr.description))))\n"
    if !record.labels.isEmpty { text += indent + "  .labels(\(dictionary(record.labels)))\n" }
    return text
  }

  private static func dictionary(_ values: [String: String]) -> String {
    "[" + values.keys.sorted().map { "\(SwiftLiteral.string($0)): \(SwiftLiteral.string(values[$0] ?? ""))" }.joined(separator: ", ") + "]"
  }
}
