import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

@Suite struct DiffTests {
  static let dashboard = #"environment "dev" › dashboard "WebSocket Service Comprehensive Dashboard" › row "Real-time Metrics""#

  /// The seed catalog with the red threshold of "Connection Status" at 40 and the first query of
  /// "Message Throughput" summed by instance.
  static func changedSeed() -> Catalog {
    var changed = Monitoring.dev.defaultCatalog
    guard case .row(var row) = changed.dashboards[0].items[0] else { return changed }
    row.panels[0] = row.panels[0].thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 40) }
    row.panels[1].queries[0].expr = "sum by (instance) (rate(app_messages_total[$__rate_interval]))"
    changed.dashboards[0].items[0] = .row(row)
    return changed
  }

  @Test func unchangedSpecsReportNothingAndExitZero() throws {
    let run = try Sandbox().gen(["diff", "--environment", "dev"], catalog: Monitoring.dev.defaultCatalog, output: GoldenPaths.generated.path)
    #expect(run.status == 0)
    #expect(run.out == "No changes.\n")
  }

  /// The "Done when" of the review issue: one threshold and one query changed give exactly those two changes.
  @Test func oneThresholdAndOneQueryGiveExactlyTwoChanges() throws {
    let run = try Sandbox().gen(["diff", "--environment", "dev"], catalog: Self.changedSeed(), output: GoldenPaths.generated.path)
    #expect(run.status == 1)
    #expect(
      run.out == """
        \(Self.dashboard) › panel "Connection Status"
          ~ thresholds: green, yellow 10, red 50 → green, yellow 10, red 40
        \(Self.dashboard) › panel "Message Throughput" › query A
          ~ expr:
            - sum(rate(app_messages_total{job=~"$job",instance=~"$instance"}[$__rate_interval]))
            + sum by (instance) (rate(app_messages_total[$__rate_interval]))

        2 changes in 2 items.

        """)
    let markdown = try Sandbox().gen(
      ["diff", "--environment", "dev", "--format", "markdown"], catalog: Self.changedSeed(), output: GoldenPaths.generated.path)
    #expect(markdown.status == 1)
    #expect(markdown.out.hasPrefix("### Monitoring changes\n\n2 changes in 2 items.\n"))
    #expect(markdown.out.contains("- thresholds: `green, yellow 10, red 50` → `green, yellow 10, red 40`\n"))
  }

  @Test func onlyLimitsTheComparisonToTheSelectedSpecs() throws {
    let run = try Sandbox().gen(
      ["diff", "--only", "dev/prometheus/*"], catalog: Self.changedSeed(), output: GoldenPaths.generated.path)
    #expect(run.status == 0)
    #expect(run.out == "No changes.\n")
  }

  /// `--base REF` reads the output folder as committed at the ref, not as it is on disk.
  @Test func baseComparesAgainstTheCommittedOutputAtARef() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Monitoring.dev.defaultCatalog).status == 0)
    try sandbox.git(["init", "-q"])
    try sandbox.commitAll("base")
    // The working tree now matches the change: only the ref still holds the old output.
    #expect(sandbox.gen([], catalog: Self.changedSeed()).status == 0)
    #expect(sandbox.gen(["diff"], catalog: Self.changedSeed()).out == "No changes.\n")
    let run = sandbox.gen(["diff", "--base", "HEAD", "--format", "json"], catalog: Self.changedSeed())
    #expect(run.status == 1)
    let report = try JSONParser.parse(run.out)
    #expect(report["count"] == 2)
    #expect(report["changes"]?.elements.map { $0["field"] } == ["thresholds", "expr"])

    let missing = sandbox.gen(["diff", "--base", "no-such-ref"], catalog: Self.changedSeed())
    #expect(missing.status == 1)
    #expect(missing.err.hasPrefix("error: git ls-tree"))
    #expect(missing.err.contains("no-such-ref"))
  }

  @Test func invalidSpecsExitWithDiagnostics() throws {
    var broken = Monitoring.dev.defaultCatalog
    broken.prometheusConfigs[0].scrapeInterval = "15 seconds"
    let run = try Sandbox().gen(["diff"], catalog: broken, output: GoldenPaths.generated.path)
    #expect(run.status == 1)
    #expect(run.err.contains("is not a duration"))
  }
}

extension JSONValue {
  var elements: [JSONValue] {
    if case .array(let elements) = self { return elements }
    return []
  }
}
