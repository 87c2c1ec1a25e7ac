/// The query of a Grafana query variable on a Prometheus datasource, read as Grafana reads it:
/// `label_names()`, `label_values(label)`, `label_values(expr, label)`, `metrics(regex)`,
/// `query_result(expr)`, or else a series selector. The PromQL inside is parsed in Grafana's dialect,
/// and errors point at the column of the whole query.
/// ```swift
/// try GrafanaVariableQuery.parse("label_values(app_active_connections{job=~\"$job\"}, instance)")  // the selector
/// try GrafanaVariableQuery.parse("label_values(up{job=}, instance)")
/// // throws: PromQL parse error at column 21: unexpected "}", expected a quoted label value
/// ```
public enum GrafanaVariableQuery {
  /// What a query asks Prometheus for; its PromQL as written, Grafana's variables in it unresolved.
  public enum Form: Hashable, Sendable {
    /// `label_names()` or `label_names(match)`.
    case labelNames(match: String?)
    /// `label_values(label)` or `label_values(match, label)`.
    case labelValues(label: String, match: String?)
    /// `metrics(regex)`: the metric names that match.
    case metrics(regex: String)
    /// `query_result(expr)`: the expression's result, one value per series.
    case queryResult(String)
    /// Any other text: the series the selector matches.
    case series(String)
  }

  /// The form of `query`, as Grafana's Prometheus variable support tells them apart.
  /// ```swift
  /// GrafanaVariableQuery.form(#"label_values(up{job=~"$job"}, instance)"#)   // .labelValues(label: "instance", match: #"up{job=~"$job"}"#)
  /// ```
  public static func form(_ query: String) -> Form {
    let text = String(trimmed(Substring(query)))
    for function in ["label_names", "label_values", "metrics", "query_result"] {
      guard text.hasPrefix(function), text.dropFirst(function.count).first(where: { !$0.isWhitespace }) == "(",
        text.hasSuffix(")"), let open = text.firstIndex(of: "(")
      else { continue }
      let arguments = trimmed(text[text.index(after: open)..<text.index(before: text.endIndex)])
      let match = arguments.isEmpty ? nil : String(arguments)
      switch function {
      case "label_names": return .labelNames(match: match)
      case "metrics": return .metrics(regex: match ?? "")
      case "query_result": return .queryResult(match ?? "")
      default:
        guard let comma = lastTopLevelComma(in: arguments) else { return .labelValues(label: String(arguments), match: nil) }
        return .labelValues(
          label: String(trimmed(arguments[arguments.index(after: comma)...])), match: String(trimmed(arguments[..<comma])))
      }
    }
    return .series(text)
  }

  /// The expression inside `query`, `nil` when it holds none (`label_names()`, `metrics(…)`, `label_values(job)`).
  public static func parse(_ query: String) throws(PromQLParseError) -> PromQLExpression? {
    let body = trimmed(Substring(query))
    let lead = query.distance(from: query.startIndex, to: body.startIndex)
    let text = String(body)
    for function in ["label_names", "label_values", "metrics", "query_result"] {
      guard text.hasPrefix(function), text.dropFirst(function.count).first(where: { !$0.isWhitespace }) == "(" else { continue }
      guard text.hasSuffix(")"), let open = text.firstIndex(of: "(") else {
        throw PromQLParseError(column: lead + text.count + 1, message: "expected \")\" at the end of \(function)(…)")
      }
      let argumentsStart = text.index(after: open)
      let arguments = text[argumentsStart..<text.index(before: text.endIndex)]
      let column = lead + text.distance(from: text.startIndex, to: argumentsStart)
      switch function {
      case "metrics": return nil
      case "label_values":
        guard let comma = lastTopLevelComma(in: arguments) else {
          try checkLabel(arguments, column: column)
          return nil
        }
        let label = arguments[arguments.index(after: comma)...]
        try checkLabel(label, column: column + arguments.distance(from: arguments.startIndex, to: comma) + 1)
        return try expression(arguments[..<comma], column: column)
      default:
        if function == "label_names", arguments.allSatisfy(\.isWhitespace) { return nil }
        return try expression(arguments, column: column)
      }
    }
    return try expression(Substring(query), column: 0)
  }

  /// The PromQL of `text`, which starts after `column` characters of the query.
  private static func expression(_ text: Substring, column: Int) throws(PromQLParseError) -> PromQLExpression {
    do {
      return try PromQLParser.parse(String(text), dialect: .grafana)
    } catch {
      var shifted = error
      if shifted.line == 1 { shifted.column += column }
      throw shifted
    }
  }

  /// A label name, or a Grafana variable standing for one.
  private static func checkLabel(_ text: Substring, column: Int) throws(PromQLParseError) {
    let label = trimmed(text)
    let name = label.hasPrefix("${") && label.hasSuffix("}") ? label.dropFirst(2).dropLast() : label.hasPrefix("$") ? label.dropFirst() : label
    let isName = name.first.map { !$0.isNumber } ?? false && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    if !isName {
      let leading = text.prefix { $0.isWhitespace }.count
      throw PromQLParseError(column: column + leading + 1, message: "expected a label name, got \(label)")
    }
  }

  private static func trimmed(_ text: Substring) -> Substring {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else {
      return text.prefix(0)
    }
    return text[first...last]
  }

  /// The last comma outside strings, parentheses, braces and brackets.
  private static func lastTopLevelComma(in text: Substring) -> Substring.Index? {
    var depth = 0
    var quote: Character?
    var escaped = false
    var last: Substring.Index?
    for index in text.indices {
      let character = text[index]
      if let open = quote {
        if escaped {
          escaped = false
        } else if character == "\\", open != "`" {
          escaped = true
        } else if character == open {
          quote = nil
        }
        continue
      }
      switch character {
      case "\"", "'", "`": quote = character
      case "(", "{", "[": depth += 1
      case ")", "}", "]": depth -= 1
      case "," where depth == 0: last = index
      default: break
      }
    }
    return last
  }
}
