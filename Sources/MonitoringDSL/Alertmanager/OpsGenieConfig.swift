/// An OpsGenie receiver integration (`opsgenie_configs`). The API key is a secret, so Alertmanager
/// reads it from a file (`api_key_file`, Alertmanager 0.24 and later).
/// ```swift
/// OpsGenieConfig(apiKeyFile: "/etc/alertmanager/secrets/opsgenie")
///   .priority("P1")
///   .responders([.team("ops")])
/// ```
public struct OpsGenieConfig: Hashable, Sendable, RawJSONCarrying {
  /// Who is notified: an OpsGenie team, user, escalation or schedule, by name.
  public struct Responder: Hashable, Sendable {
    public var type: String
    public var name: String
    public init(type: String, name: String) {
      self.type = type
      self.name = name
    }
    public static func team(_ name: String) -> Responder { Responder(type: "team", name: name) }
    public static func user(_ name: String) -> Responder { Responder(type: "user", name: name) }
    public static func escalation(_ name: String) -> Responder { Responder(type: "escalation", name: name) }
    public static func schedule(_ name: String) -> Responder { Responder(type: "schedule", name: name) }
  }

  public var apiKeyFile: String
  /// Notify when the alerts resolve too (Alertmanager's default for OpsGenie: true).
  public var sendResolved = true
  /// `https://api.eu.opsgenie.com/` for the EU instance; `nil` keeps Alertmanager's default.
  public var apiURL: String?
  /// Go templates; `nil` keeps Alertmanager's default text.
  public var message: String?
  public var description: String?
  /// `P1` … `P5`, or a template.
  public var priority: String?
  public var responders: [Responder] = []
  /// Comma-separated tags (a template).
  public var tags: String?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(apiKeyFile: String) { self.apiKeyFile = apiKeyFile }

  public func sendResolved(_ send: Bool = true) -> OpsGenieConfig { with { $0.sendResolved = send } }
  public func apiURL(_ url: String) -> OpsGenieConfig { with { $0.apiURL = url } }
  public func message(_ template: String) -> OpsGenieConfig { with { $0.message = template } }
  public func description(_ template: String) -> OpsGenieConfig { with { $0.description = template } }
  public func priority(_ priority: String) -> OpsGenieConfig { with { $0.priority = priority } }
  public func responders(_ responders: [Responder]) -> OpsGenieConfig { with { $0.responders = responders } }
  public func tags(_ template: String) -> OpsGenieConfig { with { $0.tags = template } }
}
