/// A webhook receiver integration (`webhook_configs`): Alertmanager POSTs the alert group as JSON.
///
/// The URL is written as is, so it must not be secret (an internal service); its credentials come
/// from files. Alertmanager 0.25 has no `url_file` for webhooks.
/// ```swift
/// WebhookConfig(url: "http://alert-router:8080/alerts")
///   .bearerToken(file: "/etc/alertmanager/secrets/router-token")
///   .maxAlerts(20)
/// ```
public struct WebhookConfig: Hashable, Sendable, RawJSONCarrying {
  /// How Alertmanager authenticates to the webhook. Secrets always come from files.
  public enum Authorization: Hashable, Sendable {
    case basic(username: String, passwordFile: String)
    case bearer(credentialsFile: String)
  }

  public var url: String
  /// Notify when the alerts resolve too (Alertmanager's default for webhooks: true).
  public var sendResolved = true
  /// At most this many alerts per message; `nil` or 0 sends them all.
  public var maxAlerts: Int?
  public var authorization: Authorization?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(url: String) { self.url = url }

  public func sendResolved(_ send: Bool = true) -> WebhookConfig { with { $0.sendResolved = send } }
  public func maxAlerts(_ count: Int) -> WebhookConfig { with { $0.maxAlerts = count } }
  /// Basic auth whose password Alertmanager reads from a file (`http_config.basic_auth.password_file`).
  public func basicAuth(username: String, passwordFile: String) -> WebhookConfig {
    with { $0.authorization = .basic(username: username, passwordFile: passwordFile) }
  }
  /// A bearer token that Alertmanager reads from a file (`http_config.authorization.credentials_file`).
  public func bearerToken(file: String) -> WebhookConfig {
    with { $0.authorization = .bearer(credentialsFile: file) }
  }
}
