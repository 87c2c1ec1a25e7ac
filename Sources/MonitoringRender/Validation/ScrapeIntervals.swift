import MonitoringDSL

/// How often the catalog's Prometheus configs scrape each job, in milliseconds: what rate ranges,
/// `absent()` alerts and SLO budgets are measured against.
struct ScrapeIntervals {
  private var byJob: [String: Int] = [:]
  /// The first config's global interval, for selectors without a `job` matcher.
  private(set) var fallback: Int?

  init(_ configs: [PrometheusConfig]) {
    for config in configs {
      if fallback == nil { fallback = config.scrapeInterval.milliseconds }
      for job in config.jobs { byJob[job.name] = (job.interval ?? config.scrapeInterval).milliseconds }
    }
  }

  /// The job's interval, or the fallback when the job is not scraped here (or not named).
  func milliseconds(job: String?) -> Int? { job.flatMap { byJob[$0] } ?? fallback }
}
