public import MonitoringDSL
public import Yams

/// Grafana's file provisioning for alerting (`apiVersion: 1`, read from `provisioning/alerting/`),
/// one file per resource kind, keys in the order Grafana exports them. The shapes follow Grafana's
/// provisioning structs (grafana/grafana `pkg/services/provisioning/alerting/`: `AlertRuleGroupV1`
/// and `AlertRuleV1` in rules_types.go, `ContactPointV1` and `ReceiverV1` in contact_point_types.go,
/// `NotificiationPolicyV1` in notification_policy_types.go, `MuteTimeV1` in mute_times_types.go,
/// `TemplateV1` in text_templates_types.go). Strings Grafana interpolates are escaped
/// (`GrafanaInterpolation`); the policy tree and mute timings share Alertmanager's lowering.
/// ```swift
/// for file in GrafanaAlertingLowering.files(plan) { print(file.path, YAMLTree.document(file.node)) }
/// ```
public enum GrafanaAlertingLowering {
  public static let folder = "grafana/provisioning/alerting"

  /// The files of the plan, each kind only when it has something to write.
  public static func files(_ plan: GrafanaAlertingPlan) -> [(path: String, node: Node)] {
    let org = plan.settings.orgID
    var files = [(path: String, node: Node)]()
    func add(_ name: String, _ key: String, _ entries: [Node]) {
      guard !entries.isEmpty else { return }
      files.append(("\(folder)/\(name)", YAMLTree.mapping([("apiVersion", YAMLTree.int(1)), (key, YAMLTree.sequence(entries))])))
    }
    add("alert-rules.yaml", "groups", plan.groups.map { group($0, plan: plan) })
    let config = plan.config
    add("contact-points.yaml", "contactPoints", (config?.receivers ?? []).map { contactPoint($0, org: org) })
    add("policies.yaml", "policies", config?.route.map { [policy($0, org: org)] } ?? [])
    add("mute-timings.yaml", "muteTimes", (config?.timeIntervals ?? []).map { withOrg(org, AlertmanagerLowering.timeIntervals($0)) })
    let templates = plan.settings.templates.map {
      YAMLTree.mapping([("orgId", YAMLTree.int(org)), ("name", YAMLTree.string($0.name)), ("template", YAMLTree.string($0.text))])
    }
    add("templates.yaml", "templates", templates)
    return files
  }

  // MARK: - Rule groups

  private static func group(_ group: GrafanaAlertingPlan.Group, plan: GrafanaAlertingPlan) -> Node {
    YAMLTree.mapping([
      ("orgId", YAMLTree.int(plan.settings.orgID)),
      ("name", escaped(group.group.name)),
      ("folder", escaped(plan.settings.folder)),
      ("interval", YAMLTree.string(group.interval.text)),
      ("rules", YAMLTree.sequence(group.alerts.map { rule($0, in: group.group, datasourceUID: plan.datasourceUID ?? "") })),
    ])
  }

  private static func rule(_ alert: AlertRule, in group: RuleGroup, datasourceUID: String) -> Node {
    let condition = GrafanaAlertCondition(alert.expr)
    let labels = group.labels.merging(alert.allLabels) { _, rule in rule }.mapValues(GrafanaInterpolation.escaped)
    return YAMLTree.mapping([
      ("uid", escaped(GrafanaAlertingPlan.uid(of: alert))),
      ("title", escaped(alert.name)),
      ("condition", YAMLTree.string("C")),
      ("data", YAMLTree.sequence(data(condition, datasourceUID: datasourceUID))),
      // Prometheus fires nothing for an empty result and keeps its alerts when a query fails.
      ("noDataState", YAMLTree.string("OK")),
      ("execErrState", YAMLTree.string("KeepLast")),
      ("for", YAMLTree.string(alert.duration?.text ?? "0s")),
      ("keepFiringFor", alert.keepFiringFor.map { YAMLTree.string($0.text) }),
      ("annotations", annotations(alert).isEmpty ? nil : YAMLTree.sortedMapping(annotations(alert))),
      ("labels", YAMLTree.sortedMapping(labels)),
      ("isPaused", YAMLTree.bool(false)),
    ])
  }

  /// The annotations as Grafana templates them: Prometheus' `$value` is `$values.A.Value` there.
  static func annotations(_ alert: AlertRule) -> [String: String] {
    var annotations = alert.annotations
    if !alert.summary.isEmpty { annotations["summary"] = alert.summary }
    if !alert.description.isEmpty { annotations["description"] = alert.description }
    if let runbook = alert.runbookURL { annotations["runbook_url"] = runbook }
    return annotations.mapValues(grafanaTemplate)
  }

