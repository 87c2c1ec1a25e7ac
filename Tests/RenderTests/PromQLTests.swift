import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct PromQLTests {
  static let gauge = Metric.Gauge("conns", help: "g")
  static let counter = Metric.Counter("msgs_total", help: "c")
  static let histogram = Metric.Histogram("dur_seconds", help: "h", buckets: [1, 5, 10])

  @Test func rendersSelectorsRatesAndAggregations() {
    #expect(Self.gauge.select().description == "conns")
    #expect(Self.gauge.select([.equal("job", "a"), .regex("instance", "i.*"), .notEqual("x", #"q"uote"#)]).description
      == #"conns{job="a",instance=~"i.*",x!="q\"uote"}"#)
    #expect(Self.counter.rate("5m", [.equal("job", "a")]).sum(by: ["job"]).description == #"sum by (job) (rate(msgs_total{job="a"}[5m]))"#)
    #expect(Self.counter.increase(.rateInterval).sum().description == "sum(increase(msgs_total[$__rate_interval]))")
    #expect(Self.histogram.quantile(0.95, over: "1h", by: ["job"]).description
      == "histogram_quantile(0.95, sum by (le, job) (rate(dur_seconds_bucket[1h])))")
    #expect(absent(up([.equal("job", "a")])).description == #"absent(up{job="a"})"#)
    #expect(Self.gauge.select().offset("1h").description == "conns offset 1h")
    #expect(Self.counter.rate("5m").sum().subquery("1h", step: "1m").apply("max_over_time").description
      == "max_over_time(sum(rate(msgs_total[5m]))[1h:1m])")
  }

  @Test func parenthesisesOnlyWherePrecedenceNeedsIt() {
    let a = Self.gauge.select()
    let b = Metric.Gauge("b", help: "").select()
    #expect(a.plus(b).times(100).description == "(conns + b) * 100")
    #expect(a.times(100).plus(b).description == "conns * 100 + b")
    #expect(a.dividedBy(a.plus(b)).description == "conns / (conns + b)")
    #expect(a.minus(b.minus(a)).description == "conns - (b - conns)")
    #expect(a.minus(b).minus(a).description == "conns - b - conns")
    #expect(a.equalTo(0).or(absent(a)).description == "conns == 0 or absent(conns)")
    #expect(a.greaterThan(1).and(b, on: ["job"]).description == "conns > 1 and on (job) b")
    #expect(PromQL.raw("x + y").times(2).description == "(x + y) * 2")
  }

  @Test func typedQueriesGoIntoDashboardsAsText() {
    let query = Query(Self.counter.rate(.rateInterval).sum(), legend: "rate")
    #expect(query.expr == "sum(rate(msgs_total[$__rate_interval]))")
    #expect(query.promQL != nil)
  }
}

/// One test per PromQL validation, each asserting the diagnostic and its path.
@Suite struct PromQLValidationTests {
  static let config = PrometheusConfig("p.yml") { ScrapeJob("app", targets: ["app:80"]).interval("30s") }
    .global(scrapeInterval: "15s", evaluationInterval: "15s")

  func problems(_ alert: AlertRule) -> [String] {
    diagnostics(Catalog {
      Self.config
      RuleFile("r.yml") { RuleGroup("g", interval: "15s") { alert } }
    })
  }

  func alert(_ expr: PromQL, for duration: PromDuration? = "5m") -> AlertRule {
    AlertRule("SomethingWrong", expr: expr, for: duration, severity: .warning)
      .summary("Something is wrong.")
      .description("{{ $labels.job }} is wrong.")
  }

  @Test func rateOverAGauge() {
    let gauge = PromQL.selector(name: "conns", matchers: [], metric: PromQLTests.gauge.definition)
    let expr = PromQL.call("rate", [.range(gauge, window: "5m", step: nil)]).greaterThan(1)
    #expect(problems(alert(expr)) == [#"rules "r.yml" › group "g" › alert SomethingWrong: rate() over conns, a gauge: only counters have a rate"#])
  }

  @Test func rawCounterComparedInAnAlert() {
    #expect(problems(alert(PromQLTests.counter.selector().sum().greaterThan(100))) == [
      #"rules "r.yml" › group "g" › alert SomethingWrong: compares the raw counter msgs_total; alert on rate() or increase() of it"#
    ])
  }

  @Test func rateOfASum() {
    let expr = PromQL.call("rate", [PromQLTests.counter.selector().sum().subquery("5m", step: "1m")]).greaterThan(1)
    #expect(problems(alert(expr)).contains(
      #"rules "r.yml" › group "g" › alert SomethingWrong: rate() over an aggregation or subquery: aggregate the rates instead, e.g. sum(rate(x[5m]))"#))
  }

  @Test func rateRangeShorterThanFourScrapeIntervals() {
    #expect(problems(alert(PromQLTests.counter.rate("1m", [.equal("job", "app")]).greaterThan(1))) == [
      #"rules "r.yml" › group "g" › alert SomethingWrong: rate() range 1m is shorter than 4× the scrape interval (30s) of msgs_total"#
    ])
    #expect(problems(alert(PromQLTests.counter.rate("2m", [.equal("job", "app")]).greaterThan(1))).isEmpty)
    #expect(problems(alert(PromQLTests.counter.rate("30s").greaterThan(1))) == [
      #"rules "r.yml" › group "g" › alert SomethingWrong: rate() range 30s is shorter than 4× the scrape interval (15s) of msgs_total"#
    ])
  }

  @Test func grafanaMacroInARule() {
    #expect(problems(alert(PromQLTests.counter.rate(.rateInterval).greaterThan(1))) == [
      #"rules "r.yml" › group "g" › alert SomethingWrong: $__rate_interval exists only in Grafana; use a duration in rules"#
    ])
  }

  @Test func thresholdThatIsNotABucketBound() {
    #expect(problems(alert(PromQLTests.histogram.quantile(0.95, over: "1h").greaterThan(4))) == [
      #"rules "r.yml" › group "g" › alert SomethingWrong: threshold 4 is not a bucket bound of dur_seconds (1, 5, 10): the quantile is interpolated there"#
    ])
    #expect(problems(alert(PromQLTests.histogram.quantile(0.95, over: "1h").greaterThan(5))).isEmpty)
  }

  @Test func dashboardQueriesAreCheckedToo() {
    let gauge = PromQL.selector(name: "conns", matchers: [], metric: PromQLTests.gauge.definition)
    let problems = diagnostics(Catalog {
      Datasource.prometheus(name: "P", uid: "prom", url: "http://p:9090", scrapeInterval: "15s")
      Self.config
      dashboard { TimeSeries("Rate") { Query(.call("irate", [.range(gauge, window: .rateInterval, step: nil)])) } }
    })
    #expect(problems == [#"dashboard "Test" › panel "Rate" › query A: irate() over conns, a gauge: only counters have a rate"#])
  }
}
