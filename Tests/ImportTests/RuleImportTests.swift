import MonitoringDSL
import MonitoringImport
import MonitoringRender
import Testing

@Suite struct RuleImportTests {
  static let file = """
    groups:
    - name: host
      interval: 30s
      rules:
      - record: instance:cpu:rate5m
        expr: sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))
      - alert: high_load
        expr: instance:cpu:rate5m > 0.9
        for: 5m
        labels:
          severity: warning
          team: infra
        annotations:
          summary: "Load on {{ $labels.instance }}"
          description: High load
          runbook_url: https://runbooks.example.com/load
          dashboard: https://grafana.example.com/d/node

    """

  @Test func importsGroupsAlertsAndRecordingRules() throws {
    let imported = try RuleImporter.importRules(Self.file, source: "host.yml", fileName: "host.yml")
    #expect(imported.file.importedFrom == "host.yml")
    let group = try #require(imported.file.groups.first)
    #expect(group.name == "host" && group.interval == "30s")
    guard case .alert(let alert) = group.rules.last, case .record(let record) = group.rules.first else {
      Issue.record("expected a recording rule then an alert")
      return
    }
    #expect(record.name == "instance:cpu:rate5m")
    #expect(alert.severity == .warning && alert.labels == ["team": "infra"] && alert.duration == "5m")
    #expect(alert.summary == "Load on {{ $labels.instance }}")
    #expect(alert.runbookURL == "https://runbooks.example.com/load")
    #expect(alert.annotations == ["dashboard": "https://grafana.example.com/d/node"])
  }

  /// Imported names and annotations break our conventions; the file still renders, and to the same rules.
  @Test func rendersBackToTheSameRules() throws {
    let imported = try RuleImporter.importRules(Self.file, source: "host.yml", fileName: "host.yml")
    let files = try Renderer.render(Catalog { imported.file })
    let rendered = try #require(files.first { $0.path == "prometheus/rules/host.yml" })
    #expect(RoundTrip.differences(expected: Self.file, rendered: rendered.contents, yaml: true).isEmpty)
  }

  @Test func printsTheDSL() throws {
    let imported = try RuleImporter.importRules(Self.file, source: "host.yml", fileName: "host.yml")
    let swift = RuleSwiftPrinter.source(imported, typeName: "HostRules")
    #expect(swift.contains(#"RuleGroup("host", interval: "30s") {"#))
    #expect(swift.contains(##"RecordingRule("instance:cpu:rate5m", expr: .raw(#"sum by (instance) (rate(node_cpu_seconds_total{mode!="idle"}[5m]))"#))"##))
    #expect(swift.contains(#"AlertRule("high_load", expr: .raw("instance:cpu:rate5m > 0.9"), for: "5m", severity: .warning)"#))
    #expect(swift.contains(#".labels(["team": "infra"])"#))
    #expect(swift.contains(#".annotation("dashboard", "https://grafana.example.com/d/node")"#))
    #expect(swift.contains(#".imported(from: "host.yml")"#))
  }

  @Test func refusesAnAlertWithoutAKnownSeverity() {
    let file = "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n    labels:\n      severity: page\n"
    do {
      _ = try RuleImporter.importRules(file, source: "g.yml", fileName: "g.yml")
      Issue.record("an alert with severity page imported")
    } catch {
      #expect(error.description.hasPrefix(#"g.yml: group "g" › alert A: severity must be critical, warning or info (the label is "page")"#))
    }
    #expect(throws: ImportFailure.self) { try RuleImporter.importRules("scrape_configs: []\n", source: "p.yml", fileName: "p.yml") }
  }

  /// The conventions still hold for specs written here: only imported files are exempt.
  @Test func conventionsStillHoldForNewRuleFiles() throws {
    var imported = try RuleImporter.importRules(Self.file, source: "host.yml", fileName: "host.yml").file
    imported.importedFrom = nil
    do {
      _ = try Renderer.render(Catalog { imported })
      Issue.record("a rule file breaking the conventions rendered")
    } catch {
      #expect(error.description.contains("alert name must be CamelCase"))
    }
  }
}
