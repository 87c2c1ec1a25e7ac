public import MonitoringDSL
public import Yams

/// One integration of a `Receiver` as a receiver of a Grafana contact point: its `type`, its
/// `settings` (the keys of grafana/alerting `receivers/<type>/v1/config.go`) and what it cannot say.
///
/// Secrets are only ever `$__file{path}` references to the file the Alertmanager form names: the
/// Slack webhook URL, PagerDuty's integration key, OpsGenie's API key, the webhook's password or bearer
/// token, VictorOps' API key (inside its URL), Pushover's user key and token, Telegram's bot token and
/// Discord's webhook URL. Every other string goes through `GrafanaInterpolation.escaped(_:)`.
/// What Grafana cannot take is a problem, reported by validation with the integration's path:
/// SNS and Webex (not among the contact point types of Grafana's published alerting schema),
/// WeChat (Grafana has none), an email's own sender or SMTP server (Grafana sends through the
/// `[smtp]` of grafana.ini), OpsGenie's priority and tags templates, raw JSON (Alertmanager's keys).
/// ```swift
/// let slack = GrafanaIntegration(.slack(SlackConfig(channel: "#web", apiURLFile: "/etc/grafana/secrets/slack")))
/// // slack.type == "slack", slack.problems == []
/// ```
public struct GrafanaIntegration {
  /// Grafana's contact point type (`pagerduty`, `email`, …), also in diagnostic paths and uids.
  public var type: String
  /// The `settings` mapping, in the order written; `nil` values are left out.
  public var settings: [(String, Node?)] = []
  /// Whether resolved alerts are notified too (`disableResolveMessage` is its negation).
  public var sendsResolved: Bool
  /// What Grafana cannot take of this integration, one message each.
  public var problems: [String] = []

  public init(_ integration: Integration) {
    switch integration {
    case .email(let config): self.init(email: config)
    case .pagerDuty(let config): self.init(pagerDuty: config)
    case .slack(let config): self.init(slack: config)
    case .webhook(let config): self.init(webhook: config)
    case .opsGenie(let config): self.init(opsGenie: config)
    case .victorOps(let config): self.init(victorOps: config)
    case .pushover(let config): self.init(pushover: config)
    case .telegram(let config): self.init(telegram: config)
    case .discord(let config): self.init(discord: config)
    case .sns(let config):
      self.init(type: "sns", sendsResolved: config.sendResolved, hasRawJSON: false)
      problems.append("Grafana's alerting schema has no sns contact point type; route these alerts to another receiver in Grafana")
    case .webex(let config):
      self.init(type: "webex", sendsResolved: config.sendResolved, hasRawJSON: false)
      problems.append("Grafana's alerting schema has no webex contact point type; route these alerts to another receiver in Grafana")
    case .weChat(let config):
      self.init(type: "wechat", sendsResolved: config.sendResolved, hasRawJSON: false)
      problems.append("Grafana has no WeChat contact point (its wecom type is another API)")
    }
  }

  private init(type: String, sendsResolved: Bool, hasRawJSON: Bool) {
    self.type = type
    self.sendsResolved = sendsResolved
    if hasRawJSON { problems.append("raw JSON is in Alertmanager's keys; Grafana's settings cannot take it") }
  }

  // MARK: - Per type

