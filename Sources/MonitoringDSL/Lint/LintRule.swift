/// A convention `gen lint` checks, named after the rule of the tool it mirrors (grafana/dashboard-linter,
/// mixtool lint, pint) so its id reads familiar. Conventions only: what `gen` refuses as an error
/// (a rate over a gauge, a short rate range, a summary that is not a sentence, …) is not repeated here.
/// Silence one on an item of the spec, with the reason:
/// ```swift
/// Table("Firing Alerts") { Query(#"ALERTS{alertstate="firing"}"#) }
///   .lintIgnore(.targetJob, because: "shows the alerts of every job")
/// ```
public enum LintRule: String, CaseIterable, Hashable, Sendable {
  // Dashboards (grafana/dashboard-linter ids).
  case panelDatasource = "panel-datasource-rule"
  case panelUnits = "panel-units-rule"
  case panelTitleDescription = "panel-title-description-rule"
  case panelTitleUnique = "panel-title-unique-rule"
  case templateJob = "template-job-rule"
  case templateInstance = "template-instance-rule"
  case targetJob = "target-job-rule"
  case targetInstance = "target-instance-rule"
  case targetRateInterval = "target-rate-interval-rule"
  case targetCounterAgg = "target-counter-agg-rule"
  // Rules (mixtool lint and pint ids).
  case alertNameLength = "alert-name-length"
  case alertGroupNameLength = "alert-group-name-length"
  case alertGroupRuleCount = "alert-group-rule-count"
  case alertRunbook = "alerts/annotation"
  case alertComparison = "alerts/comparison"
  case recordingCounter = "promql/counter"
  // SLOs.
  case sloBudgetBelowScrape = "slo-budget-scrape"
  case sloPeriodShorterThanWindow = "slo-period-window"
  // The conventions `gen` enforces on rules written here; reported for imported rule files only.
  case alertNameCamelCase = "alert-name-camelcase"
  case alertSummaryMissing = "alert-summary-missing-rule"
  case alertSummaryTemplating = "alert-summary-templating"
  case alertSummaryStyle = "alert-summary-style"
  case alertDescriptionMissing = "alert-description-missing-rule"
  case alertDescriptionTemplating = "alert-description-templating"
  case recordingName = "record-name-convention"
  /// A `.lintIgnore` that silences nothing, or gives no reason.
  case lintIgnore = "lint-ignore"

  /// The id printed with each finding, as the original tool spells it.
  public var id: String { rawValue }

  /// What the rule asks for, and why.
  public var explanation: String {
    switch self {
    case .panelDatasource:
      "panels pick their datasource with a datasource variable rather than a fixed uid, so the dashboard works on any Prometheus (a reference to nothing, or to an unknown uid or variable, is an error)"
    case .panelUnits: "time series, stat, gauge, bar gauge and table panels set a unit, so values read as what they are"
    case .panelTitleDescription: "every panel has a description (the (i) tooltip) saying what it shows"
    case .panelTitleUnique: "panel titles, and row titles, are unique within a dashboard, so a title names one panel"
    case .templateJob: "a dashboard with PromQL queries has a `job` variable"
    case .templateInstance: "a dashboard with PromQL queries has an `instance` variable"
    case .targetJob: "every selector of a query matches job on the `$job` variable"
    case .targetInstance: "every selector of a query matches instance on the `$instance` variable"
    case .targetRateInterval: "rate() and irate() in dashboards range over $__rate_interval, which follows the zoom and the scrape interval"
    case .targetCounterAgg: "a counter in a dashboard query is wrapped in rate(), irate() or increase()"
    case .alertNameLength: "alert names are at most 40 characters"
    case .alertGroupNameLength: "rule group names are at most 40 characters"
    case .alertGroupRuleCount: "a rule group holds at most 20 rules"
    case .alertRunbook: "every alert has a runbook_url annotation (.runbook(…))"
    case .alertComparison: "an alert's expression has a condition (a comparison or absent()); without one it fires for every series"
    case .recordingCounter: "a recording rule records the rate or increase of a counter, not the raw counter"
    case .sloBudgetBelowScrape:
      "an SLO's error budget allows at least one failed scrape a day: a stricter objective is spent by a single restart"
    case .sloPeriodShorterThanWindow:
      "an SLO's period is at least as long as its longest alert window, which otherwise reads errors from outside the period"
    case .alertNameCamelCase: "alert names are CamelCase (an error in specs; reported on imported rule files)"
    case .alertSummaryMissing: "every alert has a summary (an error in specs; reported on imported rule files)"
    case .alertSummaryTemplating: "the summary is a static sentence; templates go in the description"
    case .alertSummaryStyle: "the summary starts with a capital letter and ends with a period"
    case .alertDescriptionMissing: "every alert has a description (an error in specs; reported on imported rule files)"
    case .alertDescriptionTemplating: "the description is templated ({{ $labels.… }}) to say which series fired"
    case .recordingName: "recording rule names are level:metric:operations (Prometheus' naming practice)"
    case .lintIgnore: "a .lintIgnore gives a reason and silences something on the item it is on"
    }
  }
}
