/// A service level objective: the share of events an ``SLI`` must count as good over a rolling
/// period. Put it in a ``RuleFile`` and `gen` writes its error-ratio recordings for every window its
/// multi-window, multi-burn-rate alerts read (``BurnRateWindow/workbook``), the alerts (paging and
/// ticket severities, routed like every other alert), and the promtool tests that prove each alert
/// fires just above its burn rate and stays quiet just below; ``budgetRow`` is its dashboard row.
/// ```swift
/// let messages = SLO("message-processing", service: "websocket", objective: 99.5,
///                    indicator: .errors(App.errors.events(App.job), of: App.messages.events(App.job)))
///   .pages(to: "pager").tickets(to: "team")
///   .runbook("https://runbooks.example.com/websocket#error-budget")
/// RuleFile("websocket-slo.rules.yml") { messages }
/// ```
public struct SLO: Hashable, Sendable, CopyModifying {
  /// Lowercase words joined by `-` (`message-processing`): the `slo` label of everything it records.
  public var name: String
  /// The `service` label of everything it records.
  public var service: String
  /// The share of good events, in percent (99.9).
  public var objective: Double
  /// The rolling period the objective holds over (`30d`, `28d`).
  public var period: PromDuration
  public var indicator: SLI
  public var windows: [BurnRateWindow] = BurnRateWindow.workbook
  /// The evaluation interval of its rule group (and the step of its tests).
  public var interval: PromDuration = "1m"
  /// Receivers of the paging (critical) and ticket (warning) alerts, checked against the routing tree.
  public var pageReceiver: String?
  public var ticketReceiver: String?
  public var runbookURL: String?
  /// The start of its alerts' names; `<Service><Name>` in CamelCase when not set.
  public var alertPrefix: String?
  /// Label values the generated tests give their input series where a matcher is not `=`
  /// (`code=~"5.."` needs a `code` such as `500`).
  public var testLabels: [String: String] = [:]
  /// Lint rules silenced on this SLO, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []

  public init(_ name: String, service: String, objective: Double, period: PromDuration = "30d", indicator: SLI) {
    self.name = name
    self.service = service
    self.objective = objective
    self.period = period
    self.indicator = indicator
  }

  public func pages(to receiver: String) -> SLO { with { $0.pageReceiver = receiver } }
  public func tickets(to receiver: String) -> SLO { with { $0.ticketReceiver = receiver } }
  public func runbook(_ url: String) -> SLO { with { $0.runbookURL = url } }
  public func interval(_ interval: PromDuration) -> SLO { with { $0.interval = interval } }
  /// Other burn-rate windows than the workbook's.
  public func windows(_ windows: [BurnRateWindow]) -> SLO { with { $0.windows = windows } }
  /// `WebSocketMessages` names the alerts `WebSocketMessagesBudgetBurn1h`, ….
  public func alertPrefix(_ prefix: String) -> SLO { with { $0.alertPrefix = prefix } }
  public func testLabels(_ labels: [String: String]) -> SLO { with { $0.testLabels = labels } }

  /// The share of events that may be bad: 0.001 for 99.9 %.
  public var errorBudget: Double { Self.rounded((100 - objective) / 100) }

  /// The labels of its recordings and alerts.
  public var labels: [String: String] { ["slo": name, "service": service] }
  public var matchers: [LabelMatcher] { [.equal("service", service), .equal("slo", name)] }

  /// `slo:sli_error:ratio_rate5m`, Sloth's name for the error ratio over a window.
  public static func ratioName(over window: PromDuration) -> String { "slo:sli_error:ratio_rate\(window.text)" }
  /// The error ratio over the whole period, averaged from the shortest window's recording.
  public var periodRatioName: String { Self.ratioName(over: period) }
  public static let budgetRemainingName = "slo:period_error_budget_remaining:ratio"

  /// Every window an alert reads, shortest first, each once.
  public var alertWindows: [PromDuration] {
    var seen: Set<Int> = []
    return (windows.map(\.short) + windows.map(\.long))
      .filter { seen.insert($0.milliseconds ?? -1).inserted }
      .sorted { ($0.milliseconds ?? 0) < ($1.milliseconds ?? 0) }
  }

  /// The recorded error ratio over `window`, as dashboards and alerts select it.
  public func recordedRatio(over window: PromDuration) -> PromQL {
    .selector(name: Self.ratioName(over: window), matchers: matchers, metric: nil)
  }

  /// The alert for one pair of windows: `<prefix>BudgetBurn<long>`.
  public func alertName(for window: BurnRateWindow) -> String {
    (alertPrefix ?? Self.camelCase(service) + Self.camelCase(name)) + "BudgetBurn" + window.long.text
  }

  /// `message-processing` → `MessageProcessing`.
  static func camelCase(_ words: String) -> String {
    words.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined()
  }

  /// Rounded to 12 decimals, so that sums and products of percentages print as written (0.0144, not
  /// 0.014400000000000001).
  static func rounded(_ value: Double) -> Double { (value * 1e12).rounded() / 1e12 }
}
