import MonitoringDSL
import MonitoringRender
import Testing
import Yams

/// The Alertmanager config as an `AlertmanagerConfig` resource: its shape, the routing check on the
/// operator's tree, and one test per thing the resource cannot say.
@Suite struct KubernetesAlertmanagerConfigTests {
  static let secrets = "/etc/alertmanager/secrets/receivers"
  static let path = #"kubernetes "monitoring" › AlertmanagerConfig "app-routing""#

  static let alert = AlertRule("AppDown", expr: .raw("up == 0"), for: "5m", severity: .critical)
    .labels(["namespace": "monitoring"])
    .summary("The app is down.")
    .description("{{ $labels.instance }} is down.")
    .routesTo("pager")

  static func config(@IntegrationBuilder pager: () -> [Integration] = { [.pagerDuty(PagerDutyConfig(routingKeyFile: "\(secrets)/pagerduty"))] })
    -> AlertmanagerConfig
  {
    AlertmanagerConfig("alertmanager.yml") {
      Route(receiver: "default") { Route(receiver: "pager", matchers: [.equal("severity", "critical")]) }.groupBy(["alertname"])
      Receiver("default") { WebhookConfig(url: "http://relay:8080/") }
      Receiver("pager", pager)
    }
  }

  static func catalog(
    _ config: AlertmanagerConfig = config(), alert: AlertRule = alert, name: String = "app-routing",
    strategy: KubernetesAlertmanager.MatcherStrategy = .onNamespace
  ) -> Catalog {
    Catalog {
      RuleFile("app.rules.yml") { RuleGroup("app", interval: "30s") { alert } }
      config
      KubernetesDeployment(namespace: "monitoring", release: "kps") {}.alertmanagerConfigResource(name, matcherStrategy: strategy)
    }
  }

