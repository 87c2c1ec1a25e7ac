/// What an ``SLO`` measures, typed on the metric catalogue: its error ratio over any window is a
/// PromQL expression `gen` records once per window the burn-rate alerts read.
/// ```swift
/// SLI.errors(App.errors.events(App.job), of: App.messages.events(App.job))
/// SLI.latency(App.requestDuration, slowerThan: 0.5, App.job)   // 0.5 must be a bucket bound
/// SLI.availability(App.job)                                     // failed scrapes of `up`
/// ```
public struct SLI: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    /// Bad events over all events, both counters.
    case errorRatio(errors: Events, total: Events)
    /// Good events over all events: the error ratio is one minus it.
    case successRatio(good: Events, total: Events)
    /// Observations of a histogram above a bucket bound (`le`) over all observations.
    case latency(Metric.Definition, bound: Double, matchers: [LabelMatcher])
    /// The share of failed scrapes of the selected targets: `1 - avg_over_time(up[window])`.
    case availability(matchers: [LabelMatcher])
  }

  /// A counter series (a counter, or a histogram's `_bucket` or `_count`) with the matchers that
  /// select its events.
  public struct Events: Hashable, Sendable {
    public var metric: Metric.Definition
    /// `_bucket` or `_count` of a histogram; empty for a counter.
    public var suffix: String
    public var matchers: [LabelMatcher]

    public var seriesName: String { metric.name + suffix }

    func rate(_ window: PromDuration) -> PromQL {
      .call("rate", [.range(metric.selector(matchers, suffix: suffix), window: .duration(window), step: nil)])
    }
  }

  public var kind: Kind

  public static func errors(_ errors: Events, of total: Events) -> SLI { SLI(kind: .errorRatio(errors: errors, total: total)) }
  public static func successes(_ good: Events, of total: Events) -> SLI { SLI(kind: .successRatio(good: good, total: total)) }
  /// Observations slower than `bound` (a bucket bound of the histogram: validation checks it) are errors.
  public static func latency(_ histogram: Metric.Histogram, slowerThan bound: Double, _ matchers: [LabelMatcher] = []) -> SLI {
    SLI(kind: .latency(histogram.definition, bound: bound, matchers: matchers))
  }
  public static func availability(_ matchers: [LabelMatcher]) -> SLI { SLI(kind: .availability(matchers: matchers)) }

  /// The ratio of bad events over `window`, aggregated over the service's series (0 is perfect).
  /// ```swift
  /// SLI.errors(App.errors.events(App.job), of: App.messages.events(App.job)).errorRatio(over: "5m")
  /// // sum(rate(app_errors_total{job="websocket-app"}[5m])) / sum(rate(app_messages_total{job="websocket-app"}[5m]))
  /// ```
  public func errorRatio(over window: PromDuration) -> PromQL {
    guard let (counted, countsGood, total) = counters else {
      guard case .availability(let matchers) = kind else { preconditionFailure("an SLI without counters is on up") }
      let up = PromQL.call("avg_over_time", [.range(up(matchers), window: .duration(window), step: nil)])
      return PromQL.number(1).minus(up.avg())
    }
    let ratio = counted.rate(window).sum().dividedBy(total.rate(window).sum())
    return countsGood ? PromQL.number(1).minus(ratio) : ratio
  }

  /// The two counter series of a ratio: the counted one (good or bad events) and all events; `nil`
  /// for availability, which reads `up`. A latency objective counts the `_bucket` series at its bound.
  public var counters: (counted: Events, countsGood: Bool, total: Events)? {
    switch kind {
    case .errorRatio(let errors, let total): return (errors, false, total)
    case .successRatio(let good, let total): return (good, true, total)
    case .latency(let histogram, let bound, let matchers):
      let fast = Events(metric: histogram, suffix: "_bucket", matchers: matchers + [.equal("le", NumberText.format(bound))])
      return (fast, true, Events(metric: histogram, suffix: "_count", matchers: matchers))
    case .availability: return nil
    }
  }

  /// Every matcher of the indicator's selectors.
  public var matchers: [LabelMatcher] {
    switch kind {
    case .errorRatio(let bad, let total), .successRatio(let bad, let total): bad.matchers + total.matchers
    case .latency(_, _, let matchers), .availability(let matchers): matchers
    }
  }
}

extension Metric.Counter {
  /// This counter's events for an ``SLI``, selected by `matchers`.
  /// ```swift
  /// SLI.errors(App.errors.events(App.job), of: App.messages.events(App.job))
  /// ```
  public func events(_ matchers: [LabelMatcher] = []) -> SLI.Events { SLI.Events(metric: definition, suffix: "", matchers: matchers) }
}
