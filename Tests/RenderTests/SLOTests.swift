import MonitoringDSL
import MonitoringRender
import Testing

/// What an SLO generates (names, order, expressions, the burn factors of other periods), what
/// `gen` refuses in one, and the two SLO lint rules. The promtool side is in SLOPromtoolTests.
@Suite struct SLOTests {
  static let errors = Metric.Counter("api_errors_total", help: "Failed requests.")
  static let requests = Metric.Counter("api_requests_total", help: "Requests.", labels: ["code"])
  static let latency = Metric.Histogram("api_request_duration_seconds", help: "Request time.", buckets: [0.1, 0.25, 0.5, 1])
  static let job: [LabelMatcher] = [.equal("job", "api")]
  static let slo = SLO("requests", service: "api", objective: 99.9, indicator: .errors(errors.events(job), of: requests.events(job)))
    .runbook("https://runbooks.example.com/api#error-budget")
  static let group = #"rules "api-slo.rules.yml" › group "slo-requests" › slo"#

  static func catalog(_ slo: SLO, scrapeInterval: PromDuration = "15s") -> Catalog {
    Catalog {
      PrometheusConfig("prometheus.yml") { ScrapeJob("api", targets: ["api:8080"]) }
        .global(scrapeInterval: scrapeInterval, scrapeTimeout: "10s", evaluationInterval: scrapeInterval)
      RuleFile("api-slo.rules.yml") { slo }
      [errors.definition, requests.definition, latency.definition]
    }
  }

  @Test func workbookFactorsForThirtyAndTwentyEightDays() {
    #expect(BurnRateWindow.workbook.map { $0.factor(period: "30d") } == [14.4, 6, 3, 1])
    #expect(BurnRateWindow.workbook.map { $0.factor(period: "28d") } == [13.44, 5.6, 2.8, 0.933333333333])
    #expect(Self.slo.errorBudget == 0.001)
    #expect(BurnRateWindow.workbook.map(Self.slo.threshold(for:)) == [0.0144, 0.006, 0.003, 0.001])
  }

