/// A Slack receiver integration (`slack_configs`). The incoming-webhook URL is a secret, so
/// Alertmanager reads it from a file (`api_url_file`).
/// ```swift
/// SlackConfig(channel: "#alerts", apiURLFile: "/etc/alertmanager/secrets/slack")
///   .title("{{ .CommonLabels.alertname }}")
///   .sendResolved()
/// ```
public struct SlackConfig: Hashable, Sendable, RawJSONCarrying {
  public var channel: String
  public var apiURLFile: String
  /// Notify when the alerts resolve too (Alertmanager's default for Slack: false).
  public var sendResolved = false
  /// Go templates; `nil` keeps Alertmanager's default text.
  public var title: String?
  public var text: String?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(channel: String, apiURLFile: String) {
    self.channel = channel
    self.apiURLFile = apiURLFile
  }

  public func sendResolved(_ send: Bool = true) -> SlackConfig { with { $0.sendResolved = send } }
  public func title(_ template: String) -> SlackConfig { with { $0.title = template } }
  public func text(_ template: String) -> SlackConfig { with { $0.text = template } }
}
