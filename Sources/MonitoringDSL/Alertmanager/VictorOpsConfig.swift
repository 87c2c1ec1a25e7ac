/// A VictorOps (Splunk On-Call) receiver integration (`victorops_configs`). The API key is a secret,
/// so Alertmanager reads it from a file (`api_key_file`, Alertmanager 0.25).
/// ```swift
/// VictorOpsConfig(apiKeyFile: "/etc/alertmanager/secrets/victorops", routingKey: "ops")
///   .messageType("CRITICAL")
/// ```
public struct VictorOpsConfig: Hashable, Sendable, RawJSONCarrying {
  public var apiKeyFile: String
  /// The VictorOps routing key of the team to notify (not a secret).
  public var routingKey: String
  /// Notify when the alerts resolve too (Alertmanager's default for VictorOps: true).
  public var sendResolved = true
  /// `CRITICAL`, `WARNING`, `INFO`, or a template; `nil` keeps Alertmanager's `CRITICAL`.
  public var messageType: String?
  /// Go templates; `nil` keeps Alertmanager's default text.
  public var entityDisplayName: String?
  public var stateMessage: String?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(apiKeyFile: String, routingKey: String) {
    self.apiKeyFile = apiKeyFile
    self.routingKey = routingKey
  }

  public func sendResolved(_ send: Bool = true) -> VictorOpsConfig { with { $0.sendResolved = send } }
  public func messageType(_ type: String) -> VictorOpsConfig { with { $0.messageType = type } }
  public func entityDisplayName(_ template: String) -> VictorOpsConfig { with { $0.entityDisplayName = template } }
  public func stateMessage(_ template: String) -> VictorOpsConfig { with { $0.stateMessage = template } }
}
