import MonitoringDSL

/// One dashboard written in both formats (`.target(.grafana13).formats([.classic, .v2])`): loose
/// panels above an open and a collapsed row, several kinds, every variable kind, annotations,
/// links, transformations, overrides and a repeat, so the v2 file is checked against Grafana's v2
/// schema and reads back to its classic twin.
enum SchemaV2Case {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "30s", isDefault: true)
    Datasource.loki(name: "Loki", uid: "logs", url: "http://loki:3100")
    dashboard
  }

  static let dashboard = Dashboard("Schema V2", uid: "schema-v2") {
    Stat("Up") { Query(#"sum(up{job=~"$job"})"#).instant() }.unit(.short).size(width: 6, height: 4)
    Text("Notes", markdown: "Both formats from one spec.").size(width: 18, height: 4)
    trafficRow
    detailsRow
  }
  .description("The same spec in the classic model and the dashboard schema v2.")
  .tags(["golden", "v2"])
  .datasource(.variable("datasource"))
  .variables { variables }
  .annotations {
    Annotation("Restarts", expr: "changes(process_start_time_seconds[5m]) > 0", datasource: .variable("datasource"), color: .orange)
    Annotation.grafanaTags("Deploys", tags: ["deploy"], color: .purple)
  }
  .links {
    Link.url("Runbook", "https://runbooks.example.com/api", tooltip: "On call", newTab: true)
    Link.dashboards(tags: ["api"], title: "Related")
  }
  .refresh("30s")
  .cursorSync(.sharedTooltip)
  .timezone(.utc)
  .target(.grafana13)
  .formats([.classic, .v2])

  static var variables: [Variable] {
    [
      Variable.datasource("datasource", type: .prometheus),
      Variable.query("job", "label_values(up, job)", datasource: .variable("datasource")).multi(includeAll: true),
      Variable.custom("quantile", ["0.5", "0.95", "0.99"]).label("Quantile"),
      Variable.interval("window", ["1m", "5m", "15m"]),
      Variable.constant("team", "web"),
      // Filters and default keys are not in the classic schema's variable model (see DashboardV2Tests).
      Variable.adhoc("filters", datasource: .variable("datasource")),
      Variable.textbox("search", default: "error"),
    ]
  }

  static var trafficRow: Row {
    Row("Traffic") {
      TimeSeries("Requests") {
        Query(#"sum by (job) (rate(http_requests_total{job=~"$job"}[$__rate_interval]))"#, legend: "{{job}}")
        Query(#"sum(rate(http_errors_total{job=~"$job"}[$window]))"#, legend: "errors").interval("1m")
      }
      .unit(.requestsPerSecond)
      .fillOpacity(10)
      .overrides { FieldOverride(.byName("errors")).color(.fixed(.red)).displayName("Errors") }
      .links { Link.url("Traces", "http://tempo:3200", newTab: true) }
      .repeatBy("job", maxPerRow: 2)
      Gauge("Saturation") { Query(#"avg(app_saturation_ratio{job=~"$job"})"#) }
        .unit(.percentUnit)
        .thresholds { Step(.green); Step(.orange, from: 0.7); Step(.red, from: 0.9) }
    }
  }

  static var detailsRow: Row {
    Row("Details") {
      Table("Connections by instance") { Query("sum by (instance) (app_active_connections)").instant().format(.table) }
        .transformations {
          Transformation.organize(exclude: ["Time"], rename: ["Value": "Connections"])
          Transformation.sortBy(.init(sort: [.init(field: "Connections", desc: true)]))
        }
      Logs("Errors") { LokiQuery(#"{job="api"} |= "$search""#) }.datasource(.loki("logs"))
    }
    .collapsed()
  }
}
