import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

@Suite struct DiffTests {
  static let dashboard = #"environment "dev" › dashboard "orders service" › row "Traffic""#

  /// The starter's catalog with the red threshold of "Server errors" at 10 % and the query of
  /// "Request rate" summed by instance.
  static func changedSeed() -> Catalog {
    var changed = Monitoring.dev.defaultCatalog
    guard case .row(var row) = changed.dashboards[0].items[0] else { return changed }
    row.panels[1] = row.panels[1].thresholds { Step(.green); Step(.red, from: 0.1) }
    row.panels[0].queries[0].expr = "sum by (instance) (rate(http_requests_total[$__rate_interval]))"
    changed.dashboards[0].items[0] = .row(row)
    return changed
  }

  /// A sandbox holding what the starter's specs render, as a repository's `generated/` does.
  static func generated() throws -> Sandbox {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Monitoring.dev.defaultCatalog).status == 0)
    return sandbox
  }

  @Test func unchangedSpecsReportNothingAndExitZero() throws {
    let run = try Self.generated().gen(["diff", "--environment", "dev"], catalog: Monitoring.dev.defaultCatalog)
    #expect(run.status == 0)
    #expect(run.out == "No changes.\n")
  }

  /// The "Done when" of the review issue: one threshold and one query changed give exactly those two changes.
  @Test func oneThresholdAndOneQueryGiveExactlyTwoChanges() throws {
    let sandbox = try Self.generated()
    let run = sandbox.gen(["diff", "--environment", "dev"], catalog: Self.changedSeed())
    #expect(run.status == 1)
    #expect(
      run.out == """
        \(Self.dashboard) › panel "Request rate" › query A
          ~ expr:
            - sum(rate(http_requests_total{job=~"$job",instance=~"$instance"}[$__rate_interval]))
            + sum by (instance) (rate(http_requests_total[$__rate_interval]))
        \(Self.dashboard) › panel "Server errors"
          ~ thresholds: green, red 0.05 → green, red 0.1

        2 changes in 2 items.

        """)
    let markdown = sandbox.gen(["diff", "--environment", "dev", "--format", "markdown"], catalog: Self.changedSeed())
    #expect(markdown.status == 1)
    #expect(markdown.out.hasPrefix("### Monitoring changes\n\n2 changes in 2 items.\n"))
    #expect(markdown.out.contains("- thresholds: `green, red 0.05` → `green, red 0.1`\n"))
  }

  @Test func onlyLimitsTheComparisonToTheSelectedSpecs() throws {
    let run = try Self.generated().gen(["diff", "--only", "dev/prometheus/*"], catalog: Self.changedSeed())
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
    #expect(report["changes"]?.elements.map { $0["field"] } == ["expr", "thresholds"])

    let missing = sandbox.gen(["diff", "--base", "no-such-ref"], catalog: Self.changedSeed())
    #expect(missing.status == 1)
    #expect(missing.err.hasPrefix("error: git ls-tree"))
    #expect(missing.err.contains("no-such-ref"))
  }

  @Test func invalidSpecsExitWithDiagnostics() throws {
    var broken = Monitoring.dev.defaultCatalog
    broken.prometheusConfigs[0].scrapeInterval = "15 seconds"
    let run = try Self.generated().gen(["diff"], catalog: broken)
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
