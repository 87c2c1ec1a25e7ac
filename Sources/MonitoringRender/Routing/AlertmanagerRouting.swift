public import MonitoringDSL

/// Alertmanager's route matching, as a pure function: which receivers an alert with these labels is
/// sent to. It is what `amtool config routes test` prints, so its answers can become expectations.
///
/// The tree is walked depth first from the root. A route matches when all its matchers do (a label
/// the alert lacks has the value `""`; regular expressions are anchored at both ends); within a
/// matching route the children are tried in order, stopping after the first that matches unless it
/// has `continue`. The deepest matching routes win; a route none of whose children matched is itself
/// the match. Each match names its receiver, or inherits its parent's.
/// ```swift
/// AlertmanagerRouting.receiver(for: ["alertname": "Down", "severity": "critical"], in: config)
/// // ["pager"]
/// ```
public enum AlertmanagerRouting {
  /// The receivers, in the order of the routing tree, that an alert with `labels` goes to.
  /// ```swift
  /// AlertmanagerRouting.receiver(for: ["alertname": "Down", "severity": "critical"], in: config)
  /// ```
  public static func receiver(for labels: [String: String], in config: AlertmanagerConfig) -> [String] {
    guard let root = config.route else { return [] }
    return receivers(for: labels, under: root)
  }

  /// The same under the root route `root`: also how Grafana's Alertmanager routes through its
  /// notification policy tree, which is the same tree.
  /// ```swift
  /// AlertmanagerRouting.receivers(for: ["alertname": "Down", "grafana_folder": "Web"], under: root)
  /// ```
  public static func receivers(for labels: [String: String], under root: Route) -> [String] {
    match(root, labels, inheritedReceiver: nil) ?? []
  }

  /// Whether `matcher` matches the labels, the way Alertmanager's `labels.Matcher` does.
  /// ```swift
  /// AlertmanagerRouting.matches(.regex("team", "web|api"), ["team": "web"])   // true
  /// ```
  public static func matches(_ matcher: LabelMatcher, _ labels: [String: String]) -> Bool {
    let value = labels[matcher.label] ?? ""
    switch matcher.op {
    case .equal: return value == matcher.value
    case .notEqual: return value != matcher.value
    case .regex: return fullyMatches(matcher.value, value)
    case .notRegex: return !fullyMatches(matcher.value, value)
    }
  }

  /// Alertmanager's regular expression for a matcher value, anchored at both ends; `nil` when it
  /// does not compile.
  static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
    (try? Regex("^(?:" + pattern + ")$"))?.matchingSemantics(.unicodeScalar)
  }

  private static func fullyMatches(_ pattern: String, _ value: String) -> Bool {
    guard let regex = regex(pattern) else { return false }
    return (try? regex.wholeMatch(in: value)) != nil
  }

  /// The receivers of the deepest matching routes at or under `route`; `nil` when `route` does not match.
  private static func match(_ route: Route, _ labels: [String: String], inheritedReceiver: String?) -> [String]? {
    guard route.matchers.allSatisfy({ matches($0, labels) }) else { return nil }
    let receiver = route.receiver ?? inheritedReceiver
    var found: [String] = []
    var childMatched = false
    for child in route.routes {
      guard let receivers = match(child, labels, inheritedReceiver: receiver) else { continue }
      childMatched = true
      found += receivers
      if !child.continues { break }
    }
    if childMatched { return found }
    return receiver.map { [$0] } ?? []
  }
}
