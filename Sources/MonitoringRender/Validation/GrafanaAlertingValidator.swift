import MonitoringDSL

/// Checks a catalog whose alerts Grafana evaluates (``Catalog/alerting(_:)``) for what Grafana's
/// provisioning would refuse or read otherwise than meant: the datasource and folder, uids (1…40 of
/// `a-z A-Z 0-9 - _`, unique), group names unique in the folder and intervals a multiple of Grafana's
/// 10s base interval, annotations with `${…}` (newer Grafanas expand it), contact points Grafana
/// cannot take (``GrafanaIntegration/problems``), what Grafana's provisioning has no place for
/// (template files, inhibit rules, raw JSON on routes), and the routing: each alert, with the labels
/// Grafana gives it, reaches the contact point it names. The rest of the config (the tree, its
/// receivers and time intervals) is checked by ``AlertmanagerValidator``, the rules by ``RuleValidator``.
enum GrafanaAlertingValidator {
  static func validate(_ catalog: Catalog) -> [Diagnostic] {
    guard let plan = GrafanaAlertingPlan(catalog) else { return [] }
    var collector = DiagnosticCollector()
    let rulesFile: [PathElement] = [.file("\(GrafanaAlertingLowering.folder)/alert-rules.yaml")]
    checkDatasource(plan, catalog, at: rulesFile, into: &collector)
    if plan.settings.folder.isBlank { collector.report(rulesFile, "the folder's title is empty") }
    if !catalog.kubernetes.isEmpty {
      collector.report([.kubernetes(catalog.kubernetes[0].namespace)], "Grafana-managed alerting is not written as Kubernetes resources yet; evaluate this catalog's alerts with Prometheus")
    }
    checkGroups(plan, at: rulesFile, into: &collector)
    checkTemplates(plan.settings.templates, into: &collector)
    if catalog.alertmanagerConfigs.count > 1 {
      collector.report([.alertmanager(catalog.alertmanagerConfigs[1].fileName)], "Grafana has one notification policy tree: give Grafana-managed alerting one Alertmanager config")
    }
    if let config = plan.config {
      checkConfig(config, settings: plan.settings, into: &collector)
      collector.append(
        contentsOf: RoutingValidator.check(plan.routingExpectations, receivers: config.receivers.map(\.name), root: config.route) {
          [.file("\(GrafanaAlertingLowering.folder)/policies.yaml"), .alert($0)]
        })
    }
    return collector.diagnostics
  }

  private static func checkDatasource(_ plan: GrafanaAlertingPlan, _ catalog: Catalog, at path: [PathElement], into collector: inout DiagnosticCollector) {
    guard let uid = plan.datasourceUID else {
      let count = catalog.datasources.filter { $0.type == .prometheus }.count
      collector.report(
        path,
        count == 0
          ? "no Prometheus datasource for the rules to query: provision one"
          : "\(count) Prometheus datasources: name the one the rules query with .grafana(folder:datasourceUID:)")
      return
    }
    if !catalog.datasources.contains(where: { $0.uid == uid && $0.type == .prometheus }) {
      collector.report(path, "datasource uid \"\(uid)\" is not a provisioned Prometheus datasource")
    }
  }