  @Test func ruleGroupRecordsEveryWindowOnceThenAlerts() {
    let group = Self.slo.ruleGroup
    #expect(group.name == "slo-requests")
    #expect(group.interval == "1m")
    let names = group.rules.map { rule -> String in
      switch rule {
      case .record(let record): record.name
      case .alert(let alert): alert.name
      }
    }
    #expect(
      names == [
        "slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate30m", "slo:sli_error:ratio_rate1h", "slo:sli_error:ratio_rate2h",
        "slo:sli_error:ratio_rate6h", "slo:sli_error:ratio_rate1d", "slo:sli_error:ratio_rate3d", "slo:sli_error:ratio_rate30d",
        "slo:period_error_budget_remaining:ratio", "ApiRequestsBudgetBurn1h", "ApiRequestsBudgetBurn6h", "ApiRequestsBudgetBurn1d",
        "ApiRequestsBudgetBurn3d",
      ])
    guard case .alert(let page) = group.rules[9], case .record(let fiveMinutes) = group.rules[0] else {
      Issue.record("the rules are out of order")
      return
    }
    #expect(
      page.expr.description
        == #"slo:sli_error:ratio_rate1h{service="api",slo="requests"} > 0.0144 and slo:sli_error:ratio_rate5m{service="api",slo="requests"} > 0.0144"#
    )
    #expect(page.severity == .critical && page.duration == "2m")
    #expect(fiveMinutes.expr.description == #"sum(rate(api_errors_total{job="api"}[5m])) / sum(rate(api_requests_total{job="api"}[5m]))"#)
    #expect(fiveMinutes.labels == ["service": "api", "slo": "requests"])
  }

  @Test func otherIndicatorsRecordTheirRatios() {
    let latency = SLO("latency", service: "api", objective: 99, indicator: .latency(Self.latency, slowerThan: 0.25, Self.job))
    #expect(
      latency.indicator.errorRatio(over: "1h").description
        == #"1 - sum(rate(api_request_duration_seconds_bucket{job="api",le="0.25"}[1h])) / sum(rate(api_request_duration_seconds_count{job="api"}[1h]))"#
    )
    #expect(SLI.availability(Self.job).errorRatio(over: "5m").description == #"1 - avg(avg_over_time(up{job="api"}[5m]))"#)
    let good = SLI.successes(Self.requests.events(Self.job + [.regex("code", "2..")]), of: Self.requests.events(Self.job))
    #expect(good.errorRatio(over: "5m").description.hasPrefix(#"1 - sum(rate(api_requests_total{job="api",code=~"2.."}[5m]))"#))
  }

  /// The generated tests' burns lie inside their margins for every window of the workbook.
  @Test(arguments: [99.0, 99.5, 99.9, 99.95, 99.99])
  func burnsLieInsideTheirMargins(_ objective: Double) {
    for indicator in [Self.slo.indicator, .availability(Self.job)] {
      var slo = Self.slo
      slo.objective = objective
      slo.indicator = indicator
      for window in slo.windows {
        let margins = BurnScenario(slo: slo).margins(for: window)
        #expect(margins.problem == nil, "\(objective) % \(window.long.text)")
        #expect(margins.bad.quiet < slo.threshold(for: window) && margins.bad.fires > slo.threshold(for: window))
      }
    }
  }

  @Test func refusedSLOs() {
    var full = Self.slo
    full.objective = 100
    #expect(diagnostics(Self.catalog(full)) == ["\(Self.group): objective 100 % must lie between 0 and 100 (exclusive): it is a percentage of good events"])

    var loose = Self.slo
    loose.objective = 90
    #expect(
      diagnostics(Self.catalog(loose)).first
        == "\(Self.group) › windows[1h/5m]: 14.4× the error budget of 90 % is an error ratio of 1.44: the alert could never fire")

    let offBucket = SLO("latency", service: "api", objective: 99, indicator: .latency(Self.latency, slowerThan: 0.3, Self.job))
    #expect(
      diagnostics(Self.catalog(offBucket)).contains(
        #"rules "api-slo.rules.yml" › group "slo-latency" › slo: latency bound 0.3 is not a bucket bound of api_request_duration_seconds (0.1, 0.25, 0.5, 1): no series counts the requests faster than it"#
      ))

    let regex = SLO(
      "requests", service: "api", objective: 99.9,
      indicator: .errors(Self.requests.events(Self.job + [.regex("code", "5..")]), of: Self.requests.events(Self.job)))
    #expect(
      diagnostics(Self.catalog(regex)) == [
        #"\#(Self.group): the generated tests need a value for code (matched by code=~"5.."): give it with .testLabels(["code": …])"#
      ])
    #expect(diagnostics(Self.catalog(regex.testLabels(["code": "500"]))) == [])

    var badName = Self.slo
    badName.name = "Requests_OK"
    #expect(diagnostics(Self.catalog(badName)).contains { $0.hasSuffix("name \"Requests_OK\" must be lowercase words joined by - (like message-processing)") })
  }

  @Test func lintFlagsABudgetBelowOneScrapeADayAndAShortPeriod() {
    #expect(Linter.lint(Self.catalog(Self.slo)).isEmpty)
    var strict = Self.slo
    strict.objective = 99.999
    #expect(
      Linter.lint(Self.catalog(strict)).map(\.description) == [
        "\(Self.group): objective 99.999 % leaves 0.06 failed scrapes a day at one scrape every 15s: one restart spends more than a day's budget [slo-budget-scrape]"
      ])
    var short = Self.slo
    short.period = "2d"
    #expect(
      Linter.lint(Self.catalog(short)).map(\.description) == [
        "\(Self.group): period 2d is shorter than the longest alert window 3d [slo-period-window]"
      ])
    #expect(Linter.lint(Self.catalog(strict.lintIgnore(.sloBudgetBelowScrape, because: "a batch job scraped once a minute"))).isEmpty)
  }

  @Test func budgetRowValidatesAndReadsTheRecordings() throws {
    let dashboard = Dashboard("API", uid: "api") { Self.slo.budgetRow }.datasource(.prometheus("prometheus"))
    let catalog = Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090", scrapeInterval: "15s")
      dashboard
    }
    #expect(diagnostics(catalog) == [])
    let queries = renderedPanels(dashboard).compactMap { panel -> String? in
      guard case .string(let expr)? = panel["targets", 0, "expr"] else { return nil }
      return expr
    }
    #expect(
      queries == [
        #"1 - slo:sli_error:ratio_rate5m{service="api",slo="requests"}"#,
        #"slo:period_error_budget_remaining:ratio{service="api",slo="requests"}"#,
        #"slo:sli_error:ratio_rate1h{service="api",slo="requests"} / 0.001"#,
      ])
  }
}
