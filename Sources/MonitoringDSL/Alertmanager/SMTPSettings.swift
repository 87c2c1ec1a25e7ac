/// The global SMTP settings every ``EmailConfig`` inherits (`smtp_*` in `global:`). The password is
/// only ever read from a file (`smtp_auth_password_file`).
/// ```swift
/// SMTPSettings(from: "alertmanager@example.org", smarthost: "smtp.example.org:587")
///   .auth(username: "alertmanager", passwordFile: "/etc/alertmanager/secrets/smtp")
/// ```
public struct SMTPSettings: Hashable, Sendable, CopyModifying {
  public var from: String
  /// `host:port` of the SMTP server.
  public var smarthost: String
  /// The name sent in `EHLO`/`HELO`; `nil` keeps Alertmanager's `localhost`.
  public var hello: String?
  public var authUsername: String?
  public var authPasswordFile: String?
  /// Whether STARTTLS is required (Alertmanager's default: true).
  public var requireTLS = true

  public init(from: String, smarthost: String) {
    self.from = from
    self.smarthost = smarthost
  }

  public func hello(_ name: String) -> SMTPSettings { with { $0.hello = name } }
  /// SMTP login whose password Alertmanager reads from a file.
  public func auth(username: String, passwordFile: String) -> SMTPSettings {
    with {
      $0.authUsername = username
      $0.authPasswordFile = passwordFile
    }
  }
  public func requireTLS(_ require: Bool) -> SMTPSettings { with { $0.requireTLS = require } }
}
