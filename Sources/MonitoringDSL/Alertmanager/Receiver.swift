/// A named Alertmanager receiver and the integrations it notifies. A receiver with no integration
/// drops the alerts routed to it; one defined but never routed to is allowed.
/// ```swift
/// Receiver("team-web") {
///   SlackConfig(channel: "#web-alerts", apiURLFile: "/etc/alertmanager/secrets/slack-web")
///   EmailConfig(to: "web@example.org")
/// }
/// ```
public struct Receiver: Hashable, Sendable, RawJSONCarrying {
  public var name: String
  public var integrations: [Integration]
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(_ name: String, @IntegrationBuilder _ integrations: () -> [Integration] = { [] }) {
    self.name = name
    self.integrations = integrations()
  }
}

/// One notification integration of a ``Receiver``. Secrets (passwords, keys, tokens, secret URLs)
/// are only ever file paths that Alertmanager reads.
/// ```swift
/// let pager = Integration.pagerDuty(PagerDutyConfig(routingKeyFile: "/etc/alertmanager/secrets/pagerduty"))
/// ```
public enum Integration: Hashable, Sendable {
  case email(EmailConfig)
  case pagerDuty(PagerDutyConfig)
  case slack(SlackConfig)
  case webhook(WebhookConfig)
  case opsGenie(OpsGenieConfig)
  case victorOps(VictorOpsConfig)
  case sns(SNSConfig)
  case webex(WebexConfig)
  case pushover(PushoverConfig)
  case telegram(TelegramConfig)
  case weChat(WeChatConfig)
  case discord(DiscordConfig)
}

/// Builds a receiver's integrations from their configs (webhook, email, Slack, PagerDuty, OpsGenie, …).
@resultBuilder public enum IntegrationBuilder: ListBuilder {
  public typealias Element = Integration
  public static func buildExpression(_ config: EmailConfig) -> ListPart<Integration> { .one(.email(config)) }
  public static func buildExpression(_ config: PagerDutyConfig) -> ListPart<Integration> { .one(.pagerDuty(config)) }
  public static func buildExpression(_ config: SlackConfig) -> ListPart<Integration> { .one(.slack(config)) }
  public static func buildExpression(_ config: WebhookConfig) -> ListPart<Integration> { .one(.webhook(config)) }
  public static func buildExpression(_ config: OpsGenieConfig) -> ListPart<Integration> { .one(.opsGenie(config)) }
  public static func buildExpression(_ config: VictorOpsConfig) -> ListPart<Integration> { .one(.victorOps(config)) }
  public static func buildExpression(_ config: SNSConfig) -> ListPart<Integration> { .one(.sns(config)) }
  public static func buildExpression(_ config: WebexConfig) -> ListPart<Integration> { .one(.webex(config)) }
  public static func buildExpression(_ config: PushoverConfig) -> ListPart<Integration> { .one(.pushover(config)) }
  public static func buildExpression(_ config: TelegramConfig) -> ListPart<Integration> { .one(.telegram(config)) }
  public static func buildExpression(_ config: WeChatConfig) -> ListPart<Integration> { .one(.weChat(config)) }
  public static func buildExpression(_ config: DiscordConfig) -> ListPart<Integration> { .one(.discord(config)) }
}

extension Integration {
  /// The receiver's list this integration goes in, as `alertmanager.yml` names it.
  /// ```swift
  /// Integration.slack(SlackConfig(channel: "#ops", apiURLFile: "/s/slack")).fileKey   // "slack_configs"
  /// ```
  public var fileKey: String {
    switch self {
    case .email: "email_configs"
    case .pagerDuty: "pagerduty_configs"
    case .slack: "slack_configs"
    case .webhook: "webhook_configs"
    case .opsGenie: "opsgenie_configs"
    case .victorOps: "victorops_configs"
    case .sns: "sns_configs"
    case .webex: "webex_configs"
    case .pushover: "pushover_configs"
    case .telegram: "telegram_configs"
    case .weChat: "wechat_configs"
    case .discord: "discord_configs"
    }
  }
}
