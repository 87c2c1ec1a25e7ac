import Foundation
import MonitoringDSL
import MonitoringRender
import Testing
import WebSocketSpecs
import Yams

/// The flagship example's own check (it reads specs/, unlike the tool's tests): the `grafana`
/// environment holds every alert that `dev` writes as Prometheus rules, with the same thresholds,
/// `for`, labels and annotations, and each reaches the same receiver through Grafana's notification
/// policy tree as through `dev`'s Alertmanager. Both sides are read back from the rendered files.
@Suite struct GrafanaEnvironmentTests {
  /// `dev`'s alerts that the grafana environment leaves out on purpose: it has no Alertmanager to watch.
  static let alertmanagerOnly: Set<String> = ["AlertmanagerConfigReloadFailed", "AlertmanagerDown"]
  /// Grafana's threshold evaluators, as PromQL writes them.
  static let comparisons = ["gt": ">", "lt": "<", "gte": ">=", "lte": "<=", "eq": "==", "ne": "!="]

  struct PrometheusAlert {
    var expr: String
    var hold: String?
    var labels: [String: String]
    var annotations: [String: String]
  }

  struct GrafanaRule {
    var folder: String
    var data: [[String: Any]]
    var condition: String
    var hold: String?
    var labels: [String: String]
    var annotations: [String: String]
  }

  static func files(_ environment: StackEnvironment) throws -> [String: String] {
    let files = try Renderer.render([environment])
    return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
  }

  static func yaml(_ text: String?) throws -> [String: Any] {
    let text = try #require(text)
    let loaded = try Yams.load(yaml: text)
    return try #require(loaded as? [String: Any])
  }

  /// Every alerting rule of dev's Prometheus rule files, by name.
  static func prometheusAlerts() throws -> [String: PrometheusAlert] {
    var alerts: [String: PrometheusAlert] = [:]
    for (path, text) in try files(Specs.dev) where path.hasPrefix("dev/prometheus/rules/") {
      for group in try yaml(text)["groups"] as? [[String: Any]] ?? [] {
        for rule in group["rules"] as? [[String: Any]] ?? [] {
          guard let name = rule["alert"] as? String else { continue }
          #expect(alerts[name] == nil, "\(name) is in more than one group")
          alerts[name] = PrometheusAlert(
            expr: try #require(rule["expr"] as? String), hold: rule["for"] as? String,
            labels: rule["labels"] as? [String: String] ?? [:], annotations: rule["annotations"] as? [String: String] ?? [:])
        }
      }
    }
    return alerts
  }

