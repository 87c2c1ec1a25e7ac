public import MonitoringDSL

/// `gen lint`: checks a catalog against the conventions of `LintRule` (dashboards as
/// grafana/dashboard-linter, rules as mixtool lint and pint), after validation. Pure: findings come
/// back with their paths; `.lintIgnore`s in the spec silence them per item.
/// ```swift
/// let findings = try Linter.lint(Specs.environments)
/// for finding in findings { print("warning: \(finding)") }
/// ```
public enum Linter {
  /// Lints each environment's catalog, with `overrides` applied; paths start with the environment and
  /// specs with its name, as `gen list` shows them.
  /// ```swift
  /// let findings = try Linter.lint([Specs.test], overrides: ["app_target": "127.0.0.1:8080"])
  /// ```
  public static func lint(_ environments: [StackEnvironment], overrides: [String: String] = [:])
    throws(StackEnvironment.UnknownSetting) -> [LintFinding]
  {
    var findings: [LintFinding] = []
    for environment in environments {
      let root = PathElement.environment(environment.name)
      findings += lint(try environment.catalog(overrides)).map { finding in
        LintFinding(
          rule: finding.rule, diagnostic: Diagnostic(path: [root] + finding.diagnostic.path, message: finding.diagnostic.message),
          spec: "\(environment.name)/\(finding.spec)")
      }
    }
    return findings
  }

  /// The findings in one catalog, dashboards first, in the order of the spec.
  /// ```swift
  /// let findings = Linter.lint(Specs.catalog)   // [] when the specs are lint-clean
  /// ```
  public static func lint(_ catalog: Catalog) -> [LintFinding] {
    var collector = LintCollector()
    for dashboard in catalog.dashboards {
      collector.spec = "dashboard/\(Renderer.slug(dashboard.title))"
      DashboardLint.lint(dashboard, into: &collector)
    }
    let scrapeIntervals = ScrapeIntervals(catalog.prometheusConfigs)
    for file in catalog.ruleFiles {
      collector.spec = "rules/\(file.fileName)"
      RuleLint.lint(file, scrapeIntervals: scrapeIntervals, into: &collector)
    }
    return collector.findings
  }
}
