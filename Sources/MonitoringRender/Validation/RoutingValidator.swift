import MonitoringDSL

/// With an Alertmanager in the catalog, every alert must name the receiver it is meant to reach, and
/// the routing tree must take it there — and not to the root's default receiver. An imported
/// config was written for other alerts and is not checked against these.
enum RoutingValidator {
  static func validate(_ catalog: Catalog) -> [Diagnostic] {
    var collector = DiagnosticCollector()
    for config in catalog.alertmanagerConfigs where config.importedFrom == nil {
      let receivers = Set(config.receivers.map(\.name))
      let fallback = config.route?.receiver
      for expectation in RoutingExpectations.all(in: catalog) {
        let path: [PathElement] = [.alertmanager(config.fileName), .alert(expectation.alert)]
        guard let intended = expectation.receiver else {
          collector.report(path, "say which receiver the alert must reach with .routesTo(…)")
          continue
        }
        guard receivers.contains(intended) else {
          collector.report(path, "routes to \"\(intended)\", which is not a receiver of this config")
          continue
        }
        let reached = AlertmanagerRouting.receiver(for: expectation.labels, in: config)
        if intended == fallback {
          collector.report(path, "is meant for \"\(intended)\", the root route's default: give it a route of its own")
        } else if reached != [intended] {
          collector.report(path, "reaches \(reached.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(intended)\"")
        }
      }
    }
    return collector.diagnostics
  }
}
