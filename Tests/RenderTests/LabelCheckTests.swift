import MonitoringDSL
import MonitoringRender
import Testing

/// A metric that declares its labels makes every label name on it checkable: matchers, `by`,
/// `without`, vector matching and legends. Each kind of mistake is an error with its path.
@Suite struct LabelCheckTests {
  static let requests = Metric.Counter("http_requests_total", help: "Requests.", labels: ["code", "handler"])
  static let duration = Metric.Histogram("http_request_duration_seconds", help: "Latency.", buckets: [0.5, 1], labels: ["handler"])
  static let undeclared = Metric.Counter("app_messages_total", help: "Messages.")

  func problems(dashboard query: Query) -> [String] {
    diagnostics(Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://p:9090", scrapeInterval: "15s")
      PrometheusConfig("p.yml") { ScrapeJob("api", targets: ["api:80"]).labels(["team": "web"]) }
      Dashboard("D", uid: "d") { TimeSeries("P") { query }.description("x") }.datasource(.prometheus("prom"))
    })
  }

  func problems(rule expr: PromQL) -> [String] {
    diagnostics(Catalog {
      RuleFile("r.yml") { RuleGroup("g", interval: "15s") { RecordingRule("job:http_requests:rate5m", expr: expr) } }
    })
  }

  @Test func aMisspelledMatcherLabelIsAnError() {
    #expect(problems(dashboard: Query(Self.requests.rate("5m", [.equal("cod", "500")]).sum())) == [
      #"dashboard "D" › panel "P" › query A: cod is not a label of http_requests_total (code, handler, instance, job, team) (did you mean "code"?)"#
    ])
  }

  @Test func groupingByALabelTheSeriesDoNotHave() {
    #expect(problems(rule: Self.requests.rate("5m").sum(by: ["job", "hander"])) == [
      #"rules "r.yml" › group "g" › record job:http_requests:rate5m: sum groups by hander, which is no label of the aggregated series (code, handler, instance, job) (did you mean "handler"?)"#
    ])
    #expect(problems(rule: Self.requests.rate("5m").sum(without: ["instance", "status"])).count == 1)
    // After `sum by (job)` only job is left.
    #expect(problems(rule: Self.requests.rate("5m").sum(by: ["job"]).sum(by: ["code"])).first?.contains("sum groups by code, which is no label of the aggregated series (job)") == true)
  }

  @Test func legendsNameLabelsOfTheQuerysSeries() {
    #expect(problems(dashboard: Query(Self.requests.rate("5m").sum(by: ["code"]), legend: "{{code}}")).isEmpty)
    #expect(problems(dashboard: Query(Self.requests.rate("5m").sum(by: ["code"]), legend: "{{ handler }} {{code}}")) == [
      #"dashboard "D" › panel "P" › query A: legend {{handler}} names no label of the query's series (code)"#
    ])
  }

  @Test func histogramBucketsHaveLeAndQuantilesDropIt() {
    #expect(problems(rule: Self.duration.quantile(0.95, over: "5m", by: ["handler"])).isEmpty)
    #expect(problems(dashboard: Query(Self.duration.quantile(0.95, over: "5m", by: ["handler"]), legend: "{{le}}")) == [
      #"dashboard "D" › panel "P" › query A: legend {{le}} names no label of the query's series (handler)"#
    ])
  }

  @Test func vectorMatchingOnBothSides() {
    let ratio = Self.requests.rate("5m", [.regex("code", "5..")]).sum(by: ["job"])
      .dividedBy(Self.requests.rate("5m").sum(by: ["job"]), VectorMatching(.on(["handler"])))
    #expect(problems(rule: ratio) == [
      #"rules "r.yml" › group "g" › record job:http_requests:rate5m: vector matching names handler, which is no label of the left side (job)"#,
      #"rules "r.yml" › group "g" › record job:http_requests:rate5m: vector matching names handler, which is no label of the right side (job)"#,
    ])
  }

  /// Ignoring a label one side lacks is harmless; a `by` over undeclared metrics stays unknown.
  @Test func ignoringAndUnknownGroupingsAreNotFlagged() {
    let ratio = Self.requests.rate("5m").sum(by: ["job", "code"])
      .dividedBy(Self.requests.rate("5m").sum(by: ["job"]), VectorMatching(.ignoring(["code"]), group: .left([])))
    #expect(problems(rule: ratio).isEmpty)
    let unknown = PromQL.call("histogram_quantile", [.number(0.99), Self.undeclared.rate("5m").sum(by: ["le"])])
    #expect(problems(dashboard: Query(unknown, legend: "{{data_type}}")).isEmpty)
  }

  /// What cannot be known is not checked: metrics without declared labels, raw PromQL.
  @Test func undeclaredLabelsAndRawPromQLAreNotChecked() {
    #expect(problems(rule: Self.undeclared.rate("5m", [.equal("anything", "x")]).sum(by: ["whatever"])).isEmpty)
    #expect(problems(dashboard: Query("sum by (cod) (rate(http_requests_total[5m]))", legend: "{{cod}}")).isEmpty)
  }
}
