public import MonitoringDSL
public import Yams

/// `alertmanager.yml` in the order Alertmanager itself writes its config: global, route,
/// inhibit_rules, receivers, templates. Inside a route the documented order, child routes last.
/// The raw escape hatch of the config, each route, receiver and integration is applied last.
/// ```swift
/// let text = YAMLTree.document(AlertmanagerLowering.config(config))
/// ```
public enum AlertmanagerLowering {
  public static func config(_ config: AlertmanagerConfig) -> Node {
    let smtp = config.smtp
    let global = YAMLTree.mapping([
      ("resolve_timeout", duration(config.resolveTimeout)),
      ("smtp_from", smtp.map { YAMLTree.string($0.from) }),
      ("smtp_smarthost", smtp.map { YAMLTree.string($0.smarthost) }),
      ("smtp_hello", smtp?.hello.map(YAMLTree.string)),
      ("smtp_auth_username", smtp?.authUsername.map(YAMLTree.string)),
      ("smtp_auth_password_file", smtp?.authPasswordFile.map(YAMLTree.string)),
      ("smtp_require_tls", smtp.map { YAMLTree.bool($0.requireTLS) }),
    ])
    let lowered = YAMLTree.mapping([
      ("global", global),
      ("route", config.route.map(route)),
      ("inhibit_rules", config.inhibitRules.isEmpty ? nil : YAMLTree.sequence(config.inhibitRules.map(inhibitRule))),
      ("receivers", YAMLTree.sequence(config.receivers.map(receiver))),
      ("templates", config.templates.isEmpty ? nil : YAMLTree.strings(config.templates)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func route(_ route: Route) -> Node {
    let lowered = YAMLTree.mapping([
      ("receiver", route.receiver.map(YAMLTree.string)),
      ("group_by", route.groupBy.map(YAMLTree.strings)),
      ("continue", route.continues ? YAMLTree.bool(true) : nil),
      ("matchers", matchers(route.matchers)),
      ("group_wait", route.groupWait.map(duration)),
      ("group_interval", route.groupInterval.map(duration)),
      ("repeat_interval", route.repeatInterval.map(duration)),
      ("routes", route.routes.isEmpty ? nil : YAMLTree.sequence(route.routes.map(Self.route))),
    ])
    return YAMLTree.patched(lowered, with: route)
  }

  private static func inhibitRule(_ rule: InhibitRule) -> Node {
    YAMLTree.mapping([
      ("source_matchers", matchers(rule.sourceMatchers)),
      ("target_matchers", matchers(rule.targetMatchers)),
      ("equal", rule.equal.isEmpty ? nil : YAMLTree.strings(rule.equal)),
    ])
  }

  private static func receiver(_ receiver: Receiver) -> Node {
    var emails: [Node] = []
    var pagerDuties: [Node] = []
    var slacks: [Node] = []
    var webhooks: [Node] = []
    for integration in receiver.integrations {
      switch integration {
      case .email(let config): emails.append(email(config))
      case .pagerDuty(let config): pagerDuties.append(pagerDuty(config))
      case .slack(let config): slacks.append(slack(config))
      case .webhook(let config): webhooks.append(webhook(config))
      }
    }
    let lowered = YAMLTree.mapping([
      ("name", YAMLTree.string(receiver.name)),
      ("email_configs", emails.isEmpty ? nil : YAMLTree.sequence(emails)),
      ("pagerduty_configs", pagerDuties.isEmpty ? nil : YAMLTree.sequence(pagerDuties)),
      ("slack_configs", slacks.isEmpty ? nil : YAMLTree.sequence(slacks)),
      ("webhook_configs", webhooks.isEmpty ? nil : YAMLTree.sequence(webhooks)),
    ])
    return YAMLTree.patched(lowered, with: receiver)
  }

  private static func email(_ config: EmailConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("to", YAMLTree.string(config.to)),
      ("from", config.from.map(YAMLTree.string)),
      ("smarthost", config.smarthost.map(YAMLTree.string)),
      ("auth_username", config.authUsername.map(YAMLTree.string)),
      ("auth_password_file", config.authPasswordFile.map(YAMLTree.string)),
      ("require_tls", config.requireTLS.map(YAMLTree.bool)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func pagerDuty(_ config: PagerDutyConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("routing_key_file", YAMLTree.string(config.routingKeyFile)),
      ("description", config.description.map(YAMLTree.string)),
      ("severity", config.severity.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func slack(_ config: SlackConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("api_url_file", YAMLTree.string(config.apiURLFile)),
      ("channel", YAMLTree.string(config.channel)),
      ("title", config.title.map(YAMLTree.string)),
      ("text", config.text.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func webhook(_ config: WebhookConfig) -> Node {
    let httpConfig: Node? =
      switch config.authorization {
      case .basic(let username, let passwordFile):
        YAMLTree.mapping([
          (
            "basic_auth",
            YAMLTree.mapping([
              ("username", YAMLTree.string(username)), ("password_file", YAMLTree.string(passwordFile)),
            ])
          )
        ])
      case .bearer(let file):
        YAMLTree.mapping([
          (
            "authorization",
            YAMLTree.mapping([("type", YAMLTree.string("Bearer")), ("credentials_file", YAMLTree.string(file))])
          )
        ])
      case nil: nil
      }
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("url", YAMLTree.string(config.url)),
      ("http_config", httpConfig),
      ("max_alerts", config.maxAlerts.map(YAMLTree.int)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func matchers(_ matchers: [LabelMatcher]) -> Node? {
    matchers.isEmpty ? nil : YAMLTree.strings(matchers.map(\.text))
  }

  private static func duration(_ duration: PromDuration) -> Node { YAMLTree.string(duration.text) }
}
