// Receivers whose secret Alertmanager 0.25 reads only as plain text. The DSL writes no secret, so
// these take the secret as a file, the form later Alertmanagers read, and validation refuses them
// while the config's target (``AlertmanagerVersion``) predates the `*_file` field: the diagnostic
// names the field and the version that has it.

/// A Pushover receiver integration (`pushover_configs`). Its user key and token are secrets that
/// Alertmanager 0.25 reads only as plain text (`user_key_file`/`token_file` came in 0.26): the
/// config is refused while its target is older.
/// ```swift
/// PushoverConfig(userKeyFile: "/etc/alertmanager/secrets/pushover-user", tokenFile: "/etc/alertmanager/secrets/pushover-token")
/// ```
public struct PushoverConfig: Hashable, Sendable, RawJSONCarrying {
  public var userKeyFile: String
  public var tokenFile: String
  /// Notify when the alerts resolve too (Alertmanager's default for Pushover: true).
  public var sendResolved = true
  public var title: String?
  public var priority: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(userKeyFile: String, tokenFile: String) {
    self.userKeyFile = userKeyFile
    self.tokenFile = tokenFile
  }

  public func sendResolved(_ send: Bool = true) -> PushoverConfig { with { $0.sendResolved = send } }
  public func title(_ template: String) -> PushoverConfig { with { $0.title = template } }
  public func priority(_ template: String) -> PushoverConfig { with { $0.priority = template } }
}

/// A Telegram receiver integration (`telegram_configs`). Its bot token is a secret that
/// Alertmanager 0.25 reads only as plain text (`bot_token_file` came in 0.26): refused for an older target.
/// ```swift
/// TelegramConfig(botTokenFile: "/etc/alertmanager/secrets/telegram", chatID: -1001234567890)
/// ```
public struct TelegramConfig: Hashable, Sendable, RawJSONCarrying {
  public var botTokenFile: String
  public var chatID: Int64
  /// Notify when the alerts resolve too (Alertmanager's default for Telegram: true).
  public var sendResolved = true
  public var message: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(botTokenFile: String, chatID: Int64) {
    self.botTokenFile = botTokenFile
    self.chatID = chatID
  }

  public func sendResolved(_ send: Bool = true) -> TelegramConfig { with { $0.sendResolved = send } }
  public func message(_ template: String) -> TelegramConfig { with { $0.message = template } }
}

/// A WeChat receiver integration (`wechat_configs`). Its API secret is a secret that Alertmanager
/// 0.25 reads only as plain text (`api_secret_file` came in 0.31): refused for an older target.
/// ```swift
/// WeChatConfig(apiSecretFile: "/etc/alertmanager/secrets/wechat", corpID: "ww1234", toUser: "@all")
/// ```
public struct WeChatConfig: Hashable, Sendable, RawJSONCarrying {
  public var apiSecretFile: String
  public var corpID: String
  public var toUser: String
  /// Notify when the alerts resolve too (Alertmanager's default for WeChat: false).
  public var sendResolved = false
  public var agentID: String?
  public var message: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(apiSecretFile: String, corpID: String, toUser: String) {
    self.apiSecretFile = apiSecretFile
    self.corpID = corpID
    self.toUser = toUser
  }

  public func sendResolved(_ send: Bool = true) -> WeChatConfig { with { $0.sendResolved = send } }
  public func agentID(_ id: String) -> WeChatConfig { with { $0.agentID = id } }
  public func message(_ template: String) -> WeChatConfig { with { $0.message = template } }
}

/// A Discord receiver integration (`discord_configs`, new in Alertmanager 0.25). Its webhook URL is a
/// secret that 0.25 reads only as plain text (`webhook_url_file` came in 0.27): refused for an older target.
/// ```swift
/// DiscordConfig(webhookURLFile: "/etc/alertmanager/secrets/discord")
/// ```
public struct DiscordConfig: Hashable, Sendable, RawJSONCarrying {
  public var webhookURLFile: String
  /// Notify when the alerts resolve too (Alertmanager's default for Discord: true).
  public var sendResolved = true
  public var title: String?
  public var message: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(webhookURLFile: String) { self.webhookURLFile = webhookURLFile }

  public func sendResolved(_ send: Bool = true) -> DiscordConfig { with { $0.sendResolved = send } }
  public func title(_ template: String) -> DiscordConfig { with { $0.title = template } }
  public func message(_ template: String) -> DiscordConfig { with { $0.message = template } }
}
