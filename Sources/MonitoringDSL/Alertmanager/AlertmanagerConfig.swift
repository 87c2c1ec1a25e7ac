/// An Alertmanager configuration file (`alertmanager.yml`): global settings, the routing tree,
/// inhibit rules and receivers. The body holds exactly one root ``Route`` (child routes go inside
/// it), the receivers and the inhibit rules. No secret is ever written: passwords, keys and secret
/// URLs are file paths that Alertmanager reads.
/// ```swift
/// AlertmanagerConfig("alertmanager.yml") {
///   Route(receiver: "team-web") {
///     Route(receiver: "pager", matchers: [.equal("severity", "critical")])
///   }
///   .groupBy(["alertname", "job"])
///   Receiver("team-web") { WebhookConfig(url: "http://alert-router:8080/alerts") }
///   Receiver("pager") { PagerDutyConfig(routingKeyFile: "/etc/alertmanager/secrets/pagerduty") }
///   InhibitRule.warningMutedWhileCritical()
/// }
/// .global(resolveTimeout: "5m")
/// ```
public struct AlertmanagerConfig: Hashable, Sendable, RawJSONCarrying {
  /// The file name under `generated/alertmanager/`.
  public var fileName: String
  public var resolveTimeout: PromDuration = "5m"
  public var smtp: SMTPSettings?
  /// Notification template files or globs as Alertmanager sees them (inside its container).
  public var templates: [String] = []
  /// The top-level routes of the body; a valid config has exactly one, the root.
  public var routes: [Route] = []
  public var receivers: [Receiver] = []
  public var inhibitRules: [InhibitRule] = []
  /// Named time intervals (`time_intervals:`) that routes mute or activate by name.
  public var timeIntervals: [TimeIntervals] = []
  /// The Alertmanager release the file is written for (``AlertmanagerVersion``).
  public var target: AlertmanagerVersion = .default
  /// Set on a config brought in by `gen import alertmanager`: the conventions `gen` enforces on new
  /// routing trees (every route's `group_by` set and including `alertname`) are not enforced, and its
  /// routing is not checked against the catalog's alerts (it was written for other alerts; no
  /// routes-test file is written). Every other check still applies.
  public var importedFrom: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(_ fileName: String, @AlertmanagerBuilder _ items: () -> [AlertmanagerItem]) {
    self.fileName = fileName
    for item in items() {
      switch item {
      case .route(let route): routes.append(route)
      case .receiver(let receiver): receivers.append(receiver)
      case .inhibitRule(let rule): inhibitRules.append(rule)
      case .timeIntervals(let intervals): timeIntervals.append(intervals)
      }
    }
  }

  /// The root of the routing tree: the first top-level route.
  public var route: Route? { routes.first }

  /// How long an alert that stops being sent by Prometheus stays firing (default 5m).
  public func global(resolveTimeout: PromDuration) -> AlertmanagerConfig { with { $0.resolveTimeout = resolveTimeout } }
  public func smtp(_ settings: SMTPSettings) -> AlertmanagerConfig { with { $0.smtp = settings } }
  public func templates(_ files: [String]) -> AlertmanagerConfig { with { $0.templates = files } }
  /// The Alertmanager release the file is written for; newer ones read more secrets from files.
  /// ```swift
  /// AlertmanagerConfig("alertmanager.yml") { … }.target(.v0_27)   // Discord's webhook_url_file
  /// ```
  public func target(_ version: AlertmanagerVersion) -> AlertmanagerConfig { with { $0.target = version } }
  /// Marks a config as imported (see ``importedFrom``).
  /// ```swift
  /// AlertmanagerConfig("alertmanager.yml") { … }.imported(from: "config.yml")
  /// ```
  public func imported(from source: String) -> AlertmanagerConfig { with { $0.importedFrom = source } }
}

/// One entry of an ``AlertmanagerConfig`` body.
/// ```swift
/// let item = AlertmanagerItem.inhibitRule(.warningMutedWhileCritical())
/// ```
public enum AlertmanagerItem: Hashable, Sendable {
  case route(Route)
  case receiver(Receiver)
  case inhibitRule(InhibitRule)
  case timeIntervals(TimeIntervals)
}

/// Builds an Alertmanager config body from its root route, receivers, inhibit rules and time intervals.
@resultBuilder public enum AlertmanagerBuilder: ListBuilder {
  public typealias Element = AlertmanagerItem
  public static func buildExpression(_ route: Route) -> ListPart<AlertmanagerItem> { .one(.route(route)) }
  public static func buildExpression(_ receiver: Receiver) -> ListPart<AlertmanagerItem> { .one(.receiver(receiver)) }
  public static func buildExpression(_ receivers: [Receiver]) -> ListPart<AlertmanagerItem> { .many(receivers.map(AlertmanagerItem.receiver)) }
  public static func buildExpression(_ rule: InhibitRule) -> ListPart<AlertmanagerItem> { .one(.inhibitRule(rule)) }
  public static func buildExpression(_ intervals: TimeIntervals) -> ListPart<AlertmanagerItem> { .one(.timeIntervals(intervals)) }
}
