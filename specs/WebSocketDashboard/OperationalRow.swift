import MonitoringDSL

extension WebSocketDashboard {
  /// The seed's "Operational Insights": target health, scrape performance and alert state.
  static var operationalRow: Row {
    Row("Operational Insights") {
      targetHealth
      scrapeDuration
      firingAlerts
      alertHistory
    }
    .lintIgnore(.targetJob, because: "the row shows the scrape health and alerts of every job of the stack, not only the app's")
    .lintIgnore(.targetInstance, because: "the row shows every target of the stack, not the app's instances")
  }

  static var targetHealth: Panel {
    StateTimeline("Service Status") { Query(up(), legend: "{{job}} {{instance}}") }
      .description("Whether Prometheus could scrape each target (the `up` series).")
      .mappings {
        ValueMapping.value("0", text: "Down", color: .red)
        ValueMapping.value("1", text: "Up", color: .green)
      }
      .thresholds { Step(.red); Step(.green, from: 1) }
      .color(.thresholds)
      .legend(.hidden)
  }

  static var scrapeDuration: Panel {
    TimeSeries("Scrape Duration") {
      Query("scrape_duration_seconds", legend: "{{job}} {{instance}}")
      Query("scrape_samples_scraped", legend: "samples {{job}}").hidden()
    }
    .description("How long each scrape took; the scrape timeout is 10s.")
    .unit(.seconds)
    .min(0)
    .thresholds { Step(.green); Step(.red, from: 10) }
    .showThresholds(.dashed)
  }

  static var firingAlerts: Panel {
    Table("Firing Alerts") {
      Query(#"sum by (alertname, severity) (ALERTS{alertstate="firing"})"#, legend: "{{alertname}}")
        .instant()
        .format(.table)
    }
    .description("Alerts firing now, by name and severity, with the number of series firing.")
    .unit(.short)
    .noValue("No alerts firing")
    .sortBy("severity")
    .expectedEmpty(because: "ALERTS has series only while an alert fires")
  }

  static var alertHistory: Panel {
    StateTimeline("Alert History") {
      Query(#"max by (alertname) (ALERTS{alertstate="firing"})"#, legend: "{{alertname}}")
    }
    .description("When each alert was firing over the dashboard's time range.")
    .mappings { ValueMapping.value("1", text: "Firing", color: .red) }
    .thresholds { Step(.green); Step(.red, from: 1) }
    .color(.thresholds)
    .noValue("No alerts")
    .expectedEmpty(because: "ALERTS has series only while an alert fires")
  }
}
