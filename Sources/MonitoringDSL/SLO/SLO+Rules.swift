extension SLO {
  /// Its rule group, `slo-<name>`: the error ratio over every window an alert reads and over the
  /// period, the budget left, then one alert per pair of windows. Recordings come first, so an
  /// alert reads ratios of the same evaluation. Every recording and alert carries the tests that
  /// prove it (see ``BurnScenario``).
  public var ruleGroup: RuleGroup {
    let scenario = BurnScenario(slo: self)
    var rules: [Rule] = alertWindows.enumerated().map { index, window in
      let record = RecordingRule(Self.ratioName(over: window), expr: indicator.errorRatio(over: window)).labels(labels)
      return .record(index == 0 ? record.test(scenario.ratioTest(expect: scenario.constantRatio)) : record)
    }
    rules += [.record(periodRatio), .record(budgetRemaining)] + windows.map { .alert(alert(for: $0)) }
    let group = RuleGroup("slo-\(name)", interval: interval) { rules }
    return group.with { $0.slo = self }
  }

  /// The error ratio over the period: the mean of the shortest window's recording (Sloth's way; a
  /// rate over 30 days of raw samples would read them all every evaluation).
  var periodRatio: RecordingRule {
    let shortest = alertWindows.first ?? "5m"
    let expr = PromQL.call("avg_over_time", [.range(recordedRatio(over: shortest), window: .duration(period), step: nil)])
    let record = RecordingRule(periodRatioName, expr: expr).labels(labels)
    let scenario = BurnScenario(slo: self)
    return record.test(scenario.ratioTest(expect: scenario.constantRatio))
  }

  /// The share of the period's error budget still unspent (negative when overspent).
  var budgetRemaining: RecordingRule {
    let spent = recordedRatio(over: period).dividedBy(.number(errorBudget))
    let record = RecordingRule(Self.budgetRemainingName, expr: PromQL.number(1).minus(spent)).labels(labels)
    let scenario = BurnScenario(slo: self)
    return record.test(scenario.ratioTest(expect: 1 - scenario.constantRatio / errorBudget))
  }

  /// `ratio over long > factor × budget and ratio over short > factor × budget`, for `window.hold`.
  /// Its Grafana uid (with Grafana-managed alerting) is `<service>-<name>-burn<long window>`, which
  /// stays within Grafana's 40 characters where `<alert name>-<severity>` often would not.
  public func alert(for window: BurnRateWindow) -> AlertRule {
    let factor = window.factor(period: period)
    let threshold = threshold(for: window)
    let expr = recordedRatio(over: window.long).greaterThan(threshold)
      .and(recordedRatio(over: window.short).greaterThan(threshold))
    let factorText = NumberText.format(factor)
    let objectiveText = NumberText.format(objective)
    let pages = window.severity == .critical
    let scenario = BurnScenario(slo: self)
    var alert = AlertRule(alertName(for: window), expr: expr, for: window.hold, severity: window.severity)
      .summary("The error budget of an SLO burns \(factorText)× as fast as its objective allows.")
      .description(
        "{{ $labels.service }} {{ $labels.slo }} (\(objectiveText) % over \(period.text)) spends its error budget \(factorText)× as fast as it may over \(window.long.text) and \(window.short.text): at this rate it is gone in \(exhaustion(factor))."
      )
      .test(scenario.firesTest(for: window))
      .staysQuiet(scenario.quietTest(for: window))
      .grafanaUID("\(service)-\(name)-burn\(window.long.text)")
    if let receiver = pages ? pageReceiver : ticketReceiver { alert = alert.routesTo(receiver) }
    if let runbookURL { alert = alert.runbook(runbookURL) }
    return alert
  }

  /// The error ratio above which a window pair's alert fires: `factor × budget`.
  public func threshold(for window: BurnRateWindow) -> Double { Self.rounded(window.factor(period: period) * errorBudget) }

  /// How long the whole budget lasts at `factor`× the objective's rate: `period ÷ factor`.
  private func exhaustion(_ factor: Double) -> String {
    guard let period = period.milliseconds, factor > 0 else { return "never" }
    let minutes = (Double(period) / factor / 60_000).rounded()
    return PromDuration(milliseconds: Int(minutes) * 60_000).text
  }
}
