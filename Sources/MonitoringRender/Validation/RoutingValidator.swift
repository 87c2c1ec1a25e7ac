import MonitoringDSL

/// With an Alertmanager in the catalog, every alert must name the receiver it is meant to reach, and
/// the routing tree must take it there — and not to the root's default receiver. An imported
/// config was written for other alerts and is not checked against these. The same check holds
/// Grafana's notification policy tree to the labels Grafana gives its alerts (``check(_:receivers:root:why:at:)``).
enum RoutingValidator {
  static func validate(_ catalog: Catalog) -> [Diagnostic] {
    guard case .prometheus = catalog.alertEvaluation else { return [] }
    var diagnostics: [Diagnostic] = []
    for config in catalog.alertmanagerConfigs where config.importedFrom == nil {
      diagnostics += check(RoutingExpectations.all(in: catalog), receivers: config.receivers.map(\.name), root: config.route) {
        [.alertmanager(config.fileName), .alert($0)]
      }
    }
    return diagnostics
  }

  /// Each expectation against the tree under `root`: a receiver named, defined, not the root's
  /// default, and the only one its labels reach. A root with matchers (an `AlertmanagerConfig`'s top
  /// route as the operator merges it) that an alert does not match is said so, followed by `why`.
  static func check(
    _ expectations: [RoutingExpectations], receivers: [String], root: Route?, why: String = "", at path: (String) -> [PathElement]
  ) -> [Diagnostic] {
    var collector = DiagnosticCollector()
    let receivers = Set(receivers)
    for expectation in expectations {
      let path = path(expectation.alert)
      guard let intended = expectation.receiver else {
        collector.report(path, "say which receiver the alert must reach with .routesTo(…)")
        continue
      }
      guard receivers.contains(intended) else {
        collector.report(path, "routes to \"\(intended)\", which is not a receiver of this config")
        continue
      }
      let reached = root.map { AlertmanagerRouting.receivers(for: expectation.labels, under: $0) } ?? []
      if intended == root?.receiver {
        collector.report(path, "is meant for \"\(intended)\", the root route's default: give it a route of its own")
      } else if let root, !root.matchers.allSatisfy({ AlertmanagerRouting.matches($0, expectation.labels) }) {
        let matchers = root.matchers.map(\.text).joined(separator: ",")
        collector.report(path, "does not match the top route {\(matchers)}, so it reaches no receiver, not \"\(intended)\"\(why)")
      } else if reached != [intended] {
        collector.report(path, "reaches \(reached.map { "\"\($0)\"" }.joined(separator: ", ")), not \"\(intended)\"")
      }
    }
    return collector.diagnostics
  }
}