  private init(email config: EmailConfig) {
    self.init(type: "email", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    let own: [(String, Bool)] = [
      ("from", config.from != nil), ("smarthost", config.smarthost != nil),
      ("auth", config.authUsername != nil || config.authPasswordFile != nil), ("require_tls", config.requireTLS != nil),
    ]
    for (key, isSet) in own where isSet {
      problems.append("\(key): Grafana sends email through the [smtp] settings of grafana.ini, not per contact point")
    }
    settings = [("addresses", text(config.to)), ("singleEmail", YAMLTree.bool(false))]
  }

  private init(pagerDuty config: PagerDutyConfig) {
    self.init(type: "pagerduty", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    settings = [
      ("integrationKey", secret(config.routingKeyFile, "routing_key_file")),
      ("severity", config.severity.map(text)),
      ("summary", config.description.map(text)),
    ]
  }

  private init(slack config: SlackConfig) {
    self.init(type: "slack", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    settings = [
      ("url", secret(config.apiURLFile, "api_url_file")),
      ("recipient", text(config.channel)),
      ("title", config.title.map(text)),
      ("text", config.text.map(text)),
    ]
  }

  private init(webhook config: WebhookConfig) {
    self.init(type: "webhook", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    settings = [("url", text(config.url)), ("httpMethod", YAMLTree.string("POST"))]
    switch config.authorization {
    case .basic(let username, let passwordFile):
      settings += [("username", text(username)), ("password", secret(passwordFile, "password_file"))]
    case .bearer(let file):
      settings += [("authorization_scheme", YAMLTree.string("Bearer")), ("authorization_credentials", secret(file, "credentials_file"))]
    case nil: break
    }
    settings.append(("maxAlerts", config.maxAlerts.map { YAMLTree.string(String($0)) }))
  }

  private init(opsGenie config: OpsGenieConfig) {
    self.init(type: "opsgenie", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    if config.priority != nil {
      problems.append("priority: Grafana takes OpsGenie's priority from the alert's og_priority label (overridePriority); set that label instead")
    }
    if config.tags != nil { problems.append("tags: Grafana sends the alert's labels as OpsGenie tags; it has no tags template") }
    // Alertmanager posts to api_url + "v2/alerts"; Grafana's apiUrl is that endpoint itself.
    let alertsURL = config.apiURL.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + "v2/alerts" }
    let responders = config.responders.map {
      YAMLTree.mapping([("name", text($0.name)), ("type", YAMLTree.string($0.type))])
    }
    settings = [
      ("apiKey", secret(config.apiKeyFile, "api_key_file")),
      ("apiUrl", alertsURL.map(text)),
      ("message", config.message.map(text)),
      ("description", config.description.map(text)),
      ("responders", responders.isEmpty ? nil : YAMLTree.sequence(responders)),
    ]
  }

  private init(victorOps config: VictorOpsConfig) {
    self.init(type: "victorops", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    // Alertmanager posts to its api_url + api_key + "/" + routing_key; Grafana takes that whole URL,
    // the key read from the file in the middle of it.
    let url = GrafanaInterpolation.file(config.apiKeyFile).map {
      "https://alert.victorops.com/integrations/generic/20131114/alert/\($0)/\(GrafanaInterpolation.escaped(config.routingKey))"
    }
    if url == nil { problems.append(Self.notAFile("api_key_file", config.apiKeyFile)) }
    settings = [
      ("url", url.map(YAMLTree.string)),
      ("messageType", config.messageType.map(text)),
      ("title", config.entityDisplayName.map(text)),
      ("description", config.stateMessage.map(text)),
    ]
  }

  private init(pushover config: PushoverConfig) {
    self.init(type: "pushover", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    let priority = config.priority.flatMap { Int($0) }
    if let text = config.priority, priority == nil || !(-2...2).contains(priority ?? 0) {
      problems.append("priority \"\(text)\": Grafana takes a number from -2 to 2, not a template")
    }
    settings = [
      ("userKey", secret(config.userKeyFile, "user_key_file")),
      ("apiToken", secret(config.tokenFile, "token_file")),
      ("title", config.title.map(text)),
      ("priority", priority.map { YAMLTree.string(String($0)) }),
    ]
  }

  private init(telegram config: TelegramConfig) {
    self.init(type: "telegram", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    settings = [
      ("bottoken", secret(config.botTokenFile, "bot_token_file")),
      ("chatid", YAMLTree.string(String(config.chatID))),
      ("message", config.message.map(text)),
    ]
  }

  private init(discord config: DiscordConfig) {
    self.init(type: "discord", sendsResolved: config.sendResolved, hasRawJSON: config.hasRawJSON)
    settings = [
      ("url", secret(config.webhookURLFile, "webhook_url_file")),
      ("title", config.title.map(text)),
      ("message", config.message.map(text)),
    ]
  }

  // MARK: - Values

  /// A setting Grafana interpolates, written so that it reads back as given.
  private func text(_ value: String) -> Node { YAMLTree.string(GrafanaInterpolation.escaped(value)) }

  /// A secret as a `$__file{…}` reference, or a problem when the path cannot be one.
  private mutating func secret(_ path: String, _ key: String) -> Node? {
    guard let reference = GrafanaInterpolation.file(path) else {
      problems.append(Self.notAFile(key, path))
      return nil
    }
    return YAMLTree.string(reference)
  }

  private static func notAFile(_ key: String, _ path: String) -> String {
    "\(key) \"\(path)\" cannot be read through $__file{…} (blank, or with '}' or '$'); the DSL writes no secret"
  }
}
