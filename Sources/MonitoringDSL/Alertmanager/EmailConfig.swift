/// An email receiver integration (`email_configs`). The sender, SMTP server and login default to the
/// config's ``SMTPSettings``; the password is only ever read from a file.
/// ```swift
/// EmailConfig(to: "oncall@example.org")
/// EmailConfig(to: "db@example.org")
///   .smarthost("smtp.internal:587")
///   .auth(username: "alertmanager", passwordFile: "/etc/alertmanager/secrets/smtp")
///   .sendResolved()
/// ```
public struct EmailConfig: Hashable, Sendable, RawJSONCarrying {
  public var to: String
  /// Notify when the alerts resolve too (Alertmanager's default for email: false).
  public var sendResolved = false
  public var from: String?
  /// `host:port` of the SMTP server.
  public var smarthost: String?
  public var authUsername: String?
  public var authPasswordFile: String?
  public var requireTLS: Bool?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(to: String) { self.to = to }

  public func sendResolved(_ send: Bool = true) -> EmailConfig { with { $0.sendResolved = send } }
  public func from(_ address: String) -> EmailConfig { with { $0.from = address } }
  public func smarthost(_ hostAndPort: String) -> EmailConfig { with { $0.smarthost = hostAndPort } }
  /// SMTP login whose password Alertmanager reads from a file (`auth_password_file`).
  public func auth(username: String, passwordFile: String) -> EmailConfig {
    with {
      $0.authUsername = username
      $0.authPasswordFile = passwordFile
    }
  }
  public func requireTLS(_ require: Bool) -> EmailConfig { with { $0.requireTLS = require } }
}
