/// One pair of windows of the multi-window, multi-burn-rate method (Google's SRE workbook, "Alerting
/// on SLOs"): alert when both the long and the short window burn the error budget `factor` times as
/// fast as the objective allows, the short one so that the alert stops soon after the burn does.
/// The factor is the share of the whole period's budget the long window may consume:
/// `budgetConsumed × period ÷ long` (2 % of 30 days in 1 hour is 14.4×).
/// ```swift
/// BurnRateWindow.workbook[0].factor(period: "30d")   // 14.4
/// ```
public struct BurnRateWindow: Hashable, Sendable {
  public var long: PromDuration
  public var short: PromDuration
  /// The share of the period's error budget the long window consumes at the alert's threshold.
  public var budgetConsumed: Double
  /// How long both windows must stay above the threshold before the alert fires.
  public var hold: PromDuration
  public var severity: Severity

  public init(long: PromDuration, short: PromDuration, budgetConsumed: Double, for hold: PromDuration, severity: Severity) {
    self.long = long
    self.short = short
    self.budgetConsumed = budgetConsumed
    self.hold = hold
    self.severity = severity
  }

  /// The workbook's table for a 30-day objective: page on 2 % of the budget in 1h (and 5m) and on
  /// 5 % in 6h (and 30m), open a ticket on 10 % in 1d (and 2h) and on 10 % in 3d (and 6h). Other
  /// periods keep the windows and scale the factors, as Sloth does. The `for`s ride out a
  /// single bad evaluation and still page within minutes of a fast burn.
  public static let workbook: [BurnRateWindow] = [
    BurnRateWindow(long: "1h", short: "5m", budgetConsumed: 0.02, for: "2m", severity: .critical),
    BurnRateWindow(long: "6h", short: "30m", budgetConsumed: 0.05, for: "15m", severity: .critical),
    BurnRateWindow(long: "1d", short: "2h", budgetConsumed: 0.1, for: "1h", severity: .warning),
    BurnRateWindow(long: "3d", short: "6h", budgetConsumed: 0.1, for: "3h", severity: .warning),
  ]

  /// How many times the objective's rate of errors the windows must see: `budgetConsumed × period ÷ long`,
  /// rounded to 10 significant digits so that 14.4 prints as 14.4.
  public func factor(period: PromDuration) -> Double {
    guard let period = period.milliseconds, let long = long.milliseconds, long > 0 else { return .nan }
    return SLO.rounded(budgetConsumed * Double(period) / Double(long))
  }
}
