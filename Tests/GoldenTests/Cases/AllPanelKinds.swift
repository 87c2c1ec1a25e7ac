import MonitoringDSL

/// Every panel kind with the options that kind has, on one dashboard with every variable kind.
enum AllPanelKinds {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "30s", isDefault: true)
    dashboard
  }

  static let dashboard = Dashboard("All Panel Kinds", uid: "all-panel-kinds") {
    timeSeries
    stat
    gauge
    barGauge
    table
    heatmap
    text
    stateTimeline
  }
  .description("One panel of each kind.")
  .tags(["golden"])
  .datasource(.variable("datasource"))
  .variables { variables }
  .links { Link.url("Docs", "https://example.com/docs", tooltip: "Read me", newTab: true) }

  static var variables: [Variable] {
    [
      Variable.datasource("datasource", type: .prometheus),
      Variable.query("job", "label_values(up, job)", datasource: .variable("datasource")).multi(includeAll: true),
      Variable.custom("quantile", ["0.5", "0.95"]).label("Quantile"),
      Variable.interval("window", ["1m", "5m"]),
      Variable.constant("team", "web"),
    ]
  }

  static var timeSeries: Panel {
    TimeSeries("Requests") {
      Query(#"sum by (job) (rate(http_requests_total{job=~"$job"}[$__rate_interval]))"#, legend: "{{job}}")
      Query(#"sum(rate(http_errors_total{job=~"$job"}[$window]))"#, legend: "errors").interval("1m")
    }
    .description("Requests per second.")
    .unit(.requestsPerSecond)
    .drawStyle(.line)
    .lineInterpolation(.smooth)
    .lineWidth(2)
    .fillOpacity(20)
    .gradientMode(.opacity)
    .showPoints(.never)
    .stacking(.normal)
    .spanNulls()
    .axisLabel("req/s")
    .axisSoftRange(min: 0, max: 10)
    .legend(.table(placement: .right, calcs: [.mean, .max]))
    .tooltip(.all(sort: .descending))
    .overrides { FieldOverride(.byName("errors")).color(.fixed(.red)).displayName("Errors") }
    .repeatBy("job", maxPerRow: 2)
  }

  static var stat: Panel {
    Stat("Uptime") { Query(#"time() - process_start_time_seconds{job=~"$job"}"#).instant() }
      .description("Since the last restart.")
      .unit(.seconds)
      .decimals(0)
      .reduce(.lastNotNull)
      .graphMode(.off)
      .statColorMode(.background)
      .textMode(.valueAndName)
      .justifyMode(.center)
      .thresholds { Step(.red); Step(.green, from: 300) }
      .noValue("down")
  }

  static var gauge: Panel {
    Gauge("Memory") { Query("process_resident_memory_bytes / process_virtual_memory_bytes") }
      .description("Resident share of virtual memory.")
      .unit(.percentUnit)
      .min(0)
      .max(1)
      .thresholds(.percentage) { Step(.green); Step(.orange, from: 70); Step(.red, from: 90) }
      .thresholdMarkers(true, labels: true)
  }

  static var barGauge: Panel {
    BarGauge("Latency buckets") { Query("sum by (le) (rate(http_duration_seconds_bucket[$__rate_interval]))", legend: "{{le}}").format(.heatmap) }
      .description("Requests by latency bucket.")
      .unit(.requestsPerSecond)
      .reduce(.mean, showAllValues: false)
      .barDisplayMode(.lcd)
      .orientation(.horizontal)
      .namePlacement(.left)
      .showUnfilled(false)
  }

  static var table: Panel {
    Table("Targets") { Query("up", legend: "{{instance}}").instant().format(.table) }
      .description("Every target and whether it is up.")
      .cellDisplay(.colorText(.init()))
      .sortBy("instance")
      .filterable()
      .mappings {
        ValueMapping.value("0", text: "Down", color: .red)
        ValueMapping.value("1", text: "Up", color: .green)
      }
      .size(width: 24, height: 6)
  }

  static var heatmap: Panel {
    Heatmap("Latency") { Query("sum by (le) (increase(http_duration_seconds_bucket[$__rate_interval]))", legend: "{{le}}").format(.heatmap) }
      .description("Latency distribution.")
      .unit(.seconds)
      .heatmapColors(scheme: "Spectral", scale: .linear)
      .showValue(.never)
      .legend(.hidden)
  }

  static var text: Panel {
    Text("Notes", markdown: "# Notes\n\nRunbook: <https://example.com/runbook>")
      .transparent()
      .size(width: 12, height: 4)
  }

  static var stateTimeline: Panel {
    StateTimeline("Health") { Query("up", legend: "{{instance}}") }
      .description("Target health over time.")
      .mappings {
        ValueMapping.value("0", text: "Down", color: .red)
        ValueMapping.range(from: 1, to: nil, text: "Up", color: .green)
        ValueMapping.special(.null, text: "Unknown", color: .text)
      }
      .color(.thresholds)
      .thresholds { Step(.red); Step(.green, from: 1) }
      .mergeValues(false)
      .rowHeight(0.8)
      .showValue(.always)
      .links { Link.url("Targets", "http://prometheus:9090/targets") }
  }
}
