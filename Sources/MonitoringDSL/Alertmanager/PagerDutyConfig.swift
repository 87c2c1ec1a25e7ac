/// A PagerDuty receiver integration (`pagerduty_configs`, Events API v2). The integration's routing
/// key is a secret, so Alertmanager reads it from a file (`routing_key_file`).
/// ```swift
/// PagerDutyConfig(routingKeyFile: "/etc/alertmanager/secrets/pagerduty")
///   .severity("critical")
/// ```
public struct PagerDutyConfig: Hashable, Sendable, RawJSONCarrying {
  public var routingKeyFile: String
  /// Notify when the alerts resolve too (Alertmanager's default for PagerDuty: true).
  public var sendResolved = true
  /// Go templates; `nil` keeps Alertmanager's default text.
  public var severity: String?
  public var description: String?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(routingKeyFile: String) { self.routingKeyFile = routingKeyFile }

  public func sendResolved(_ send: Bool = true) -> PagerDutyConfig { with { $0.sendResolved = send } }
  public func severity(_ template: String) -> PagerDutyConfig { with { $0.severity = template } }
  public func description(_ template: String) -> PagerDutyConfig { with { $0.description = template } }
}
