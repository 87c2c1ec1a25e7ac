// MARK: - Selecting from the catalogue

extension Metric.Definition {
  func selector(_ matchers: [LabelMatcher], suffix: String = "") -> PromQL {
    .selector(name: name + suffix, matchers: matchers, metric: self)
  }
}

extension Metric.Counter {
  public var name: String { definition.name }
  /// `rate(name{matchers}[window])`: per-second rate.
  /// ```swift
  /// App.messages.rate("5m", [.equal("job", "websocket-app")])
  /// ```
  public func rate(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("rate", [.range(definition.selector(matchers), window: window, step: nil)])
  }
  /// `irate(…)`: the rate between the last two samples.
  public func irate(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("irate", [.range(definition.selector(matchers), window: window, step: nil)])
  }
  /// `increase(…)`: the increase over the window.
  public func increase(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("increase", [.range(definition.selector(matchers), window: window, step: nil)])
  }
  /// The raw counter. Only for `absent`, `changes` or presence checks: alerting on it is a diagnostic.
  public func selector(_ matchers: [LabelMatcher] = []) -> PromQL { definition.selector(matchers) }
}

extension Metric.Gauge {
  public var name: String { definition.name }
  /// `name{matchers}`.
  /// ```swift
  /// App.activeConnections.select([.equal("job", "websocket-app")]).sum(by: ["job"])
  /// ```
  public func select(_ matchers: [LabelMatcher] = []) -> PromQL { definition.selector(matchers) }
  /// `<op>_over_time(name{matchers}[window])`, e.g. `.overTime(.max, "10m")`.
  public func overTime(_ function: AggregationOperator, _ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("\(function.rawValue)_over_time", [.range(definition.selector(matchers), window: window, step: nil)])
  }
  /// `changes(name{matchers}[window])`: how often the value changed, e.g. restarts from a start time.
  public func changes(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("changes", [.range(definition.selector(matchers), window: window, step: nil)])
  }
}

extension Metric.Histogram {
  public var name: String { definition.name }
  /// `histogram_quantile(q, sum by (le, …) (rate(name_bucket{matchers}[window])))`, `le` always kept.
  /// ```swift
  /// App.shutdown.quantile(0.95, over: "1h", by: ["job"])
  /// ```
  public func quantile(
    _ quantile: Double, over window: PromWindow, by labels: [String] = [], _ matchers: [LabelMatcher] = []
  ) -> PromQL {
    let buckets = PromQL.call("rate", [.range(definition.selector(matchers, suffix: "_bucket"), window: window, step: nil)])
    return .call("histogram_quantile", [.number(quantile), buckets.sum(by: ["le"] + labels.filter { $0 != "le" })])
  }
  /// The per-bucket increase, for heatmaps and bar gauges (`sum by (le) (increase(name_bucket[window]))`).
  public func bucketIncrease(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    PromQL.call("increase", [.range(definition.selector(matchers, suffix: "_bucket"), window: window, step: nil)]).sum(by: ["le"])
  }
  /// `rate(name_count[window])`: observations per second.
  public func countRate(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("rate", [.range(definition.selector(matchers, suffix: "_count"), window: window, step: nil)])
  }
  /// `rate(name_sum[window])`.
  public func sumRate(_ window: PromWindow, _ matchers: [LabelMatcher] = []) -> PromQL {
    .call("rate", [.range(definition.selector(matchers, suffix: "_sum"), window: window, step: nil)])
  }
}

extension Metric.Summary {
  public var name: String { definition.name }
  /// The precomputed quantile series, `name{quantile="0.99"}`.
  public func quantile(_ quantile: Double, _ matchers: [LabelMatcher] = []) -> PromQL {
    definition.selector([.equal("quantile", NumberText.format(quantile))] + matchers)
  }
}

/// `absent(selector)`: one series with the selector's equality labels when nothing matches.
/// ```swift
/// absent(.selector(name: "up", matchers: [.equal("job", "websocket-app")], metric: nil))
/// ```
public func absent(_ selector: PromQL) -> PromQL { .call("absent", [selector]) }

/// `up{matchers}`: Prometheus' own scrape health series.
public func up(_ matchers: [LabelMatcher] = []) -> PromQL { .selector(name: "up", matchers: matchers, metric: nil) }
