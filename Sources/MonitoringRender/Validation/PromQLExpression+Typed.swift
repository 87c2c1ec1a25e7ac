package import MonitoringDSL

extension PromQLExpression {
  /// The parsed tree as the DSL's `PromQL`, its selectors resolved against the metric catalogue, so
  /// that ``PromQLValidator`` checks raw text as it checks typed expressions. What the checks do not
  /// look at is simplified: `@` is dropped, `-x` becomes `0 - x`, parentheses are the tree's shape, and
  /// `$__rate_interval` becomes ``PromWindow/rateInterval`` (another window Grafana substitutes, such as
  /// `$__interval`, stays a duration as written). `gen import` types a query by it when the tree prints
  /// back as the text it came from.
  package func typed(metrics: [String: Metric.Definition]) -> PromQL {
    switch self {
    case .number(let value): return .number(value)
    case .string(let value): return .string(value)
    case .selector(let selector): return selector.typed(metrics: metrics, range: nil)
    case .matrix(let selector, let range): return selector.typed(metrics: metrics, range: range)
    case .subquery(let inner, let range, let step, let modifiers):
      let subquery = PromQL.range(inner.typed(metrics: metrics), window: range.window, step: step.map { PromDuration($0.text) })
      return modifiers.typed(subquery)
    case .call(let name, let arguments): return .call(name, arguments.map { $0.typed(metrics: metrics) })
    case .aggregation(let op, let inner, let parameter, let grouping):
      return .aggregation(op, inner.typed(metrics: metrics), grouping: grouping, parameter: parameter?.typed(metrics: metrics))
    case .binary(let left, let op, let right, let returnBool, let matching):
      return .binary(left.typed(metrics: metrics), op, right.typed(metrics: metrics), returnBool: returnBool, matching: matching)
    case .negation(let inner): return .binary(.number(0), .subtract, inner.typed(metrics: metrics), returnBool: false, matching: nil)
    case .parenthesized(let inner): return inner.typed(metrics: metrics)
    }
  }
}

extension PromQLSelector {
  /// The catalogue metric the selector names, as `typed(metrics:)` resolves it (its name, or an equality
  /// matcher on `__name__`; none for a templated name).
  func resolvedMetric(in metrics: [String: Metric.Definition]) -> Metric.Definition? {
    guard !nameIsTemplated else { return nil }
    let name = self.name ?? matchers.first { $0.label == "__name__" && $0.op == .equal }?.value ?? ""
    return metrics[name]
  }

  fileprivate func typed(metrics: [String: Metric.Definition], range: PromQLDuration?) -> PromQL {
    var matchers = self.matchers
    var name = self.name ?? ""
    if self.name == nil, let index = matchers.firstIndex(where: { $0.label == "__name__" && $0.op == .equal }) {
      name = matchers.remove(at: index).value
    }
    let metric = nameIsTemplated ? nil : metrics[name]
    var typed = PromQL.selector(name: name, matchers: matchers, metric: metric)
    if let range { typed = .range(typed, window: range.window, step: nil) }
    return modifiers.typed(typed)
  }
}

extension PromQLModifiers {
  fileprivate func typed(_ expr: PromQL) -> PromQL {
    guard let offset else { return expr }
    return .offset(expr, PromDuration(offsetIsNegative ? "-" + offset.text : offset.text))
  }
}

extension PromQLDuration {
  var window: PromWindow {
    isTemplated && text == PromWindow.rateInterval.description ? .rateInterval : .duration(PromDuration(text))
  }
}
