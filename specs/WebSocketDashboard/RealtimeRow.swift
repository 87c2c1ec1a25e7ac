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
    Gauge("Connection Status") { Query(App.activeConnections.select(app).sum(), legend: "connections") }
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
      Query(App.messages.rate(.rateInterval, app).sum(), legend: "messages/s")
    }
    .description("Messages processed per second. The KPI alert fires below \(NumberText.format(KPI.minMessagesPerSecond))/s for \(KPI.lowMessageRateFor.text).")
    .unit(.suffix(" msg/s"))
    .min(0)
    .fillOpacity(10)
    .thresholds { Step(.red); Step(.green, from: KPI.minMessagesPerSecond) }
    .showThresholds(.dashed)
    .size(width: 12, height: 8)
  }

  static var trackedSessions: Panel {
    Stat("Tracked Sessions") { Query(App.sessionsTracked.select(app).sum(), legend: "sessions") }
      .description("Sessions the service tracks now.")
      .unit(.short)
      .thresholds { Step(.blue) }
      .size(width: 6, height: 4)
  }

  static var errorCount: Panel {
    Stat("Errors (1h)") { Query(App.errors.increase("1h", app).sum(), legend: "errors") }
      .description("Errors counted in the last hour.")
      .unit(.short)
      .decimals(0)
      .graphMode(.off)
      .thresholds { Step(.green); Step(.yellow, from: 1); Step(.red, from: 60) }
      .size(width: 6, height: 4)
  }

  static var errorRate: Panel {
    TimeSeries("Error Rate") {
      Query(App.errors.rate(.rateInterval, app).sum().times(60), legend: "errors/min")
    }
    .description("Errors per minute. Healthy below 1/min; the KPI alert fires above \(NumberText.format(KPI.maxErrorsPerMinute))/min for \(KPI.highErrorRateFor.text).")
    .unit(.countsPerMinute)
    .min(0)
    .color(.fixed(.red))
    .thresholds { Step(.green); Step(.yellow, from: 1); Step(.red, from: KPI.maxErrorsPerMinute) }
    .showThresholds(.dashed)
    .size(width: 12, height: 8)
  }

  static var sessionTracking: Panel {
    TimeSeries("Session Tracking") { Query(App.sessionsTracked.select(app).sum(by: ["instance"]), legend: "{{instance}}") }
      .description("Tracked sessions per instance over time.")
      .unit(.short)
      .min(0)
      .size(width: 12, height: 8)
  }
}