  /// `$value` (not `$values`) replaced by `$values.A.Value`.
  static func grafanaTemplate(_ template: String) -> String {
    guard template.contains("$value") else { return template }
    var result = ""
    var rest = Substring(template)
    while let range = rest.firstRange(of: "$value") {
      result += rest[..<range.lowerBound]
      let next = rest[range.upperBound...].first
      let isWord = next.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
      result += isWord ? "$value" : "$values.A.Value"
      rest = rest[range.upperBound...]
    }
    return result + rest
  }

  /// Query A (the PromQL, instant), B (`last` of A) and C (the condition on B).
  private static func data(_ condition: GrafanaAlertCondition, datasourceUID: String) -> [Node] {
    let prometheus: JSONValue = ["type": "prometheus", "uid": .string(datasourceUID)]
    let query: JSONValue = [
      "datasource": prometheus, "expr": .string(condition.query.description), "instant": true, "range": false, "refId": "A",
    ]
    let reduce: JSONValue = ["datasource": expressions, "expression": "A", "reducer": "last", "refId": "B", "type": "reduce"]
    let decision: JSONValue =
      switch condition {
      case .threshold(_, let evaluator, let value):
        [
          "conditions": [["evaluator": ["params": [number(value)], "type": .string(evaluator)]]],
          "datasource": expressions, "expression": "B", "refId": "C", "type": "threshold",
        ]
      case .everySeries:
        ["datasource": expressions, "expression": "$B == $B || $B != $B", "refId": "C", "type": "math"]
      }
    return [
      YAMLTree.mapping([
        ("refId", YAMLTree.string("A")),
        ("relativeTimeRange", YAMLTree.mapping([("from", YAMLTree.int(600)), ("to", YAMLTree.int(0))])),
        ("datasourceUid", YAMLTree.string(datasourceUID)),
        ("model", YAMLTree.json(query)),
      ]),
      expression("B", reduce),
      expression("C", decision),
    ]
  }

  private static let expressions: JSONValue = ["type": "__expr__", "uid": "__expr__"]

  private static func expression(_ refID: String, _ model: JSONValue) -> Node {
    YAMLTree.mapping([("refId", YAMLTree.string(refID)), ("datasourceUid", YAMLTree.string("__expr__")), ("model", YAMLTree.json(model))])
  }

  private static func number(_ value: Double) -> JSONValue {
    value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
  }

  // MARK: - Contact points, policies

  private static func contactPoint(_ receiver: Receiver, org: Int) -> Node {
    let receivers = zip(receiver.integrations.map(GrafanaIntegration.init), uids(of: receiver)).map { integration, uid in
      YAMLTree.mapping([
        ("uid", YAMLTree.string(uid)),
        ("type", YAMLTree.string(integration.type)),
        ("settings", YAMLTree.mapping(integration.settings)),
        ("disableResolveMessage", YAMLTree.bool(!integration.sendsResolved)),
      ])
    }
    return YAMLTree.mapping([
      ("orgId", YAMLTree.int(org)), ("name", escaped(receiver.name)), ("receivers", YAMLTree.sequence(receivers)),
    ])
  }

  /// Each integration's uid: `<receiver>-<type>`, then `-2`, `-3`… for further ones of a type.
  public static func uids(of receiver: Receiver) -> [String] {
    var seen: [String: Int] = [:]
    return receiver.integrations.map(GrafanaIntegration.init).map { integration in
      seen[integration.type, default: 0] += 1
      let count = seen[integration.type, default: 1]
      return "\(receiver.name)-\(integration.type)" + (count > 1 ? "-\(count)" : "")
    }
  }

  /// The root policy: the routing tree with `object_matchers`, every string escaped, `orgId` first.
  private static func policy(_ route: Route, org: Int) -> Node {
    withOrg(org, escapingStrings(AlertmanagerLowering.route(route, matchers: .objects)))
  }

  private static func withOrg(_ org: Int, _ node: Node) -> Node {
    guard case .mapping(let mapping) = node else { return node }
    let pairs: [(Node, Node)] = [(YAMLTree.string("orgId"), YAMLTree.int(org))] + mapping.map { ($0.key, $0.value) }
    return Node(pairs)
  }

  private static func escaped(_ text: String) -> Node { YAMLTree.string(GrafanaInterpolation.escaped(text)) }

  /// Every string scalar of the tree escaped (keys are not interpolated).
  private static func escapingStrings(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar):
      let typed = [Tag.Name.null, .bool, .int, .float].map(\.rawValue).contains(node.tag.description)
      return typed ? node : YAMLTree.string(GrafanaInterpolation.escaped(scalar.string))
    case .sequence(let sequence): return YAMLTree.sequence(sequence.map(escapingStrings))
    case .mapping(let mapping):
      let pairs: [(Node, Node)] = mapping.map { ($0.key, escapingStrings($0.value)) }
      return Node(pairs)
    case .alias: return node
    }
  }
}