  private static func checkGroups(_ plan: GrafanaAlertingPlan, at file: [PathElement], into collector: inout DiagnosticCollector) {
    var groupNames: Set<String> = []
    var uids: Set<String> = []
    for group in plan.groups {
      let path = file + [.group(group.group.name)]
      if !groupNames.insert(group.group.name).inserted {
        collector.report(path, "another rule group of folder \"\(plan.settings.folder)\" has this name; Grafana keeps one group per name in a folder")
      }
      if let interval = collector.milliseconds(of: group.interval, "interval", at: path), interval == 0 || interval % 10_000 != 0 {
        collector.report(
          path,
          "interval \(group.interval.text) is not a multiple of Grafana's base evaluation interval, 10s; give Grafana one with .evaluationInterval(…)")
      }
      for alert in group.alerts {
        let rulePath = path + [.alert(alert.name)]
        let uid = GrafanaAlertingPlan.uid(of: alert)
        if !DashboardValidator.isValidUID(uid) {
          collector.report(rulePath, "uid \"\(uid)\" must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'; give the rule one with .grafanaUID(…)")
        } else if !uids.insert(uid).inserted {
          collector.report(rulePath, "uid \"\(uid)\" is used by another rule; give one of them its own with .grafanaUID(…)")
        }
        if alert.name.count > 190 { collector.report(rulePath, "the title is longer than Grafana's 190 characters") }
        for (name, text) in GrafanaAlertingLowering.annotations(alert).sorted(by: { $0.key < $1.key }) where text.contains("${") {
          collector.report(rulePath, "annotation \(name): newer Grafanas expand \"${…}\" in annotations as an environment variable, older ones keep it as text; write it without")
        }
      }
    }
  }

  private static func checkTemplates(_ templates: [NotificationTemplate], into collector: inout DiagnosticCollector) {
    var names: Set<String> = []
    for template in templates {
      let path: [PathElement] = [.file("\(GrafanaAlertingLowering.folder)/templates.yaml"), .field("template \"\(template.name)\"")]
      if template.name.isBlank { collector.report(path, "name is empty") }
      if !names.insert(template.name).inserted { collector.report(path, "name is used by more than one template") }
      if template.text.isBlank { collector.report(path, "has no text") }
    }
  }

  private static func checkConfig(_ config: AlertmanagerConfig, settings: GrafanaAlerting, into collector: inout DiagnosticCollector) {
    let root: [PathElement] = [.alertmanager(config.fileName)]
    if !config.templates.isEmpty {
      collector.report(root, "templates: Grafana reads no template files; give their text as NotificationTemplate(…) in .templates { … }")
    }
    if !config.inhibitRules.isEmpty, !settings.dropsInhibitRules {
      collector.report(root, "inhibit_rules: Grafana's provisioning has no inhibition; leave them out knowingly with .withoutInhibitRules()")
    }
    if config.hasRawJSON { collector.report(root, "raw JSON is in Alertmanager's keys; Grafana's provisioning cannot take it") }
    if let route = config.route { checkRawJSON(route, at: [.file("\(GrafanaAlertingLowering.folder)/policies.yaml"), .route("root")], into: &collector) }

    let file: [PathElement] = [.file("\(GrafanaAlertingLowering.folder)/contact-points.yaml")]
    var uids: Set<String> = []
    for receiver in config.receivers {
      let path = file + [.receiver(receiver.name)]
      if receiver.integrations.isEmpty {
        collector.report(path, "has no integration; a Grafana contact point needs at least one")
      }
      if receiver.hasRawJSON { collector.report(path, "raw JSON is in Alertmanager's keys; Grafana's contact point cannot take it") }
      let integrations = receiver.integrations.map(GrafanaIntegration.init)
      for (integration, uid) in zip(integrations, GrafanaAlertingLowering.uids(of: receiver)) {
        let integrationPath = path + [.field(uid)]
        for problem in integration.problems { collector.report(integrationPath, problem) }
        if !DashboardValidator.isValidUID(uid) {
          collector.report(integrationPath, "uid \"\(uid)\" (receiver-type) must be 1…40 characters of a-z, A-Z, 0-9, '-' and '_'; shorten the receiver's name")
        } else if !uids.insert(uid).inserted {
          collector.report(integrationPath, "uid \"\(uid)\" is used by another contact point's receiver")
        }
      }
    }
  }

  private static func checkRawJSON(_ route: Route, at path: [PathElement], into collector: inout DiagnosticCollector) {
    if route.hasRawJSON {
      collector.report(path, "raw JSON is in Alertmanager's keys; Grafana's notification policy cannot take it")
    }
    for child in route.routes { checkRawJSON(child, at: path + [AlertmanagerValidator.pathElement(child)], into: &collector) }
  }
}
