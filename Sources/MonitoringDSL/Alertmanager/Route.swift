/// One node of Alertmanager's routing tree. The first route of an ``AlertmanagerConfig`` is the
/// root: it names the default receiver, has no matchers and catches every alert. Child routes
/// inherit the receiver, grouping and timing they do not set.
///
/// An alert goes down the tree depth first: to the first child whose matchers all match (and on to
/// the next siblings only when that child has `.continue()`), and it is sent to the receiver of the
/// deepest routes that matched.
/// ```swift
/// Route(receiver: "team-web") {
///   Route(receiver: "pager", matchers: [.equal("severity", "critical")]).continue()
///   Route(receiver: "database", matchers: [.regex("job", "postgres|mysql")]).repeatInterval("1h")
/// }
/// .groupBy(["alertname", "job"])
/// .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")
/// ```
public struct Route: Hashable, Sendable, RawJSONCarrying {
  /// The receiver's name; `nil` inherits the parent's.
  public var receiver: String?
  /// All must match for an alert to take this route. The root route has none.
  public var matchers: [LabelMatcher]
  /// Labels that group alerts into one notification; `["..."]` groups by every label; `nil` inherits.
  public var groupBy: [String]?
  public var groupWait: PromDuration?
  public var groupInterval: PromDuration?
  public var repeatInterval: PromDuration?
  /// Whether the next sibling routes are tried after this one matched.
  public var continues = false
  /// Names of ``TimeIntervals`` during which this route sends nothing (`mute_time_intervals`).
  public var muteTimeIntervals: [String] = []
  /// Names of ``TimeIntervals`` outside which this route sends nothing (`active_time_intervals`).
  public var activeTimeIntervals: [String] = []
  public var routes: [Route]
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(receiver: String? = nil, matchers: [LabelMatcher] = [], @RouteBuilder routes: () -> [Route] = { [] }) {
    self.receiver = receiver
    self.matchers = matchers
    self.routes = routes()
  }

  /// Groups alerts by these labels; include `alertname`.
  public func groupBy(_ labels: [String]) -> Route { with { $0.groupBy = labels } }
  /// Groups by every label (`group_by: ['...']`): one notification per distinct alert.
  public func groupByAll() -> Route { with { $0.groupBy = ["..."] } }
  public func groupWait(_ duration: PromDuration) -> Route { with { $0.groupWait = duration } }
  public func groupInterval(_ duration: PromDuration) -> Route { with { $0.groupInterval = duration } }
  public func repeatInterval(_ duration: PromDuration) -> Route { with { $0.repeatInterval = duration } }
  /// The three notification timings at once.
  public func timing(groupWait: PromDuration, groupInterval: PromDuration, repeatInterval: PromDuration) -> Route {
    with {
      $0.groupWait = groupWait
      $0.groupInterval = groupInterval
      $0.repeatInterval = repeatInterval
    }
  }
  /// Keeps matching the following sibling routes after this one matched (`continue: true`).
  public func `continue`(_ continues: Bool = true) -> Route { with { $0.continues = continues } }
  /// Sends nothing during these named ``TimeIntervals`` (`mute_time_intervals`); not on the root route.
  public func muteDuring(_ intervals: [String]) -> Route { with { $0.muteTimeIntervals += intervals } }
  /// Sends only during these named ``TimeIntervals`` (`active_time_intervals`); not on the root route.
  public func activeDuring(_ intervals: [String]) -> Route { with { $0.activeTimeIntervals += intervals } }
  /// Adds child routes after the ones already given.
  public func routes(@RouteBuilder _ routes: () -> [Route]) -> Route { with { $0.routes += routes() } }
}

@resultBuilder public enum RouteBuilder: ListBuilder { public typealias Element = Route }
