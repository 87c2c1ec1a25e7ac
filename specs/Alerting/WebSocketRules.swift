import MonitoringDSL

/// `prometheus/rules/websocket.rules.yml` and its generated unit tests. Recording rules come first:
/// rules of a group run in order, so the alerts read this evaluation's values.
enum WebSocketRules {
  static func file(noConnectionsFor: PromDuration) -> RuleFile {
    RuleFile("websocket.rules.yml") {
      RuleGroup("websocket", interval: Stack.scrapeInterval) {
        RecordingRules.messageRate
        RecordingRules.errorRate
        RecordingRules.activeConnections
        RecordingRules.shutdownP95
        Alerts.targetDown
        Alerts.noActiveConnections(for: noConnectionsFor)
        Alerts.lowMessageRate
        Alerts.highErrorRate
        Alerts.slowShutdown
      }
      SelfMonitoring.group
    }
  }
}
