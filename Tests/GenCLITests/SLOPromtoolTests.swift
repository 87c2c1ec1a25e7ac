import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

/// The rules and tests an SLO generates, through the real promtool: they pass `check rules --lint=all
/// --lint-fatal` and their own tests for each kind of indicator, and a factor or a window moved in
/// the generated rule fails them.
@Suite(.serialized) struct SLOPromtoolTests {
  static let errors = Metric.Counter("api_errors_total", help: "Failed requests.")
  static let requests = Metric.Counter("api_requests_total", help: "Requests.")
  static let latency = Metric.Histogram("api_request_duration_seconds", help: "Request time.", buckets: [0.1, 0.25, 0.5, 1])
  static let job: [LabelMatcher] = [.equal("job", "api")]

  static let errorRatio = SLO("requests", service: "api", objective: 99.9, indicator: .errors(errors.events(job), of: requests.events(job)))
  static let fastRequests = SLO("latency", service: "api", objective: 99, period: "28d", indicator: .latency(latency, slowerThan: 0.25, job))
  static let availability = SLO("availability", service: "api", objective: 99.95, indicator: .availability(job))

  /// The SLO's rule and test files, written to a sandbox (removed when it is released); `mutate`
  /// edits the rule file's text first.
  func rendered(_ slo: SLO, mutate: (String) -> String = { $0 }) throws -> (sandbox: Sandbox, rules: URL, tests: URL) {
    let catalog = Catalog {
      RuleFile("api-slo.rules.yml") { slo }
      [Self.errors.definition, Self.requests.definition, Self.latency.definition]
    }
    let sandbox = try Sandbox()
    for file in try Renderer.render(catalog) { try sandbox.write(file.path, file.contents) }
    let rules = sandbox.output.appendingPathComponent("prometheus/rules/api-slo.rules.yml")
    let text = try String(contentsOf: rules, encoding: .utf8)
    let mutated = mutate(text)
    try #require(mutated != text || mutate("x") == "x", "the mutation changed nothing")
    try Data(mutated.utf8).write(to: rules)
    return (sandbox, rules, sandbox.output.appendingPathComponent("prometheus/tests/api-slo.rules_test.yml"))
  }

  @Test(arguments: [errorRatio, fastRequests, availability])
  func rulesPassTheLinterAndTheirTests(_ slo: SLO) throws {
    try #require(FileManager.default.isExecutableFile(atPath: PromtoolTests.promtool), "install Debian prometheus (scripts/test does)")
    let (sandbox, rules, tests) = try rendered(slo)
    defer { withExtendedLifetime(sandbox) {} }
    let check = try PromtoolTests.run(["check", "rules", "--lint=all", "--lint-fatal", rules.path])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("SUCCESS: 13 rules found"), "\(check.output)")
    let test = try PromtoolTests.run(["test", "rules", tests.path])
    #expect(test.status == 0, "\(test.output)")
  }

  /// Each edit breaks one alert; its fires or stays-quiet case must catch it at the named time. Each
  /// runs on the SLO with only the window pair it breaks (`window`, an index into the workbook), so
  /// promtool evaluates no more days than that pair needs.
  static let mutations: [(name: String, window: Int, from: String, to: String, failure: String)] = [
    // 14.4 × 0.001: a lower factor fires before the boundary, a higher one never.
    ("1h factor 12", 0, #"ratio_rate1h{service="api",slo="requests"} > 0.0144"#, #"ratio_rate1h{service="api",slo="requests"} > 0.012"#,
     "alertname: ApiRequestsBudgetBurn1h, time: 1h2m"),
    ("1h factor 16", 0, #"ratio_rate1h{service="api",slo="requests"} > 0.0144"#, #"ratio_rate1h{service="api",slo="requests"} > 0.016"#,
     "alertname: ApiRequestsBudgetBurn1h, time: 1h3m"),
    ("1h window read as 5m", 0, #"expr: slo:sli_error:ratio_rate1h{service="api",slo="requests"} > 0.0144"#,
     #"expr: slo:sli_error:ratio_rate5m{service="api",slo="requests"} > 0.0144"#, "alertname: ApiRequestsBudgetBurn1h, time: 1h2m"),
    ("6h window read as 30m", 1, #"expr: slo:sli_error:ratio_rate6h{service="api",slo="requests"} > 0.006"#,
     #"expr: slo:sli_error:ratio_rate30m{service="api",slo="requests"} > 0.006"#, "alertname: ApiRequestsBudgetBurn6h, time: 6h15m"),
    ("3d factor 1.2", 3, #"ratio_rate3d{service="api",slo="requests"} > 0.001"#, #"ratio_rate3d{service="api",slo="requests"} > 0.0012"#,
     "alertname: ApiRequestsBudgetBurn3d, time: 3d3h1m"),
    ("3d factor 0.9: the quiet case fires", 3,
     #"ratio_rate3d{service="api",slo="requests"} > 0.001 and slo:sli_error:ratio_rate6h{service="api",slo="requests"} > 0.001"#,
     #"ratio_rate3d{service="api",slo="requests"} > 0.0009 and slo:sli_error:ratio_rate6h{service="api",slo="requests"} > 0.0009"#,
     "alertname: ApiRequestsBudgetBurn3d, time: 9h1m"),
    ("the budget left over twice the budget", 0, #"slo:sli_error:ratio_rate30d{service="api",slo="requests"} / 0.001"#,
     #"slo:sli_error:ratio_rate30d{service="api",slo="requests"} / 0.002"#, "slo:period_error_budget_remaining:ratio"),
  ]

  @Test(arguments: mutations.indices)
  func aMovedFactorOrWindowFailsItsTest(_ index: Int) throws {
    try #require(FileManager.default.isExecutableFile(atPath: PromtoolTests.promtool), "install Debian prometheus (scripts/test does)")
    let mutation = Self.mutations[index]
    let (sandbox, _, tests) = try rendered(Self.errorRatio.windows([BurnRateWindow.workbook[mutation.window]])) { text in
      #expect(text.contains(mutation.from), "\(mutation.name): the rule text changed")
      return text.replacingOccurrences(of: mutation.from, with: mutation.to)
    }
    let result = try withExtendedLifetime(sandbox) { try PromtoolTests.run(["test", "rules", tests.path]) }
    #expect(result.status == 1, "\(mutation.name): \(result.output)")
    #expect(result.output.contains(mutation.failure), "\(mutation.name): \(result.output)")
  }

  @Test func aMovedAvailabilityFactorFailsItsTest() throws {
    try #require(FileManager.default.isExecutableFile(atPath: PromtoolTests.promtool), "install Debian prometheus (scripts/test does)")
    // 14.4 × 0.0005 = 0.0072; 0.0065 lets the burn through a step before the window fills.
    let (sandbox, _, tests) = try rendered(Self.availability.windows([BurnRateWindow.workbook[0]])) {
      $0.replacingOccurrences(of: #"ratio_rate1h{service="api",slo="availability"} > 0.0072"#, with: #"ratio_rate1h{service="api",slo="availability"} > 0.0065"#)
    }
    let result = try withExtendedLifetime(sandbox) { try PromtoolTests.run(["test", "rules", tests.path]) }
    #expect(result.status == 1, "\(result.output)")
    #expect(result.output.contains("alertname: ApiAvailabilityBudgetBurn1h"), "\(result.output)")
  }
}
