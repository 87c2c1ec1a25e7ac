import MonitoringDSL

/// The service's dashboard: traffic, errors and latency, for the instances picked at the top.
enum ServiceDashboard {
  static let selection: [LabelMatcher] = [.regex("job", "$job"), .regex("instance", "$instance")]
  static let serverErrors: [LabelMatcher] = selection + [.regex("code", "5..")]

  static let dashboard = Dashboard("\(Service.name) service", uid: "\(Service.name)-overview") {
    trafficRow
    latencyRow
  }
  .description("Requests, errors and latency of the \(Service.name) service.")
  .tags([Service.name])
  .time(from: "now-3h")
  .refresh("1m")
  .datasource(.variable("datasource"))
  .variables { variables }

  static var variables: [Variable] {
    [
      Variable.datasource("datasource", type: .prometheus, label: "Datasource"),
      Variable.query("job", "label_values(http_requests_total, job)", datasource: .variable("datasource")).label("Job"),
      Variable.query("instance", #"label_values(http_requests_total{job=~"$job"}, instance)"#, datasource: .variable("datasource"))
        .label("Instance")
        .multi(includeAll: true, allValue: ".*"),
    ]
  }

  static var trafficRow: Row {
    Row("Traffic") {
      requestRate
      errorRatio
      requestsByCode
    }
  }

  static var requestRate: Panel {
    Stat("Request rate") { Query(Metrics.requests.rate(.rateInterval, selection).sum(), legend: "requests/s") }
      .description("Requests served per second, all handlers.")
      .unit(.requestsPerSecond)
      .size(width: 6, height: 6)
  }

  static var errorRatio: Panel {
    let errors = Metrics.requests.rate(.rateInterval, serverErrors).sum()
    let all = Metrics.requests.rate(.rateInterval, selection).sum()
    return Stat("Server errors") { Query(errors.dividedBy(all), legend: "5xx ratio") }
      .description("Share of requests answered with a 5xx code. The alert pages above \(NumberText.format(Objectives.maxErrorRatio * 100)) %.")
      .unit(.percentUnit)
      .decimals(2)
      .thresholds { Step(.green); Step(.red, from: Objectives.maxErrorRatio) }
      .size(width: 6, height: 6)
  }

  static var requestsByCode: Panel {
    TimeSeries("Requests by code") {
      Query(Metrics.requests.rate(.rateInterval, selection).sum(by: ["code"]), legend: "{{code}}")
    }
    .description("Requests per second by HTTP status code.")
    .unit(.requestsPerSecond)
    .min(0)
    .size(width: 12, height: 6)
  }

  static var latencyRow: Row {
    Row("Latency") {
      latency
      inFlight
    }
  }

  static var latency: Panel {
    TimeSeries("Latency") {
      Query(Metrics.requestDuration.quantile(0.5, over: .rateInterval, by: [], selection), legend: "p50")
      Query(Metrics.requestDuration.quantile(0.95, over: .rateInterval, by: [], selection), legend: "p95")
    }
    .description("Median and 95th percentile time to serve a request. The alert warns when p95 stays above \(NumberText.format(Objectives.maxP95Seconds)) s.")
    .unit(.seconds)
    .min(0)
    .thresholds { Step(.green); Step(.orange, from: Objectives.maxP95Seconds) }
    .showThresholds(.dashed)
    .size(width: 18, height: 8)
  }

  static var inFlight: Panel {
    Gauge("In flight") { Query(Metrics.inFlight.select(selection).sum(), legend: "requests") }
      .description("Requests being served now.")
      .unit(.short)
      .min(0)
      .size(width: 6, height: 8)
  }
}
