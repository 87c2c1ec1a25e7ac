import MonitoringDSL

/// The WebSocket service's objectives, in `prometheus/rules/websocket-slo.rules.yml` with their
/// generated tests, and their error-budget rows on the dashboard.
enum SLOs {
  static let service = "websocket"

  /// 99.5 % of messages handled without an error over 30 days: the service reports client mistakes
  /// as errors too, so a stricter objective would page on misbehaving clients.
  static let messageProcessing = SLO(
    "message-processing", service: service, objective: 99.5,
    indicator: .errors(App.errors.events(App.job), of: App.messages.events(App.job))
  )
  .alertPrefix("WebSocketMessages")
  .pages(to: AlertmanagerSpec.pager)
  .tickets(to: AlertmanagerSpec.team)
  .runbook("\(Alerts.runbook)#message-error-budget")

  /// 99.9 % of scrapes of the service succeed over 30 days (43 minutes down a month); at one scrape
  /// every 15s that is about 6 failed scrapes a day, so a single failure does not spend it.
  static let availability = SLO("availability", service: service, objective: 99.9, indicator: .availability(App.job))
    .alertPrefix("WebSocketAvailability")
    .pages(to: AlertmanagerSpec.pager)
    .tickets(to: AlertmanagerSpec.team)
    .runbook("\(Alerts.runbook)#availability-error-budget")

  static let file = RuleFile("websocket-slo.rules.yml") {
    messageProcessing
    availability
  }
}
