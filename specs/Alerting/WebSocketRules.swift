import MonitoringDSL

/// `prometheus/rules/websocket.rules.yml` and its generated unit tests.
enum WebSocketRules {
  static let file = RuleFile("websocket.rules.yml") {
    RuleGroup("websocket", interval: Stack.scrapeInterval) {
      RecordingRules.messageRate
      RecordingRules.errorRate
      RecordingRules.activeConnections
      RecordingRules.shutdownP95
      Alerts.targetDown
      Alerts.noActiveConnections
      Alerts.lowMessageRate
      Alerts.highErrorRate
      Alerts.slowShutdown
    }
  }
}
