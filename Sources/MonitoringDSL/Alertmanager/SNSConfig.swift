/// An Amazon SNS receiver integration (`sns_configs`). Alertmanager 0.25 reads an SNS access key and
/// secret key only as plain text, so the DSL takes none: it signs with the ambient AWS credentials
/// (instance or task role, environment, shared profile), optionally assuming `roleARN`.
/// ```swift
/// SNSConfig(topicARN: "arn:aws:sns:eu-west-1:123456789012:alerts")
///   .sigV4(region: "eu-west-1", roleARN: "arn:aws:iam::123456789012:role/alertmanager")
///   .subject("{{ .CommonLabels.alertname }}")
/// ```
public struct SNSConfig: Hashable, Sendable, RawJSONCarrying {
  public var topicARN: String
  /// Notify when the alerts resolve too (Alertmanager's default for SNS: true).
  public var sendResolved = true
  public var region: String?
  public var roleARN: String?
  /// Go templates; `nil` keeps Alertmanager's default text.
  public var subject: String?
  public var message: String?

  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(topicARN: String) { self.topicARN = topicARN }

  public func sendResolved(_ send: Bool = true) -> SNSConfig { with { $0.sendResolved = send } }
  /// The region and the role to assume (`sigv4:`); the credentials stay the ambient ones.
  public func sigV4(region: String, roleARN: String? = nil) -> SNSConfig {
    with {
      $0.region = region
      $0.roleARN = roleARN
    }
  }
  public func subject(_ template: String) -> SNSConfig { with { $0.subject = template } }
  public func message(_ template: String) -> SNSConfig { with { $0.message = template } }
}
