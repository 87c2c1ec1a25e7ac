/// Renders a ``PromQL`` tree as canonical text: `sum by (job) (rate(x{job="a"}[5m])) * 60 > 10`,
/// with parentheses only where precedence needs them.
enum PromQLPrinter {
  static func text(_ expr: PromQL) -> String {
    switch expr {
    case .selector(let name, let matchers, _):
      return matchers.isEmpty ? name : "\(name){\(matchers.map(\.text).joined(separator: ","))}"
    case .range(let inner, let window, let step):
      let base = needsParentheses(asRangeOperand: inner) ? "(\(text(inner)))" : text(inner)
      return step.map { "\(base)[\(window):\($0.text)]" } ?? (isSelector(inner) ? "\(base)[\(window)]" : "\(base)[\(window):]")
    case .call(let name, let arguments):
      return "\(name)(\(arguments.map(text).joined(separator: ", ")))"
    case .aggregation(let op, let inner, let grouping, let parameter):
      let groupingText: String =
        switch grouping {
        case .by(let labels)?: " by (\(labels.joined(separator: ", "))) "
        case .without(let labels)?: " without (\(labels.joined(separator: ", "))) "
        case nil: ""
        }
      let arguments = (parameter.map { [text($0)] } ?? []) + [text(inner)]
      return "\(op.rawValue)\(groupingText)(\(arguments.joined(separator: ", ")))"
    case .binary(let left, let op, let right, let returnBool, let matching):
      var middle = op.rawValue
      if returnBool { middle += " bool" }
      if let matching {
        switch matching.labels {
        case .on(let labels): middle += " on (\(labels.joined(separator: ", ")))"
        case .ignoring(let labels): middle += " ignoring (\(labels.joined(separator: ", ")))"
        }
        switch matching.group {
        case .left(let labels)?: middle += " group_left (\(labels.joined(separator: ", ")))"
        case .right(let labels)?: middle += " group_right (\(labels.joined(separator: ", ")))"
        case nil: break
        }
      }
      return "\(operand(left, of: op, rightSide: false)) \(middle) \(operand(right, of: op, rightSide: true))"
    case .number(let value):
      return NumberText.format(value)
    case .string(let value):
      return quoted(value)
    case .offset(let inner, let duration):
      return "\(text(inner)) offset \(duration.text)"
    case .raw(let text):
      return text
    }
  }

  /// A double-quoted PromQL string literal.
  static func quoted(_ value: String) -> String {
    var escaped = "\""
    for character in value {
      switch character {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n": escaped += "\\n"
      default: escaped.append(character)
      }
    }
    return escaped + "\""
  }

  private static func isSelector(_ expr: PromQL) -> Bool {
    if case .selector = expr { return true }
    return false
  }

  private static func needsParentheses(asRangeOperand expr: PromQL) -> Bool {
    switch expr {
    case .binary, .offset, .raw: true
    default: false
    }
  }

  /// Parenthesises an operand that binds more loosely than `op` (or equally, on the side that
  /// associativity would otherwise regroup: the right for left-associative operators, the left for `^`).
  private static func operand(_ expr: PromQL, of op: BinaryOperator, rightSide: Bool) -> String {
    let inner = text(expr)
    let innerPrecedence: Int
    switch expr {
    case .binary(_, let innerOp, _, _, _): innerPrecedence = innerOp.precedence
    case .raw: return "(\(inner))"
    default: return inner
    }
    let rightAssociative = op == .power
    let needs =
      innerPrecedence < op.precedence
      || (innerPrecedence == op.precedence && (rightAssociative ? !rightSide : rightSide))
    return needs ? "(\(inner))" : inner
  }
}
