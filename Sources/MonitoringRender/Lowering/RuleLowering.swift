public import MonitoringDSL
public import Yams

/// A Prometheus rule file (`groups:`), annotations in a fixed order: summary, description,
/// runbook_url, then any others by name. Templates go through Yams' quoting, so `{{ printf "%.2f" $value }}`
/// can never break the YAML.
public enum RuleLowering {
  public static func file(_ file: RuleFile) -> Node {
    YAMLTree.mapping([("groups", YAMLTree.sequence(file.groups.map(group)))])
  }

  private static func group(_ group: RuleGroup) -> Node {
    YAMLTree.mapping([
      ("name", YAMLTree.string(group.name)),
      ("interval", group.interval.map { YAMLTree.string($0.text) }),
      ("query_offset", group.queryOffset.map { YAMLTree.string($0.text) }),
      ("limit", group.limit.map(YAMLTree.int)),
      ("labels", group.labels.isEmpty ? nil : YAMLTree.sortedMapping(group.labels)),
      ("rules", YAMLTree.sequence(group.rules.map(rule))),
    ])
  }

  private static func rule(_ rule: Rule) -> Node {
    switch rule {
    case .record(let record):
      return YAMLTree.mapping([
        ("record", YAMLTree.string(record.name)),
        ("expr", YAMLTree.string(record.expr.description)),
        ("labels", record.labels.isEmpty ? nil : YAMLTree.sortedMapping(record.labels)),
      ])
    case .alert(let alert):
      return YAMLTree.mapping([
        ("alert", YAMLTree.string(alert.name)),
        ("expr", YAMLTree.string(alert.expr.description)),
        ("for", alert.duration.map { YAMLTree.string($0.text) }),
        ("keep_firing_for", alert.keepFiringFor.map { YAMLTree.string($0.text) }),
        ("labels", YAMLTree.sortedMapping(alert.allLabels)),
        ("annotations", YAMLTree.mapping(annotations(of: alert).map { ($0.0, YAMLTree.string($0.1)) })),
      ])
    }
  }

  /// The annotations an alert carries, in emission order.
  public static func annotations(of alert: AlertRule) -> [(String, String)] {
    var pairs: [(String, String)] = [("summary", alert.summary), ("description", alert.description)]
    if let runbook = alert.runbookURL { pairs.append(("runbook_url", runbook)) }
    pairs += alert.annotations.keys.sorted().map { ($0, alert.annotations[$0] ?? "") }
    return pairs
  }
}
