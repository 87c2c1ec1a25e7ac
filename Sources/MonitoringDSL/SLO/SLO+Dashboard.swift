extension SLO {
  /// Its error-budget row: the SLI now, the budget left over the period, and the burn rate over each
  /// alert's long window, read from the recordings of ``ruleGroup``.
  /// ```swift
  /// Dashboard("WebSocket", uid: "websocket") {
  ///   SLOs.messageProcessing.budgetRow
  /// }
  /// ```
  public var budgetRow: Row {
    Row("Error budget: \(name)") {
      sliNow
      budgetLeft
      burnRates
    }
    .lintIgnore(.targetJob, because: "an SLO's recordings aggregate the service: they have no job label")
    .lintIgnore(.targetInstance, because: "an SLO's recordings aggregate the service's instances")
  }

  private var objectiveText: String { "\(NumberText.format(objective)) %" }

  private var sliNow: Panel {
    let shortest = alertWindows.first ?? "5m"
    return Stat("\(name): SLI (\(shortest.text))") {
      Query(PromQL.number(1).minus(recordedRatio(over: shortest)), legend: "good")
    }
    .description("The share of good events over the last \(shortest.text); the objective is \(objectiveText) over \(period.text).")
    .unit(.percentUnit)
    .decimals(2)
    .thresholds { Step(.red); Step(.green, from: objective / 100) }
    .size(width: 6, height: 8)
  }

  private var budgetLeft: Panel {
    Stat("\(name): error budget left (\(period.text))") {
      Query(.selector(name: Self.budgetRemainingName, matchers: matchers, metric: nil), legend: "left")
    }
    .description("The share of the \(period.text) error budget (\(NumberText.format(Self.rounded(100 - objective))) % of events) not yet spent; below zero it is overspent.")
    .unit(.percentUnit)
    .decimals(1)
    .thresholds { Step(.red); Step(.yellow, from: 0); Step(.green, from: 0.25) }
    .size(width: 6, height: 8)
  }

  private var burnRates: Panel {
    let pageFactor = windows.filter { $0.severity == .critical }.map { $0.factor(period: period) }.min()
    return TimeSeries("\(name): burn rate") {
      windows.map { window in
        Query(
          recordedRatio(over: window.long).dividedBy(.number(errorBudget)),
          legend: "\(window.long.text) (alerts above \(NumberText.format(window.factor(period: period)))×)")
      }
    }
    .description("How many times as fast as the objective allows each alert's long window spends the budget; 1× spends it exactly over \(period.text).")
    .unit(.short)
    .min(0)
    .thresholds { Step(.green); Step(.red, from: pageFactor ?? 1) }
    .showThresholds(.dashed)
    .size(width: 12, height: 8)
  }
}