  @Test func writesTheResourceInsteadOfTheSecret() throws {
    let files = try Renderer.render(Self.catalog())
    #expect(files.map(\.path).filter { $0.hasPrefix("kubernetes/") } == [
      "kubernetes/alertmanagerconfig-app-routing.yaml", "kubernetes/kustomization.yaml", "kubernetes/prometheusrule-app.rules.yaml",
    ])
    let text = try #require(files.first { $0.path == "kubernetes/alertmanagerconfig-app-routing.yaml" }?.contents)
    let resource = try #require(try Yams.load(yaml: text) as? [String: Any])
    #expect(resource["apiVersion"] as? String == "monitoring.coreos.com/v1alpha1")
    let spec = try #require(resource["spec"] as? [String: Any])
    let route = try #require(spec["route"] as? [String: Any])
    #expect(route["receiver"] as? String == "default")
    #expect(route["groupBy"] as? [String] == ["alertname"])
    let child = try #require((route["routes"] as? [[String: Any]])?.first)
    #expect(child["matchers"] as? [[String: String]] == [["name": "severity", "value": "critical", "matchType": "="]])
    let pager = try #require((spec["receivers"] as? [[String: Any]])?.last)
    let pagerDuty = try #require((pager["pagerdutyConfigs"] as? [[String: Any]])?.first)
    #expect(pagerDuty["routingKey"] as? [String: String] == ["name": "receivers", "key": "pagerduty"])
    #expect(!text.contains(Self.secrets), "no secret file path is written")
  }

  /// Under the operator's default strategy the top route matches `namespace="monitoring"` too.
  @Test func alertWithoutTheNamespaceLabelReachesNoReceiver() {
    let alert = Self.alert.labels([:])
    #expect(diagnostics(Self.catalog(alert: alert)) == [
      Self.path
        + #" › alert AppDown: does not match the top route {namespace="monitoring"}, so it reaches no receiver, not "pager"; the operator adds namespace="monitoring" to an AlertmanagerConfig's top route (matcher strategy OnNamespace): give the alert that label, or use matcherStrategy: .allNamespaces when the Alertmanager's alertmanagerConfigMatcherStrategy is None"#
    ])
    #expect(diagnostics(Self.catalog(alert: alert, strategy: .allNamespaces)) == [])
  }

  /// A misrouted alert is reported once, by the check of alertmanager.yml.
  @Test func misroutedAlertIsReportedOnce() {
    let alert = AlertRule("AppSlow", expr: .raw("up == 0"), for: "5m", severity: .warning).labels(["namespace": "monitoring"])
      .summary("Slow.").description("{{ $labels.instance }} is slow.").routesTo("pager")
    #expect(diagnostics(Self.catalog(alert: alert)) == [#"alertmanager "alertmanager.yml" › alert AppSlow: reaches "default", not "pager""#])
  }

  @Test func secretFileOutsideTheMountedSecrets() {
    let config = Self.config { PagerDutyConfig(routingKeyFile: "/run/secrets/pagerduty") }
    #expect(diagnostics(Self.catalog(config)) == [
      Self.path
        + #" › receiver "pager" › pagerdutyConfigs[0]: routing_key_file /run/secrets/pagerduty is not a Secret key: write it as /etc/alertmanager/secrets/<secret>/<key> (where the operator mounts Alertmanager.spec.secrets), which the resource names as key <key> of the Secret <secret> in its namespace; an AlertmanagerConfig names Secret keys, never files"#
    ])
  }

  /// A basic-auth pair names one file: one diagnostic, at the integration's place among its kind.
  @Test func webhookCredentialsOutsideTheMountedSecrets() {
    let config = Self.config {
      WebhookConfig(url: "http://relay:8080/a").bearerToken(file: "\(Self.secrets)/relay-token")
      WebhookConfig(url: "http://relay:8080/b").basicAuth(username: "am", passwordFile: "/etc/relay/password")
    }
    #expect(diagnostics(Self.catalog(config)) == [
      Self.path
        + #" › receiver "pager" › webhookConfigs[1]: basic_auth.password_file /etc/relay/password is not a Secret key: write it as /etc/alertmanager/secrets/<secret>/<key> (where the operator mounts Alertmanager.spec.secrets), which the resource names as key <key> of the Secret <secret> in its namespace; an AlertmanagerConfig names Secret keys, never files"#
    ])
  }

  @Test func templatesHaveNoPlaceInTheResource() {
    let config = Self.config().templates(["/etc/alertmanager/templates/*.tmpl"])
    #expect(diagnostics(Self.catalog(config)) == [
      Self.path
        + ": templates: an AlertmanagerConfig cannot name template files; give them to the Alertmanager (kube-prometheus-stack: alertmanager.templateFiles), or write the config as a Secret with .alertmanagerSecret(…)"
    ])
  }

  @Test func resolveTimeoutHasNoPlaceInTheResource() {
    let config = Self.config().global(resolveTimeout: "10m")
    #expect(diagnostics(Self.catalog(config)) == [
      Self.path
        + ": resolve_timeout 10m: an AlertmanagerConfig has no global section; set it in the Alertmanager's own config (kube-prometheus-stack: alertmanager.config.global.resolve_timeout)"
    ])
  }

  @Test func timePeriodWithATimeZone() {
    var config = Self.config()
    config.timeIntervals = [TimeIntervals("nights") { TimePeriod(times: [.init("00:00", "06:00")]).location("Europe/Berlin") }]
    config.routes[0].routes[0].muteTimeIntervals = ["nights"]
    #expect(diagnostics(Self.catalog(config)) == [
      Self.path
        + #" › time_intervals "nights" › time_intervals[0]: location Europe/Berlin: a v1alpha1 AlertmanagerConfig has no time zone (its periods are UTC); write the period in UTC"#
    ])
  }

  @Test func rawJSONHasNoPlaceInTheResource() {
    let config = Self.config { PagerDutyConfig(routingKeyFile: "\(Self.secrets)/pagerduty").extraJSON(["client": "gen"]) }
    #expect(diagnostics(Self.catalog(config)) == [
      Self.path
        + #" › receiver "pager" › pagerdutyConfigs[0]: has raw JSON (.extraJSON/.removingJSON), which only alertmanager.yml carries: an AlertmanagerConfig cannot; type it, or write the config as a Secret with .alertmanagerSecret(…)"#
    ])
  }

  @Test func resourceNameIsDNS1123() {
    #expect(diagnostics(Self.catalog(name: "App_Routing")) == [
      #"kubernetes "monitoring": alertmanager AlertmanagerConfig "App_Routing" is not a DNS-1123 subdomain"#
    ])
  }

  @Test func resourceNeedsOneAlertmanagerConfig() {
    let noConfig = Catalog {
      KubernetesDeployment(namespace: "monitoring", release: "kps") {}.alertmanagerConfigResource("app-routing")
    }
    #expect(diagnostics(noConfig) == [
      #"kubernetes "monitoring": an Alertmanager AlertmanagerConfig needs exactly one Alertmanager config in the catalog (found 0)"#
    ])
  }
}
