import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct SemanticDiffTests {
  static let path = "dev/grafana/dashboards/ops.json"

  /// A dashboard with two rows: CPU and Memory in "Hosts", Errors in "App".
  static func dashboard(
    cpuUnit: String = "percent", red: Int = 80, expr: String = "sum(rate(cpu[5m]))",
    hosts: [String] = ["CPU", "Memory"], app: [String] = ["Errors"]
  ) -> String {
    func panel(_ title: String, y: Int) -> JSONValue {
      [
        "type": "timeseries", "title": .string(title), "gridPos": ["x": 0, "y": .int(y), "w": 12, "h": 8],
        "fieldConfig": [
          "defaults": [
            "unit": .string(title == "CPU" ? cpuUnit : "short"),
            "thresholds": ["mode": "absolute", "steps": [["color": "green", "value": nil], ["color": "red", "value": .int(title == "CPU" ? red : 80)]]],
          ]
        ],
        "targets": [["refId": "A", "expr": .string(title == "CPU" ? expr : "up")]],
      ]
    }
    var panels: [JSONValue] = [["type": "row", "title": "Hosts", "gridPos": ["x": 0, "y": 0, "w": 24, "h": 1]]]
    panels += hosts.enumerated().map { panel($0.element, y: 1 + 8 * $0.offset) }
    panels.append(["type": "row", "title": "App", "gridPos": ["x": 0, "y": 40, "w": 24, "h": 1]])
    panels += app.enumerated().map { panel($0.element, y: 41 + 8 * $0.offset) }
    return JSONWriter.write(["uid": "ops", "title": "Ops", "panels": .array(panels)])
  }

  static func changes(_ old: String, _ new: String, path: String = path) -> [String] {
    SemanticDiff.changes(old: [path: old], new: [path: new]).map(describe)
  }

  static func describe(_ change: Change) -> String {
    let path = change.path.map(\.description).joined(separator: " › ")
    return "\(change.kind.rawValue) \(path)" + (change.field.map { " \($0)" } ?? "")
      + ((change.old ?? change.new) == nil ? "" : ": \(change.old ?? "∅") → \(change.new ?? "∅")")
  }

  static let cpu = #"environment "dev" › dashboard "Ops" › row "Hosts" › panel "CPU""#

  @Test func equalFilesHaveNoChanges() {
    #expect(Self.changes(Self.dashboard(), Self.dashboard()).isEmpty)
  }

  @Test func reportsUnitThresholdAndQueryWithOldAndNewValues() {
    #expect(
      Self.changes(Self.dashboard(), Self.dashboard(cpuUnit: "percentunit", red: 90, expr: "avg(rate(cpu[5m]))")) == [
        "changed \(Self.cpu) unit: percent → percentunit",
        "changed \(Self.cpu) thresholds: green, red 80 → green, red 90",
        "changed \(Self.cpu) › query A expr: sum(rate(cpu[5m])) → avg(rate(cpu[5m]))",
      ])
  }

  /// Swapping two panels moves one of them; the other only shifted and is not reported.
  @Test func reorderingIsOneMove() {
    #expect(
      Self.changes(Self.dashboard(), Self.dashboard(hosts: ["Memory", "CPU"])) == [
        #"moved \#(Self.cpu): row "Hosts" #1 → row "Hosts" #2"#
      ])
    #expect(
      Self.changes(Self.dashboard(hosts: ["CPU", "Memory", "Disk", "Net"]), Self.dashboard(hosts: ["Net", "CPU", "Memory", "Disk"]))
        == [#"moved environment "dev" › dashboard "Ops" › row "Hosts" › panel "Net": row "Hosts" #4 → row "Hosts" #1"#])
  }

  @Test func movingToAnotherRowIsOneMoveNotARemovalAndAnAddition() {
    #expect(
      Self.changes(Self.dashboard(), Self.dashboard(hosts: ["CPU"], app: ["Errors", "Memory"])) == [
        #"moved environment "dev" › dashboard "Ops" › row "App" › panel "Memory": row "Hosts" #2 → row "App" #2"#
      ])
  }

  @Test func addedAndRemovedPanelsAreReportedOnceWithTheirQueries() {
    #expect(
      Self.changes(Self.dashboard(), Self.dashboard(hosts: ["CPU", "Memory", "Disk"], app: [])) == [
        #"added environment "dev" › dashboard "Ops" › row "Hosts" › panel "Disk""#,
        #"removed environment "dev" › dashboard "Ops" › row "App" › panel "Errors""#,
      ])
  }

  @Test func aNewFileIsOneAddition() {
    let changes = SemanticDiff.changes(old: [:], new: [Self.path: Self.dashboard()]).map(Self.describe)
    #expect(changes == [#"added environment "dev" › dashboard "Ops""#])
  }

  static let rules = """
    groups:
    - name: app
      interval: 30s
      rules:
      - record: job:errors:rate5m
        expr: sum by (job) (rate(errors_total[5m]))
      - alert: HighErrors
        expr: job:errors:rate5m > 1
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: Many errors.

    """

  @Test func reportsAlertForLabelsAnnotationsAndGroupInterval() {
    let changed = Self.rules.replacingOccurrences(of: "for: 5m", with: "for: 10m")
      .replacingOccurrences(of: "severity: warning", with: "severity: critical\n      team: web")
      .replacingOccurrences(of: "interval: 30s", with: "interval: 1m")
      .replacingOccurrences(of: "Many errors.", with: "Too many errors.")
    let rules = #"environment "dev" › rules "app.rules.yml" › group "app""#
    // The severity is part of an alert's identity: the same name often comes once per severity.
    #expect(
      Self.changes(Self.rules, changed, path: "dev/prometheus/rules/app.rules.yml") == [
        "changed \(rules) interval: 30s → 1m",
        "added \(rules) › alert HighErrors",
        "removed \(rules) › alert HighErrors",
      ])
    let sameSeverity = changed.replacingOccurrences(of: "severity: critical", with: "severity: warning")
    #expect(
      Self.changes(Self.rules, sameSeverity, path: "dev/prometheus/rules/app.rules.yml") == [
        "changed \(rules) interval: 30s → 1m",
        "changed \(rules) › alert HighErrors annotations.summary: Many errors. → Too many errors.",
        "changed \(rules) › alert HighErrors for: 5m → 10m",
        "added \(rules) › alert HighErrors labels.team: ∅ → web",
      ])
  }

  /// Each SLO's group records the same names; Prometheus lists groups in its own order, so a name
  /// several groups use is matched within its group, not by its place in the file.
  @Test func aRecordNameInSeveralGroupsIsMatchedWithinItsGroup() {
    func group(_ name: String, _ expr: String) -> String {
      """
        - name: \(name)
          rules:
          - record: slo:sli_error:ratio_rate5m
            expr: \(expr)
            labels:
              slo: \(name)

      """
    }
    let specs = "groups:\n" + group("slo-messages", "errors") + group("slo-availability", "down")
    let live = "groups:\n" + group("slo-availability", "down") + group("slo-messages", "errors")
    let path = "dev/prometheus/rules/slo.rules.yml"
    #expect(Self.changes(specs, live, path: path) == [])
    let edited = live.replacingOccurrences(of: "expr: down", with: "expr: up == 0")
    #expect(
      Self.changes(specs, edited, path: path) == [
        #"changed environment "dev" › rules "slo.rules.yml" › group "slo-availability" › record slo:sli_error:ratio_rate5m expr: down → up == 0"#
      ])
  }

  @Test func reportsRoutesReceiversAndScrapeJobs() {
    let alertmanager = """
      route:
        receiver: default
        group_wait: 30s
        routes:
        - receiver: pager
          matchers:
          - severity="critical"
      receivers:
      - name: default
      - name: pager
        pagerduty_configs:
        - routing_key_file: /secrets/key

      """
    let changedRouting = alertmanager.replacingOccurrences(of: "receiver: pager", with: "receiver: default")
      .replacingOccurrences(of: "group_wait: 30s", with: "group_wait: 1m")
    let file = #"environment "dev" › alertmanager "alertmanager.yml""#
    #expect(
      Self.changes(alertmanager, changedRouting, path: "dev/alertmanager/alertmanager.yml") == [
        "changed \(file) › route root group_wait: 30s → 1m",
        #"changed \#(file) › route {severity="critical"} receiver: pager → default"#,
      ])
    let prometheus = """
      global:
        scrape_interval: 15s
      scrape_configs:
      - job_name: app
        scrape_interval: 30s
        static_configs:
        - targets: [app:8080]

      """
    let changedJobs = prometheus.replacingOccurrences(of: "scrape_interval: 30s", with: "scrape_interval: 10s")
      .replacingOccurrences(of: "app:8080", with: "app:8080, app2:8080")
    let config = #"environment "dev" › prometheus "prometheus.yml" › job "app""#
    #expect(
      Self.changes(prometheus, changedJobs, path: "dev/prometheus/prometheus.yml") == [
        "changed \(config) scrape_interval: 30s → 10s",
        "changed \(config) static_configs[0].targets: [app:8080] → [app:8080, app2:8080]",
      ])
  }

  /// A dashboard inside a Kubernetes ConfigMap is compared member by member, not as one long string.
  @Test func jsonInsideAStringComparesByMember() {
    func configMap(_ red: Int) -> String {
      let dashboard = JSONWriter.write(["uid": "ops", "panels": [["title": "CPU", "max": .int(red)]]])
      return YAMLTree.document(
        YAMLTree.mapping([
          ("kind", YAMLTree.string("ConfigMap")), ("metadata", YAMLTree.mapping([("name", YAMLTree.string("ops"))])),
          ("data", YAMLTree.mapping([("ops.json", YAMLTree.string(dashboard))])),
        ]))
    }
    #expect(
      Self.changes(configMap(80), configMap(90), path: "k8s/kubernetes/configmap-ops.yaml") == [
        #"changed environment "k8s" › file "kubernetes/configmap-ops.yaml" data.ops.json.panels[CPU].max: 80 → 90"#
      ])
  }

  @Test func textFilesCompareLineByLine() {
    #expect(
      Self.changes("a\nb\n", "a\nc\n", path: "dev/alertmanager/tests/routes.txt") == [
        #"added environment "dev" › file "alertmanager/tests/routes.txt" c: ∅ → "#,
        #"removed environment "dev" › file "alertmanager/tests/routes.txt" b:  → ∅"#,
      ])
  }

  @Test func reportsReadablyAsTextMarkdownAndJSON() throws {
    let changes = SemanticDiff.changes(old: [Self.path: Self.dashboard()], new: [Self.path: Self.dashboard(red: 90)])
    #expect(
      ChangeReport.text(changes) == """
        \(Self.cpu)
          ~ thresholds: green, red 80 → green, red 90

        1 change in 1 item.

        """)
    #expect(ChangeReport.markdown(changes).contains(#"- thresholds: `green, red 80` → `green, red 90`"#))
    #expect(ChangeReport.markdown(changes).contains(#"**environment "dev" › dashboard "Ops" › row "Hosts" › panel "CPU"**"#))
    let json = try JSONParser.parse(ChangeReport.json(changes))
    #expect(json["count"] == 1)
    #expect(json["changes"] == [["kind": "changed", "field": "thresholds", "old": "green, red 80", "new": "green, red 90", "path": [
      #"environment "dev""#, #"dashboard "Ops""#, #"row "Hosts""#, #"panel "CPU""#,
    ]]])
    #expect(ChangeReport.text([]) == "No changes.\n")
  }
}
