public import MonitoringDSL
import MonitoringRender

/// `gen import rules`: a Prometheus rule file as a typed `RuleFile`: groups with their interval,
/// limit and query offset; alerts with `for`, `keep_firing_for`, severity, labels, summary,
/// description, runbook and other annotations; recording rules with labels. Expressions are kept
/// as written (PromQL text); the file is marked imported, so the naming conventions `gen` enforces
/// on new rules do not reject it.
/// ```swift
/// let imported = try RuleImporter.importRules(text, source: "node.rules.yml", fileName: "node.rules.yml")
/// ```
public enum RuleImporter {
  public static func importRules(
    _ text: String, source: String, fileName: String, limits: ImportLimits = .default
  ) throws(ImportFailure) -> RuleImport {
    let model = try ImportInput.yaml(text, source: source, limits: limits)
    guard case .array(let groups)? = model["groups"] else { throw ImportFailure("\(source): not a rule file (no \"groups:\" list)") }
    var notes: [ImportNote] = []
    for key in model.objectKeys where key != "groups" {
      notes.append(.warning("top-level key \"\(key)\" is not part of a rule file; Prometheus refuses it, so it is dropped"))
    }
    var file = RuleFile(fileName) {}
    file.importedFrom = source
    for (index, json) in groups.enumerated() {
      file.groups.append(try group(json, index: index, source: source, notes: &notes))
    }
    return RuleImport(file: file, notes: notes, source: source)
  }

  static func group(_ json: JSONValue, index: Int, source: String, notes: inout [ImportNote]) throws(ImportFailure) -> RuleGroup {
    guard let name = json["name"]?.text else { throw ImportFailure("\(source): group \(index + 1) has no name") }
    var group = RuleGroup(name) {}
    if let interval = json["interval"]?.text { group.interval = PromDuration(interval) }
    if let limit = json["limit"]?.integer { group.limit = limit }
    if let offset = json["query_offset"]?.text { group.queryOffset = PromDuration(offset) }
    group.labels = strings(json["labels"])
    for key in json.objectKeys where !["name", "interval", "limit", "query_offset", "labels", "rules"].contains(key) {
      notes.append(.warning("group \"\(name)\": unknown key \"\(key)\" dropped"))
    }
    for rule in json["rules"]?.elements ?? [] {
      if let record = rule["record"]?.text {
        var recording = RecordingRule(record, expr: .raw(rule["expr"]?.text ?? ""))
        recording.labels = strings(rule["labels"])
        group.rules.append(.record(recording))
      } else if let alertName = rule["alert"]?.text {
        group.rules.append(.alert(try alert(alertName, rule, group: name, source: source)))
      } else {
        throw ImportFailure("\(source): group \"\(name)\" has a rule that is neither an alert nor a recording rule")
      }
    }
    return group
  }

  static func alert(_ name: String, _ json: JSONValue, group: String, source: String) throws(ImportFailure) -> AlertRule {
    var labels = strings(json["labels"])
    guard let severityText = labels.removeValue(forKey: "severity"), let severity = Severity(rawValue: severityText) else {
      throw ImportFailure(
        "\(source): group \"\(group)\" › alert \(name): severity must be critical, warning or info (the label is "
          + "\(json["labels"]?["severity"]?.text.map { "\"\($0)\"" } ?? "missing")); set it in the file and import again")
    }
    var alert = AlertRule(name, expr: .raw(json["expr"]?.text ?? ""), for: json["for"]?.text.map { PromDuration($0) }, severity: severity)
    if let keep = json["keep_firing_for"]?.text { alert.keepFiringFor = PromDuration(keep) }
    alert.labels = labels
    var annotations = strings(json["annotations"])
    alert.summary = annotations.removeValue(forKey: "summary") ?? ""
    alert.description = annotations.removeValue(forKey: "description") ?? ""
    alert.runbookURL = annotations.removeValue(forKey: "runbook_url")
    alert.annotations = annotations
    return alert
  }

  /// A string-to-string mapping; values that YAML reads as numbers or bools keep their spelling.
  static func strings(_ json: JSONValue?) -> [String: String] {
    guard case .object(let members)? = json else { return [:] }
    return members.compactMapValues(\.text)
  }
}

/// A rule file brought in by ``RuleImporter``.
public struct RuleImport: Sendable {
  public var file: RuleFile
  public var notes: [ImportNote]
  public var source: String
}
