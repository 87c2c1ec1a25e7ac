/// The Alertmanager release a config is written for. A receiver whose secret the target can read
/// only as plain text is a diagnostic (the DSL writes no secret); from the release that added its
/// `*_file` field on, it is written with that field.
///
/// The default is ``v0_25``, what Debian bookworm ships and CI checks with (its `amtool` rejects the
/// newer fields). The `*_file` fields came in: Pushover's `user_key_file`/`token_file` and Telegram's
/// `bot_token_file` in 0.26, Discord's `webhook_url_file` in 0.27, WeChat's `api_secret_file` in 0.31
/// (read in `config/notifiers.go` of each release).
/// ```swift
/// AlertmanagerConfig("alertmanager.yml") { … }.target(.v0_27)
/// ```
public struct AlertmanagerVersion: ReleaseVersion {
  public var major: Int
  public var minor: Int

  public init(_ major: Int, _ minor: Int) {
    self.major = major
    self.minor = minor
  }

  public static let v0_25 = AlertmanagerVersion(0, 25)
  public static let v0_26 = AlertmanagerVersion(0, 26)
  public static let v0_27 = AlertmanagerVersion(0, 27)
  public static let v0_31 = AlertmanagerVersion(0, 31)
  public static let `default` = v0_25
}
