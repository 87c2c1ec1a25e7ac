import MonitoringDSL

extension KubernetesValidator {
  /// The Secret or `AlertmanagerConfig` the deployment writes the catalog's one Alertmanager config
  /// to. For the resource: what it cannot say (``KubernetesAlertmanagerConfigLowering``), and the
  /// routing check (``RoutingValidator``) on its route as the operator merges it: under the
  /// `OnNamespace` strategy the operator adds `namespace="<namespace>"` to the top route, so an alert
  /// without that label reaches none of its receivers.
  static func validateAlertmanager(_ deployment: KubernetesDeployment, catalog: Catalog, into collector: inout DiagnosticCollector) {
    let root: [PathElement] = [.kubernetes(deployment.namespace)]
    let (name, what): (String, String)
    switch deployment.alertmanager {
    case .secret(let secret)?: (name, what) = (secret, "secret")
    case .alertmanagerConfig(let resource, _)?: (name, what) = (resource, "AlertmanagerConfig")
    case nil: return
    }
    if !isDNSSubdomain(name) { collector.report(root, "alertmanager \(what) \(problem(name, "a DNS-1123 subdomain"))") }
    guard catalog.alertmanagerConfigs.count == 1, let config = catalog.alertmanagerConfigs.first else {
      collector.report(root, "an Alertmanager \(what) needs exactly one Alertmanager config in the catalog (found \(catalog.alertmanagerConfigs.count))")
      return
    }
    guard case .alertmanagerConfig(_, let strategy)? = deployment.alertmanager else { return }
    let path = root + [.field("AlertmanagerConfig \"\(name)\"")]
    collector.append(contentsOf: KubernetesAlertmanagerConfigLowering.lower(config, at: path).problems)

    guard case .prometheus = catalog.alertEvaluation, config.importedFrom == nil, let route = config.route else { return }
    // The operator's tree, for the alerts that alertmanager.yml routes right (the others are reported there).
    let expectations = RoutingExpectations.all(in: catalog)
    let receivers = config.receivers.map(\.name)
    let misrouted = Set(RoutingValidator.check(expectations, receivers: receivers, root: route) { [.alert($0)] }.map(\.path))
    let (onNamespace, none) = (KubernetesAlertmanager.MatcherStrategy.onNamespace.rawValue, KubernetesAlertmanager.MatcherStrategy.allNamespaces.rawValue)
    let why =
      "; the operator adds namespace=\"\(deployment.namespace)\" to an AlertmanagerConfig's top route (matcher strategy \(onNamespace)): give the alert that label, or use matcherStrategy: .allNamespaces when the Alertmanager's alertmanagerConfigMatcherStrategy is \(none)"
    collector.append(
      contentsOf: RoutingValidator.check(
        expectations.filter { !misrouted.contains([.alert($0.alert)]) }, receivers: receivers,
        root: KubernetesAlertmanagerConfigLowering.operatorRoute(route, namespace: deployment.namespace, strategy: strategy), why: why
      ) { path + [.alert($0)] })
  }
}
