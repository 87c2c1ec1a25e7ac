import MonitoringDSL

extension PromQLExpression {
  /// The tree with its parentheses taken out: they are its shape already. Two texts that say the
  /// same (`(a + b) * c` and `(a+b)*c`, `sum(x) by (l)` and `sum by (l) (x)`) have equal ones.
  public var withoutParentheses: PromQLExpression {
    switch self {
    case .number, .string, .selector, .matrix: self
    case .parenthesized(let inner): inner.withoutParentheses
    case .negation(let inner): .negation(inner.withoutParentheses)
    case .subquery(let inner, let range, let step, let modifiers):
      .subquery(inner.withoutParentheses, range: range, step: step, modifiers: modifiers)
    case .call(let name, let arguments): .call(name, arguments.map(\.withoutParentheses))
    case .aggregation(let op, let inner, let parameter, let grouping):
      .aggregation(op, inner.withoutParentheses, parameter: parameter?.withoutParentheses, grouping: grouping)
    case .binary(let left, let op, let right, let returnBool, let matching):
      .binary(left.withoutParentheses, op, right.withoutParentheses, returnBool: returnBool, matching: matching)
    }
  }
}
