import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

/// `gen lint` on the starter's specs (clean) and on broken catalogs: exit code, warning lines with the
/// path and the rule id, the summary, JSON, `--only`, and nothing written.
@Suite struct LintTests {
  static let panel = #"environment "dev" › dashboard "orders service" › row "Traffic" › panel "Request rate""#

  /// The specs with the first panel's description removed: one panel-title-description-rule finding.
  static var undescribed: Catalog {
    var catalog = Monitoring.dev.defaultCatalog
    guard case .row(var row) = catalog.dashboards[0].items[0] else { return catalog }
    row.panels[0].description = nil
    catalog.dashboards[0].items[0] = .row(row)
    return catalog
  }

  @Test func specsAreLintClean() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["lint"], environments: Monitoring.environments)
    #expect(run.err == "")
    #expect(run.out == "No lint findings in \(Monitoring.environments.map(\.name).joined(separator: ", ")) (\(LintRule.allCases.count) rules).\n")
    #expect(run.status == 0)
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func findingsFailWithThePathAndTheRule() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["lint"], catalog: Self.undescribed)
    #expect(run.status == 1)
    #expect(run.out == "warning: \(Self.panel): has no description; say what it shows with .description(…) [panel-title-description-rule]\n")
    #expect(run.err == """
      1 lint finding(s) of 1 rule(s) in dev:
        panel-title-description-rule: \(LintRule.panelTitleDescription.explanation)
      Fix the spec, or silence a rule on an item with .lintIgnore(<rule>, because: "<reason>").

      """)
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func jsonFormat() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["lint", "--format", "json"], catalog: Self.undescribed)
    #expect(run.status == 1)
    let parsed = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: [[String: Any]]]
    let finding = try #require(parsed?["findings"]?.first)
    #expect(parsed?["findings"]?.count == 1)
    #expect(finding["rule"] as? String == LintRule.panelTitleDescription.id)
    #expect(finding["spec"] as? String == "dev/dashboard/orders-service")
    #expect((finding["path"] as? [String])?.last == #"panel "Request rate""#)
  }

  @Test func onlyKeepsTheFindingsOfTheSelectedSpecs() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen(["lint", "--only", "dev/rules/*"], catalog: Self.undescribed).status == 0)
    #expect(sandbox.gen(["lint", "--only", "dev/dashboard/*"], catalog: Self.undescribed).status == 1)
  }

  @Test func invalidSpecsFailWithTheirErrorsFirst() throws {
    let sandbox = try Sandbox()
    var broken = Self.undescribed
    broken.prometheusConfigs[0].scrapeInterval = "15 seconds"
    let run = sandbox.gen(["lint"], catalog: broken)
    #expect(run.status == 1)
    #expect(run.out.isEmpty)
    #expect(run.err.hasPrefix(#"error: environment "dev" › prometheus "prometheus.yml": scrape_interval "15 seconds" is not a duration"#))
  }
}
