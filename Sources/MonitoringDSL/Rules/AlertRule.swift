/// An alerting rule. The summary is a static sentence; the description is templated; the severity
/// is required. A ``AlertTest`` makes `gen` write the promtool unit test that proves when it fires.
/// ```swift
/// AlertRule("WebSocketHighErrorRate",
///           expr: App.errors.rate("5m", job).sum(by: ["job"]).times(60).greaterThan(10),
///           for: "2m", severity: .critical)
///   .summary("WebSocket service errors are above 10 per minute.")
///   .description(#"{{ $labels.job }} has {{ printf "%.1f" $value }} errors/min."#)
///   .runbook("https://runbooks.example.com/websocket#high-error-rate")
/// ```
public struct AlertRule: Hashable, Sendable, CopyModifying {
  public var name: String
  public var expr: PromQL
  public var duration: PromDuration?
  public var keepFiringFor: PromDuration?
  public var severity: Severity
  public var labels: [String: String] = [:]
  public var summary: String = ""
  public var description: String = ""
  public var runbookURL: String?
  /// Further annotations (`dashboard_url`, …).
  public var annotations: [String: String] = [:]
  /// The receiver the alert is meant to reach in Alertmanager; checked against the routing tree.
  public var receiver: String?
  /// The rule's uid when Grafana evaluates it; `nil` derives `<name>-<severity>`.
  public var grafanaUID: String?
  public var test: AlertTest?
  /// Scenarios in which it must stay quiet.
  public var quietTests: [QuietTest] = []
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []

  public init(_ name: String, expr: PromQL, for duration: PromDuration? = nil, severity: Severity) {
    self.name = name
    self.expr = expr
    self.duration = duration
    self.severity = severity
  }

  public func summary(_ text: String) -> AlertRule { with { $0.summary = text } }
  /// A Go template: `{{ $labels.job }}`, `{{ $value }}`, `{{ printf "%.2f" $value }}`.
  public func description(_ template: String) -> AlertRule { with { $0.description = template } }
  public func runbook(_ url: String) -> AlertRule { with { $0.runbookURL = url } }
  public func labels(_ labels: [String: String]) -> AlertRule { with { $0.labels = labels } }
  public func annotation(_ name: String, _ value: String) -> AlertRule { with { $0.annotations[name] = value } }
  /// Keeps the alert firing this long after the condition clears (Prometheus ≥ 2.42).
  public func keepFiringFor(_ duration: PromDuration) -> AlertRule { with { $0.keepFiringFor = duration } }
  public func routesTo(_ receiver: String) -> AlertRule { with { $0.receiver = receiver } }
  /// The uid of the rule in Grafana-managed alerting (1…40 of `a-z A-Z 0-9 - _`), when the derived
  /// `<name>-<severity>` does not fit.
  /// ```swift
  /// AlertRule("WebSocketMessageProcessingLatencyHigh", expr: latency.greaterThan(0.5), severity: .warning)
  ///   .grafanaUID("websocket-latency-warning")
  /// ```
  public func grafanaUID(_ uid: String) -> AlertRule { with { $0.grafanaUID = uid } }
  public func test(_ test: AlertTest) -> AlertRule { with { $0.test = test } }
  /// A scenario in which the alert must not fire at any of the test's times.
  public func staysQuiet(_ test: QuietTest) -> AlertRule { with { $0.quietTests.append(test) } }

  /// All labels the rule attaches, `severity` included.
  public var allLabels: [String: String] { labels.merging(["severity": severity.rawValue]) { _, severity in severity } }
}
