import MonitoringDSL

/// Loki and Tempo beside Prometheus: provisioned Loki and Tempo datasources linked to each other, a
/// logs panel on LogQL, a table of Tempo traces, a metric query over logs, and the ad-hoc filters and
/// textbox variables, checked against Grafana's Loki and Tempo query schemas.
enum LogsAndTraces {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s", isDefault: true)
    Datasource.loki(
      name: "Loki", uid: "loki", url: "http://loki:3100", maxLines: 1000, timeoutSeconds: 60,
      derivedFields: [
        LokiDerivedField(
          name: "TraceID", matcherRegex: #"trace_id=(\w+)"#, url: "${__value.raw}", datasourceUID: "tempo",
          urlDisplayLabel: "View trace")
      ])
    Datasource.tempo(
      name: "Tempo", uid: "tempo", url: "http://tempo:3200",
      tracesToLogs: TempoTracesToLogs(
        datasourceUID: "loki", tags: [.init("service.name", as: "app")], filterByTraceID: true, spanStartTimeShift: "-5m",
        spanEndTimeShift: "5m"),
      serviceMapUID: "prom", nodeGraph: true, lokiSearchUID: "loki")
    dashboard
  }

  static let dashboard = Dashboard("Logs and Traces", uid: "logs-and-traces") {
    Logs("Errors") {
      LokiQuery(#"{app="websocket"} |= "$search""#, maxLines: 500, direction: .backward)
    }
    .datasource(.variable("logs", type: .loki))
    .logOrder(.descending)
    TimeSeries("Error lines") {
      LokiQuery(#"sum by (level) (count_over_time({app="websocket"} |= "error" [$__auto]))"#, legend: "{{level}}", step: "1m")
        .datasource(.variable("logs", type: .loki))
      Query("sum(rate(app_errors_total[$__rate_interval]))", legend: "errors/s").datasource(.prometheus("prom"))
    }
    .datasource(.mixed)
    Table("Slow traces") {
      TempoQuery(#"{ resource.service.name = "websocket" && duration > 500ms }"#, limit: 20, spansPerSpanSet: 3, tableType: .traces)
      TempoQuery(
        "", type: .traceqlSearch, limit: 20,
        filters: [
          Query.Tempo.Filter(id: "service-name", tag: "service.name", operator: "=", value: "websocket", valueType: "string", scope: .resource)
        ]
      )
      .hidden()
    }
    .datasource(.tempo("tempo"))
  }
  .variables {
    Variable.datasource("logs", type: .loki).label("Logs")
    Variable.adhoc("filters", datasource: .variable("logs", type: .loki)).label("Filters")
    Variable.textbox("search", default: "error").label("Search")
  }
  .description("Logs on Loki, traces on Tempo, metrics on Prometheus, with ad-hoc filters and a search box.")
  .datasource(.prometheus("prom"))
  .tags(["golden"])
}
