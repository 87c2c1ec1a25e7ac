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
      ("route", config.route.map { route($0) }),
      ("inhibit_rules", config.inhibitRules.isEmpty ? nil : YAMLTree.sequence(config.inhibitRules.map(inhibitRule))),
      ("receivers", YAMLTree.sequence(config.receivers.map(receiver))),
      ("templates", config.templates.isEmpty ? nil : YAMLTree.strings(config.templates)),
      ("time_intervals", config.timeIntervals.isEmpty ? nil : YAMLTree.sequence(config.timeIntervals.map(timeIntervals))),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  /// How a route's matchers are written: Alertmanager's `matchers` text, or Grafana's
  /// `object_matchers` (`[label, op, value]` triples; the policy tree's preferred form).
  enum MatcherStyle {
    case text, objects
  }

  /// A route and its children, also the shape of a Grafana notification policy.
  static func route(_ route: Route, matchers style: MatcherStyle = .text) -> Node {
    let matchers: (String, Node?) =
      switch style {
      case .text: ("matchers", matchers(route.matchers))
      case .objects:
        ("object_matchers", route.matchers.isEmpty ? nil : YAMLTree.sequence(route.matchers.map { YAMLTree.strings([$0.label, $0.op.rawValue, $0.value]) }))
      }
    let lowered = YAMLTree.mapping([
      ("receiver", route.receiver.map(YAMLTree.string)),
      ("group_by", route.groupBy.map(YAMLTree.strings)),
      ("continue", route.continues ? YAMLTree.bool(true) : nil),
      matchers,
      ("group_wait", route.groupWait.map(duration)),
      ("group_interval", route.groupInterval.map(duration)),
      ("repeat_interval", route.repeatInterval.map(duration)),
      ("mute_time_intervals", route.muteTimeIntervals.isEmpty ? nil : YAMLTree.strings(route.muteTimeIntervals)),
      ("active_time_intervals", route.activeTimeIntervals.isEmpty ? nil : YAMLTree.strings(route.activeTimeIntervals)),
      ("routes", route.routes.isEmpty ? nil : YAMLTree.sequence(route.routes.map { Self.route($0, matchers: style) })),
    ])
    return YAMLTree.patched(lowered, with: route)
  }

  /// A named set of time periods; also the shape of a Grafana mute timing.
  static func timeIntervals(_ intervals: TimeIntervals) -> Node {
    let lowered = YAMLTree.mapping([
      ("name", YAMLTree.string(intervals.name)),
      ("time_intervals", YAMLTree.sequence(intervals.periods.map(timePeriod))),
    ])
    return YAMLTree.patched(lowered, with: intervals)
  }

  private static func timePeriod(_ period: TimePeriod) -> Node {
    func list(_ values: [String]) -> Node? { values.isEmpty ? nil : YAMLTree.strings(values) }
    let times = period.times.map {
      YAMLTree.mapping([("start_time", YAMLTree.string($0.start)), ("end_time", YAMLTree.string($0.end))])
    }
    return YAMLTree.mapping([
      ("times", times.isEmpty ? nil : YAMLTree.sequence(times)),
      ("weekdays", list(period.weekdays)),
      ("days_of_month", list(period.daysOfMonth)),
      ("months", list(period.months)),
      ("years", list(period.years)),
      ("location", period.location.map(YAMLTree.string)),
    ])
  }

  private static func inhibitRule(_ rule: InhibitRule) -> Node {
    YAMLTree.mapping([
      ("source_matchers", matchers(rule.sourceMatchers)),
      ("target_matchers", matchers(rule.targetMatchers)),
      ("equal", rule.equal.isEmpty ? nil : YAMLTree.strings(rule.equal)),
    ])
  }

  private static func receiver(_ receiver: Receiver) -> Node {
    var lists: [String: [Node]] = [:]
    for integration in receiver.integrations {
      let node =
        switch integration {
        case .email(let config): email(config)
        case .pagerDuty(let config): pagerDuty(config)
        case .slack(let config): slack(config)
        case .webhook(let config): webhook(config)
        case .opsGenie(let config): opsGenie(config)
        case .victorOps(let config): victorOps(config)
        case .sns(let config): sns(config)
        case .webex(let config): webex(config)
        case .pushover(let config): pushover(config)
        case .telegram(let config): telegram(config)
        case .weChat(let config): weChat(config)
        case .discord(let config): discord(config)
        }
      lists[integration.fileKey, default: []].append(node)
    }
    let keys = [
      "discord_configs", "email_configs", "pagerduty_configs", "slack_configs", "webhook_configs", "opsgenie_configs",
      "wechat_configs", "pushover_configs", "victorops_configs", "sns_configs", "telegram_configs", "webex_configs",
    ]
    let lowered = YAMLTree.mapping([("name", YAMLTree.string(receiver.name))] + keys.map { ($0, lists[$0].map(YAMLTree.sequence)) })
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

  private static func opsGenie(_ config: OpsGenieConfig) -> Node {
    let responders = config.responders.map {
      YAMLTree.mapping([("name", YAMLTree.string($0.name)), ("type", YAMLTree.string($0.type))])
    }
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("api_key_file", YAMLTree.string(config.apiKeyFile)),
      ("api_url", config.apiURL.map(YAMLTree.string)),
      ("message", config.message.map(YAMLTree.string)),
      ("description", config.description.map(YAMLTree.string)),
      ("responders", responders.isEmpty ? nil : YAMLTree.sequence(responders)),
      ("tags", config.tags.map(YAMLTree.string)),
      ("priority", config.priority.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func victorOps(_ config: VictorOpsConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("api_key_file", YAMLTree.string(config.apiKeyFile)),
      ("routing_key", YAMLTree.string(config.routingKey)),
      ("message_type", config.messageType.map(YAMLTree.string)),
      ("state_message", config.stateMessage.map(YAMLTree.string)),
      ("entity_display_name", config.entityDisplayName.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func sns(_ config: SNSConfig) -> Node {
    let sigv4: Node? =
      config.region == nil && config.roleARN == nil
      ? nil
      : YAMLTree.mapping([
        ("region", config.region.map(YAMLTree.string)), ("role_arn", config.roleARN.map(YAMLTree.string)),
      ])
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("sigv4", sigv4),
      ("topic_arn", YAMLTree.string(config.topicARN)),
      ("subject", config.subject.map(YAMLTree.string)),
      ("message", config.message.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func webex(_ config: WebexConfig) -> Node {
    let authorization = YAMLTree.mapping([
      ("type", YAMLTree.string("Bearer")), ("credentials_file", YAMLTree.string(config.credentialsFile)),
    ])
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("http_config", YAMLTree.mapping([("authorization", authorization)])),
      ("room_id", YAMLTree.string(config.roomID)),
      ("message", config.message.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  // The four below name a `*_file` field Alertmanager 0.25 does not have; validation refuses them
  // for a target older than the field (AlertmanagerVersion).
  private static func pushover(_ config: PushoverConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("user_key_file", YAMLTree.string(config.userKeyFile)),
      ("token_file", YAMLTree.string(config.tokenFile)),
      ("title", config.title.map(YAMLTree.string)),
      ("priority", config.priority.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func telegram(_ config: TelegramConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("bot_token_file", YAMLTree.string(config.botTokenFile)),
      ("chat_id", YAMLTree.int(Int(config.chatID))),
      ("message", config.message.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func weChat(_ config: WeChatConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("api_secret_file", YAMLTree.string(config.apiSecretFile)),
      ("corp_id", YAMLTree.string(config.corpID)),
      ("message", config.message.map(YAMLTree.string)),
      ("agent_id", config.agentID.map(YAMLTree.string)),
      ("to_user", YAMLTree.string(config.toUser)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func discord(_ config: DiscordConfig) -> Node {
    let lowered = YAMLTree.mapping([
      ("send_resolved", YAMLTree.bool(config.sendResolved)),
      ("webhook_url_file", YAMLTree.string(config.webhookURLFile)),
      ("title", config.title.map(YAMLTree.string)),
      ("message", config.message.map(YAMLTree.string)),
    ])
    return YAMLTree.patched(lowered, with: config)
  }

  private static func matchers(_ matchers: [LabelMatcher]) -> Node? {
    matchers.isEmpty ? nil : YAMLTree.strings(matchers.map(\.text))
  }

  private static func duration(_ duration: PromDuration) -> Node { YAMLTree.string(duration.text) }
}
