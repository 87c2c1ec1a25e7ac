import MonitoringDSL

extension WebSocketDashboard {
  /// The seed's "Real-time Metrics": connection status, message throughput, errors and sessions.
  static var realtimeRow: Row {
    Row("Real-time Metrics") {
      connectionStatus
      messageThroughput
      trackedSessions
      errorCount
      errorRate
      sessionTracking
    }
  }

  /// Load levels from the seed's threshold example; zero connections (the KPI alert) shows red text.
  static var connectionStatus: Panel {
    Gauge("Connection Status") { Query("sum(app_active_connections{\(app)})", legend: "connections") }
      .description("Open WebSocket connections now. Green is normal load, yellow from 10, red from 50.")
      .unit(.short)
      .min(0)
      .max(100)
      .thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }
      .mappings { ValueMapping.value("0", text: "No connections", color: .red) }
      .size(width: 6, height: 8)
  }

  static var messageThroughput: Panel {
    TimeSeries("Message Throughput") {
      Query("sum(rate(app_messages_total{\(app)}[$__rate_interval]))", legend: "messages/s")
    }
    .description("Messages processed per second. The KPI alert fires below 0.1/s for 10 minutes.")
    .unit(.suffix(" msg/s"))
    .min(0)
    .fillOpacity(10)
    .thresholds { Step(.red); Step(.green, from: 0.1) }
    .showThresholds(.dashed)
    .size(width: 12, height: 8)
  }

  static var trackedSessions: Panel {
    Stat("Tracked Sessions") { Query("sum(app_sessions_tracked{\(app)})", legend: "sessions") }
      .description("Sessions the service tracks now.")
      .unit(.short)
      .thresholds { Step(.blue) }
      .size(width: 6, height: 4)
  }

  static var errorCount: Panel {
    Stat("Errors (1h)") { Query("sum(increase(app_errors_total{\(app)}[1h]))", legend: "errors") }
      .description("Errors counted in the last hour.")
      .unit(.short)
      .decimals(0)
      .graphMode(.none)
      .thresholds { Step(.green); Step(.yellow, from: 1); Step(.red, from: 60) }
      .size(width: 6, height: 4)
  }

  static var errorRate: Panel {
    TimeSeries("Error Rate") {
      Query("sum(rate(app_errors_total{\(app)}[$__rate_interval])) * 60", legend: "errors/min")
    }
    .description("Errors per minute. Healthy below 1/min; the KPI alert fires above 10/min for 2 minutes.")
    .unit(.countsPerMinute)
    .min(0)
    .color(.fixed(.red))
    .thresholds { Step(.green); Step(.yellow, from: 1); Step(.red, from: 10) }
    .showThresholds(.dashed)
    .size(width: 12, height: 8)
  }

  static var sessionTracking: Panel {
    TimeSeries("Session Tracking") { Query("sum by (instance) (app_sessions_tracked{\(app)})", legend: "{{instance}}") }
      .description("Tracked sessions per instance over time.")
      .unit(.short)
      .min(0)
      .size(width: 12, height: 8)
  }
}
