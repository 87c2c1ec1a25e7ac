import MonitoringDSL

/// `prometheus/rules/websocket.rules.yml` and its generated unit tests. Recording rules come first:
/// rules of a group run in order, so the alerts read this evaluation's values.
enum WebSocketRules {
  /// `alertmanager`: whether the stack has an Alertmanager for the self-monitoring alerts to watch.
  static func file(noConnectionsFor: PromDuration, alertmanager: Bool = true) -> RuleFile {
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
      SelfMonitoring.group(alertmanager: alertmanager)
    }
  }
}
