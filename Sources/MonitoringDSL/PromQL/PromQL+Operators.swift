// MARK: - Combinators: aggregation, arithmetic, comparison, set operations
// Methods rather than operator overloads keep result-builder bodies quick to type-check.

extension PromQL {
  /// `sum by (labels) (self)`; no labels sums everything.
  public func sum(by labels: [String] = []) -> PromQL { aggregate(.sum, by: labels) }
  public func avg(by labels: [String] = []) -> PromQL { aggregate(.avg, by: labels) }
  public func max(by labels: [String] = []) -> PromQL { aggregate(.max, by: labels) }
  public func min(by labels: [String] = []) -> PromQL { aggregate(.min, by: labels) }
  public func count(by labels: [String] = []) -> PromQL { aggregate(.count, by: labels) }
  public func sum(without labels: [String]) -> PromQL { .aggregation(.sum, self, grouping: .without(labels), parameter: nil) }

  public func aggregate(_ op: AggregationOperator, by labels: [String]) -> PromQL {
    .aggregation(op, self, grouping: labels.isEmpty ? nil : .by(labels), parameter: nil)
  }

  public func plus(_ other: PromQL) -> PromQL { binary(.add, other) }
  public func minus(_ other: PromQL) -> PromQL { binary(.subtract, other) }
  public func times(_ other: PromQL) -> PromQL { binary(.multiply, other) }
  public func times(_ factor: Double) -> PromQL { binary(.multiply, .number(factor)) }
  public func dividedBy(_ other: PromQL, _ matching: VectorMatching? = nil) -> PromQL {
    .binary(self, .divide, other, returnBool: false, matching: matching)
  }

  public func greaterThan(_ threshold: Double) -> PromQL { binary(.greater, .number(threshold)) }
  public func lessThan(_ threshold: Double) -> PromQL { binary(.less, .number(threshold)) }
  public func equalTo(_ value: Double) -> PromQL { binary(.equal, .number(value)) }
  public func notEqualTo(_ value: Double) -> PromQL { binary(.notEqual, .number(value)) }
  public func atLeast(_ threshold: Double) -> PromQL { binary(.greaterOrEqual, .number(threshold)) }
  public func atMost(_ threshold: Double) -> PromQL { binary(.lessOrEqual, .number(threshold)) }

  public func or(_ other: PromQL) -> PromQL { binary(.or, other) }
  public func and(_ other: PromQL, on labels: [String]? = nil) -> PromQL {
    .binary(self, .and, other, returnBool: false, matching: labels.map { VectorMatching(.on($0)) })
  }
  public func unless(_ other: PromQL, on labels: [String]? = nil) -> PromQL {
    .binary(self, .unless, other, returnBool: false, matching: labels.map { VectorMatching(.on($0)) })
  }

  /// `self offset duration`.
  public func offset(_ duration: PromDuration) -> PromQL { .offset(self, duration) }

  /// A subquery `(self)[range:step]`, for `*_over_time` of an expression.
  public func subquery(_ range: PromDuration, step: PromDuration) -> PromQL {
    .range(self, window: .duration(range), step: step)
  }

  /// `function(self)`, e.g. `.apply("abs")`.
  public func apply(_ function: String) -> PromQL { .call(function, [self]) }

  private func binary(_ op: BinaryOperator, _ other: PromQL) -> PromQL {
    .binary(self, op, other, returnBool: false, matching: nil)
  }
}