  /// The grafana environment's alert rules by title, and its notification policy tree.
  static func grafana() throws -> (rules: [String: GrafanaRule], policies: Route, promRules: [String]) {
    let files = try files(Specs.grafana)
    var rules: [String: GrafanaRule] = [:]
    for group in try yaml(files["grafana/grafana/provisioning/alerting/alert-rules.yaml"])["groups"] as? [[String: Any]] ?? [] {
      for rule in group["rules"] as? [[String: Any]] ?? [] {
        let title = try #require(rule["title"] as? String)
        #expect(rules[title] == nil, "\(title) is in more than one group")
        rules[title] = GrafanaRule(
          folder: try #require(group["folder"] as? String), data: try #require(rule["data"] as? [[String: Any]]),
          condition: try #require(rule["condition"] as? String), hold: rule["for"] as? String,
          labels: rule["labels"] as? [String: String] ?? [:], annotations: rule["annotations"] as? [String: String] ?? [:])
      }
    }
    let policies = try #require(try yaml(files["grafana/grafana/provisioning/alerting/policies.yaml"])["policies"] as? [[String: Any]])
    #expect(policies.count == 1)
    let alertsInPrometheus = files.filter { $0.key.hasPrefix("grafana/prometheus/rules/") }.values.filter { $0.contains("- alert:") }
    return (rules, try route(try #require(policies.first)), Array(alertsInPrometheus))
  }

  /// A notification policy as a `Route`, to route through with `AlertmanagerRouting`.
  static func route(_ policy: [String: Any]) throws -> Route {
    let operators: [String: LabelMatcher.Operator] = ["=": .equal, "!=": .notEqual, "=~": .regex, "!~": .notRegex]
    var route = Route(receiver: policy["receiver"] as? String)
    route.matchers = try (policy["object_matchers"] as? [[String]] ?? []).map { matcher in
      try #require(matcher.count == 3)
      return LabelMatcher(matcher[0], try #require(operators[matcher[1]]), matcher[2])
    }
    route.continues = policy["continue"] as? Bool ?? false
    route.routes = try (policy["routes"] as? [[String: Any]] ?? []).map(Self.route)
    return route
  }

  @Test func everyAlertOfDevIsAGrafanaRuleWithTheSameThreshold() throws {
    let prometheus = try Self.prometheusAlerts()
    let (rules, _, alertsInPrometheus) = try Self.grafana()
    #expect(alertsInPrometheus.isEmpty, "the grafana environment's Prometheus has alerting rules")
    #expect(Set(prometheus.keys).subtracting(rules.keys) == Self.alertmanagerOnly)
    #expect(Set(rules.keys).isSubset(of: prometheus.keys))
    #expect(rules.count >= 13, "the KPI, SLO and self-monitoring alerts")
    for (name, alert) in prometheus where !Self.alertmanagerOnly.contains(name) {
      let rule = try #require(rules[name])
      #expect(rule.folder == "WebSocket")
      #expect(rule.hold == alert.hold ?? "0s", "\(name): for")  // Prometheus leaves a 0s for out
      #expect(rule.labels == alert.labels, "\(name): labels")
      #expect(rule.annotations["summary"] == alert.annotations["summary"], "\(name): summary")
      #expect(rule.annotations["runbook_url"] == alert.annotations["runbook_url"], "\(name): runbook")
      #expect(
        rule.annotations["description"] == alert.annotations["description"]?.replacingOccurrences(of: "$value", with: "$values.A.Value"),
        "\(name): description")

      let steps = Dictionary(uniqueKeysWithValues: rule.data.map { ($0["refId"] as? String ?? "", $0["model"] as? [String: Any] ?? [:]) })
      let query = try #require(steps["A"]?["expr"] as? String, "\(name): query A")
      let condition = try #require(steps[rule.condition], "\(name): condition \(rule.condition)")
      if condition["type"] as? String == "threshold" {
        // The Prometheus expression is query A compared with the evaluator's number.
        let evaluator = try #require((condition["conditions"] as? [[String: Any]])?.first?["evaluator"] as? [String: Any])
        let comparison = try #require(Self.comparisons[evaluator["type"] as? String ?? ""], "\(name): evaluator")
        let threshold = try #require((evaluator["params"] as? [Any])?.first.flatMap { Double("\($0)") }, "\(name): threshold")
        let prefix = "\(query) \(comparison) "
        #expect(alert.expr.hasPrefix(prefix), "\(name): \(alert.expr) is not \(prefix)…")
        #expect(Double(alert.expr.dropFirst(prefix.count)) == threshold, "\(name): \(alert.expr) against threshold \(threshold)")
      } else {
        // Every series of the whole expression fires, its thresholds inside the query as written.
        #expect(condition["type"] as? String == "math", "\(name)")
        #expect(query == alert.expr, "\(name): query A")
      }
    }
  }

  @Test func everyAlertReachesTheSameReceiverInBothEnvironments() throws {
    let prometheus = try Self.prometheusAlerts()
    let (rules, policies, _) = try Self.grafana()
    let alertmanager = try #require(Specs.dev.defaultCatalog.alertmanagerConfigs.first)
    for (name, rule) in rules {
      let alert = try #require(prometheus[name])
      let viaAlertmanager = AlertmanagerRouting.receiver(for: alert.labels.merging(["alertname": name]) { $1 }, in: alertmanager)
      let viaGrafana = AlertmanagerRouting.receivers(
        for: rule.labels.merging(["alertname": name, "grafana_folder": rule.folder]) { $1 }, under: policies)
      #expect(viaGrafana == viaAlertmanager, "\(name)")
      #expect(viaGrafana.count == 1 && viaGrafana != [policies.receiver], "\(name) reaches \(viaGrafana), the root's default")
    }
  }

  /// The seed's dashboard is written in schema v2 beside the classic model in this environment, and the
  /// v2 file stands for the same dashboard: read back, it is the classic file, member for member.
  @Test func theV2DashboardIsTheClassicOne() throws {
    let files = try Self.files(Specs.grafana)
    let name = "websocket-service-comprehensive-dashboard.json"
    let classic = try JSONParser.parse(try #require(files["grafana/grafana/dashboards/\(name)"]))
    let resource = try JSONParser.parse(try #require(files["grafana/grafana/dashboards-v2/\(name)"]))
    #expect(resource["metadata"]?["name"]?.text == "d323749f-135e-455a-aa74-4915a52ef0b9")
    let back = DashboardV2Reading.classic(resource, schemaVersion: try #require(classic["schemaVersion"]?.integer))
    guard case .object(let members) = classic, case .object(let backMembers) = back else {
      Issue.record("a dashboard is not an object")
      return
    }
    let keys = Set(members.keys).union(backMembers.keys).sorted()
    #expect(keys.filter { members[$0] != backMembers[$0] } == [], "members that differ between the classic file and the v2 one read back")
  }
}
