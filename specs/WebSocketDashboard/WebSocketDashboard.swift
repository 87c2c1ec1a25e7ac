import MonitoringDSL

/// "WebSocket Service Comprehensive Dashboard", the seed's dashboard, at the URL the seed documents:
/// `/d/d323749f-135e-455a-aa74-4915a52ef0b9/websocket-service-comprehensive-dashboard`.
enum WebSocketDashboard {
  static let uid = "d323749f-135e-455a-aa74-4915a52ef0b9"

  /// Selects the app's series for the job and instances picked in the dashboard's variables.
  static let app: [LabelMatcher] = [.regex("job", "$job"), .regex("instance", "$instance")]

  static let dashboard = Dashboard("WebSocket Service Comprehensive Dashboard", uid: uid) {
    realtimeRow
    performanceRow
    systemHealthRow
    operationalRow
    SLOs.messageProcessing.budgetRow
    SLOs.availability.budgetRow
  }
  .description("Connections, messages, errors, sessions, resources and shutdowns of the WebSocket service.")
  .tags(["websocket", "prometheus"])
  .time(from: "now-1h")
  .refresh("30s")
  .datasource(.variable("datasource"))
  .variables { variables }
  .annotations {
    Annotation(
      "Restarts", expr: App.startTime.changes(.rateInterval, [.regex("job", "$job")]).greaterThan(0).description,
      datasource: .variable("datasource"), color: .orange, titleFormat: "Restart of {{instance}}")
  }
  .links { Link.dashboards(tags: ["websocket"], title: "WebSocket dashboards") }

  static var variables: [Variable] {
    [
      Variable.datasource("datasource", type: .prometheus, label: "Datasource"),
      Variable.query("job", "label_values(app_active_connections, job)", datasource: .variable("datasource"))
        .label("Job"),
      Variable.query(
        "instance", #"label_values(app_active_connections{job=~"$job"}, instance)"#,
        datasource: .variable("datasource")
      )
      .label("Instance")
      .multi(includeAll: true, allValue: ".*"),
    ]
  }
}
