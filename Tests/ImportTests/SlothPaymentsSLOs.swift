// Imported by `gen import sloth` from sloth-payments.yml.
// The SLIs are typed on the metrics their queries select (add their help in Metrics); what the DSL has no place for is in the notes.
// note: Sloth's rules map onto the spec's: the recordings slo:sli_error:ratio_rate<window> are the same, their labels sloth_service and sloth_slo become service and slo (sloth_id, sloth_window and the metadata recordings are not written); Sloth's page alert (and its ticket alert) is one alert over two window pairs, where the spec writes one alert per pair (<prefix>BudgetBurn1h and …6h page, …1d and …3d open tickets); the period is Sloth's default, 30d, and the windows and burn rates are Sloth's defaults (the SRE workbook's)
// warning: labels (owner=payments-team): the service's labels are not carried over; the SLOs' recordings and alerts carry service and slo only
// warning: slos[0] "requests-errors": the grouping of sum by (instance) is dropped: the SLI sums over all the service's series
// warning: slos[0] "requests-errors": labels (category=availability) are not carried over; its recordings and alerts carry service and slo only
// warning: slos[0] "requests-errors" › alerting.labels (category=availability): not carried over; its alerts carry severity, service and slo
// warning: slos[0] "requests-errors" › alerting.annotations: summary not carried over; the spec writes each alert's summary and description
// warning: slos[0] "requests-errors" › alerting.page_alert: unknown key "annotation" (did you mean "annotations"?): not part of a Sloth prometheus/v1 spec; dropped
// warning: slos[0] "requests-errors" › alerting.page_alert.labels.routing_key "payments-pager" became .pages(to: "payments-pager"): it must be the name of a receiver of the Alertmanager config
// warning: slos[0] "requests-errors" › alerting.page_alert.labels.severity "pageteam" is not carried over: the spec's page alerts have severity critical
// warning: slos[0] "requests-errors" › alerting.ticket_alert.labels.severity "slack" is not carried over: the spec's ticket alerts have severity warning
// warning: slos[0] "requests-errors" › alerting.ticket_alert.labels (slack_channel=#payments): not carried over
// warning: not imported: sloth-payments.yml: slos[1] "requests-availability" › sli.raw: a raw error-ratio query cannot be typed; write the SLI with SLI.errors(…), .successes(…), .latency(…) or .availability(…)
public import MonitoringDSL

/// The SLOs of sloth-payments.yml (Sloth, service "payments").
public enum SlothPaymentsSLOs {
  public static var ruleFile: RuleFile {
    RuleFile("payments-slo.rules.yml") {
      requestsErrors
    }
  }

  /// Payment requests answered without a server error.
  public static let requestsErrors = SLO(
    "requests-errors", service: "payments", objective: 99.9,
    indicator: .errors(
      Metrics.httpRequestsTotal.events([.equal("job", "payments"), .regex("code", "500|502|503")]),
      of: Metrics.httpRequestsTotal.events([.equal("job", "payments")]))
  )
  .alertPrefix("PaymentsErrors")
  .pages(to: "payments-pager")
  .runbook("https://runbooks.example.com/payments#errors")
  .testLabels(["code": "500"])

  /// The metrics the queries select, their kinds inferred from use (rated or `_total`: counter; with
  /// `_bucket` series: histogram; else gauge). Add help, labels and buckets to have them checked.
  enum Metrics {
    static let httpRequestsTotal = Metric.Counter("http_requests_total", help: "")
  }
}
