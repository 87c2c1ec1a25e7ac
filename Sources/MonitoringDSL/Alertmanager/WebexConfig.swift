/// A Cisco Webex receiver integration (`webex_configs`, Alertmanager 0.25). The bot token is read
/// from a file (`http_config.authorization.credentials_file`).
/// ```swift
/// WebexConfig(roomID: "Y2lzY29zcGFyazovL3VzL1JPT00v", credentialsFile: "/etc/alertmanager/secrets/webex")
///   .message("{{ .CommonAnnotations.summary }}")
/// ```
public struct WebexConfig: Hashable, Sendable, RawJSONCarrying {
  public var roomID: String
  public var credentialsFile: String
  /// Notify when the alerts resolve too (Alertmanager's default for Webex: true).
  public var sendResolved = true
  /// A Go template; `nil` keeps Alertmanager's default text.
  public var message: String?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(roomID: String, credentialsFile: String) {
    self.roomID = roomID
    self.credentialsFile = credentialsFile
  }

  public func sendResolved(_ send: Bool = true) -> WebexConfig { with { $0.sendResolved = send } }
  public func message(_ template: String) -> WebexConfig { with { $0.message = template } }
}
