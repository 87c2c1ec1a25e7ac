import MonitoringDSL

/// Parses PromQL as Prometheus 2.42 does (`promql/parser`): the grammar, operator precedence and
/// associativity, and the checks Prometheus makes while parsing — function names and arity, argument,
/// operand and aggregation types, vector matching, modifiers, durations, matchers and regular
/// expressions — so that what it accepts is what `promtool check rules` accepts.
///
/// With ``Dialect/grafana`` it first substitutes Grafana's macros and template variables as Grafana
/// does (see `PromQLSource`); errors point at the column of the text as written.
/// ```swift
/// let tree = try PromQLParser.parse("sum by (job) (rate(app_messages_total[5m]))")
/// try PromQLParser.parse("rate(x[$__rate_interval])", dialect: .grafana)   // fine in a dashboard
/// try PromQLParser.parse("sum(rate(x[5m]) <")
/// // throws: PromQL parse error at column 18: unexpected end of input, expected an expression
/// ```
public struct PromQLParser {
  /// Who reads the text: Prometheus itself (rules), or Grafana, which substitutes its variables first.
  public enum Dialect: Sendable {
    case prometheus
    case grafana
  }

  /// The syntax tree of `text`, or the first error with its column.
  public static func parse(_ text: String, dialect: Dialect = .prometheus) throws(PromQLParseError) -> PromQLExpression {
    let source = dialect == .grafana ? PromQLSource(grafana: text) : PromQLSource(prometheus: text)
    return try source.bytes.withUnsafeBufferPointer { bytes throws(PromQLParseError) in
      var parser = PromQLParser(source: source, bytes: bytes)
      do throws(Failure) {
        try parser.advance()
        let (expression, _) = try parser.expression()
        guard parser.current.kind == .endOfInput else { throw parser.unexpected(expected: "an operator or the end of the expression") }
        return expression
      } catch {
        throw PromQLParseError(at: source.originalOffset(error.offset), in: text, error.message)
      }
    }
  }

  /// `text` as Grafana sends it to Prometheus: each variable and macro named in `values` replaced by
  /// its value (formatted already), any other by a stand-in of the kind Grafana would put there.
  /// ```swift
  /// PromQLParser.substituting(#"rate(x{job=~"$job"}[$__rate_interval])"#, ["job": "(a|b)", "__rate_interval": "1m"])
  /// // rate(x{job=~"(a|b)"}[1m])
  /// ```
  package static func substituting(_ text: String, _ values: [String: String]) -> String {
    String(decoding: PromQLSource(grafana: text, values: values).bytes, as: UTF8.self)
  }

  /// The Grafana variables and macros in `text`, as written and in order: `["$cluster", "$__rate_interval"]`.
  package static func grafanaVariables(in text: String) -> [String] { PromQLSource(grafana: text).variables }

  /// The names of the Grafana variables and macros in `text`, in order: `["cluster", "__rate_interval"]`.
  package static func grafanaVariableNames(in text: String) -> [String] { PromQLSource(grafana: text).variableNames }

  private typealias Failure = PromQLLexer.Failure
  private typealias Typed = (expression: PromQLExpression, type: PromQLValueType)

  private let source: PromQLSource
  private var lexer: PromQLLexer
  private var current = PromQLToken(kind: .endOfInput, start: 0, end: 0)
  private var lookahead: PromQLToken?

  /// A parser of `source`, whose bytes are `bytes` for as long as it parses.
  private init(source: PromQLSource, bytes: UnsafeBufferPointer<UInt8>) {
    self.source = source
    lexer = PromQLLexer(bytes: bytes)
  }

  // MARK: - Tokens

  private mutating func advance() throws(Failure) {
    if let next = lookahead {
      current = next
      lookahead = nil
    } else {
      current = try lexer.next()
    }
  }

  private mutating func peek() throws(Failure) -> PromQLToken {
    if let lookahead { return lookahead }
    let next = try lexer.next()
    lookahead = next
    return next
  }

  /// NB: from the lexer's buffer, not `source.bytes` (an array slice decodes slower).
  private func text(_ token: PromQLToken) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: lexer.bytes[token.start..<token.end]), as: UTF8.self)
  }

  private func unexpected(expected: String) -> Failure {
    Failure(offset: current.start, message: "unexpected \(current.describe(in: source.bytes)), expected \(expected)")
  }

  private mutating func expect(_ kind: PromQLToken.Kind, _ expected: String) throws(Failure) {
    guard current.kind == kind else { throw unexpected(expected: expected) }
    try advance()
  }

  private func error(at token: PromQLToken, _ message: String) -> Failure { Failure(offset: token.start, message: message) }

  // MARK: - Expressions

  /// Binary operators by precedence climbing; `^` is right-associative, the others left-associative.
  private mutating func expression(minimumPrecedence: Int = 0) throws(Failure) -> Typed {
    var left = try unary()
    while case .binary(let op) = current.kind, op.precedence >= minimumPrecedence {
      let opToken = current
      try advance()
      var returnBool = false
      if current.kind == .keyword(.bool) {
        returnBool = true
        try advance()
      }
      var matching: VectorMatching?
      if current.kind == .keyword(.on) || current.kind == .keyword(.ignoring) {
        let on = current.kind == .keyword(.on)
        try advance()
        let labels = try groupingLabels()
        matching = VectorMatching(on ? .on(labels) : .ignoring(labels))
        if current.kind == .keyword(.group_left) || current.kind == .keyword(.group_right) {
          let isLeft = current.kind == .keyword(.group_left)
          try advance()
          let included = current.kind == .leftParen ? try groupingLabels() : []
          matching?.group = isLeft ? .left(included) : .right(included)
        }
      }
      let right = try expression(minimumPrecedence: op == .power ? op.precedence : op.precedence + 1)
      left = try binary(left, op, right, returnBool: returnBool, matching: matching, at: opToken)
    }
    return left
  }

  private func binary(
    _ left: Typed, _ op: BinaryOperator, _ right: Typed, returnBool: Bool, matching: VectorMatching?, at token: PromQLToken
  ) throws(Failure) -> Typed {
    let isComparison = op.isComparisonOperator
    let isSetOperator = op == .and || op == .or || op == .unless
    if returnBool, !isComparison { throw error(at: token, "bool modifier can only be used on comparison operators") }
    if isComparison, !returnBool, left.type == .scalar, right.type == .scalar {
      throw error(at: token, "comparisons between scalars must use the bool modifier")
    }
    if case .on(let labels)? = matching?.labels, let group = matching?.group {
      let included: [String]
      switch group {
      case .left(let names), .right(let names): included = names
      }
      if let both = labels.first(where: included.contains) {
        throw error(at: token, "label \"\(both)\" must not occur in on(…) and in the group modifier at once")
      }
    }
    if let side = [left.type, right.type].first(where: { !$0.fits(.scalar) && !$0.fits(.vector) }) {
      throw error(at: token, "binary expression must contain only scalar and instant vector types, got \(side.name)")
    }
    var matching = matching
    let hasScalar = left.type == .scalar || right.type == .scalar
    if hasScalar, let vectorMatching = matching {
      switch vectorMatching.labels {
      case .on(let labels), .ignoring(let labels):
        if !labels.isEmpty { throw error(at: token, "vector matching only allowed between instant vectors") }
      }
      matching = nil
    } else if isSetOperator, matching?.group != nil {
      throw error(at: token, "no grouping allowed for \"\(op.rawValue)\" operation")
    }
    if isSetOperator, hasScalar { throw error(at: token, "set operator \"\(op.rawValue)\" not allowed in binary scalar expression") }
    let type: PromQLValueType =
      left.type == .scalar && right.type == .scalar ? .scalar
      : left.type == .vector || right.type == .vector ? .vector : .unknown
    return (.binary(left.expression, op, right.expression, returnBool: returnBool, matching: matching), type)
  }

  /// Unary `-`/`+` binds as tightly as `*`: `-a ^ b` is `-(a ^ b)`, `-a * b` is `(-a) * b`.
  private mutating func unary() throws(Failure) -> Typed {
    guard case .binary(let op) = current.kind, op == .add || op == .subtract else { return try postfix(primary()) }
    let token = current
    try advance()
    let operand = try expression(minimumPrecedence: BinaryOperator.power.precedence)
    guard operand.type.fits(.scalar) || operand.type.fits(.vector) else {
      throw error(at: token, "unary expression only allowed on expressions of type scalar or instant vector, got \(operand.type.name)")
    }
    if op == .add { return operand }
    if case .number(let value) = operand.expression { return (.number(-value), .scalar) }
    return (.negation(operand.expression), operand.type)
  }

  /// `[range]`, `[range:step]`, `offset` and `@` after an expression.
  private mutating func postfix(_ base: Typed) throws(Failure) -> Typed {
    var typed = base
    while true {
      switch current.kind {
      case .leftBracket: typed = try rangeOrSubquery(typed)
      case .keyword(.offset):
        let token = current
        try advance()
        let negative = current.kind == .binary(.subtract)
        if negative { try advance() }
        guard current.kind == .duration else { throw unexpected(expected: "a duration after offset") }
        let duration = try durationLiteral(current)
        try advance()
        typed.expression = try modifying(typed.expression, at: token, what: "offset") { modifiers throws(Failure) in
          if modifiers.offset != nil { throw error(at: token, "offset may not be set multiple times") }
          modifiers.offset = duration
          modifiers.offsetIsNegative = negative
        }
      case .at:
        let token = current
        try advance()
        let timestamp = try atTimestamp()
        typed.expression = try modifying(typed.expression, at: token, what: "@") { modifiers throws(Failure) in
          if modifiers.at != nil { throw error(at: token, "@ <timestamp> may not be set multiple times") }
          modifiers.at = timestamp
        }
      default:
        return typed
      }
    }
  }

  private mutating func rangeOrSubquery(_ typed: Typed) throws(Failure) -> Typed {
    let bracket = current
    try advance()
    let range = try durationLiteral(current)
    try advance()
    if current.kind == .colon {
      try advance()
      var step: PromQLDuration?
      if current.kind == .duration {
        step = try durationLiteral(current)
        try advance()
      }
      try expect(.rightBracket, "\"]\"")
      guard typed.type.fits(.vector) else {
        throw error(at: bracket, "subquery is only allowed on instant vector, got \(typed.type.name) instead")
      }
      return (.subquery(typed.expression, range: range, step: step, modifiers: PromQLModifiers()), .matrix)
    }
    try expect(.rightBracket, "\":\" or \"]\"")
    guard case .selector(let selector) = typed.expression else {
      throw error(at: bracket, "ranges only allowed for vector selectors")
    }
    if selector.modifiers.offset != nil { throw error(at: bracket, "no offset modifiers allowed before range") }
    if selector.modifiers.at != nil { throw error(at: bracket, "no @ modifiers allowed before range") }
    return (.matrix(selector, range: range), .matrix)
  }

  private func modifying(
    _ expression: PromQLExpression, at token: PromQLToken, what: String,
    _ change: (inout PromQLModifiers) throws(Failure) -> Void
  ) throws(Failure) -> PromQLExpression {
    switch expression {
    case .selector(var selector):
      try change(&selector.modifiers)
      return .selector(selector)
    case .matrix(var selector, let range):
      try change(&selector.modifiers)
      return .matrix(selector, range: range)
    case .subquery(let inner, let range, let step, var modifiers):
      try change(&modifiers)
      return .subquery(inner, range: range, step: step, modifiers: modifiers)
    default:
      throw error(at: token, "\(what) modifier must be preceded by an instant vector selector or range vector selector or a subquery")
    }
  }

  /// After `@`: a (signed) number of seconds, `start()` or `end()`.
  private mutating func atTimestamp() throws(Failure) -> PromQLModifiers.Timestamp {
    if current.kind == .keyword(.start) || current.kind == .keyword(.end) {
      let isStart = current.kind == .keyword(.start)
      try advance()
      try expect(.leftParen, "\"(\"")
      try expect(.rightParen, "\")\"")
      return isStart ? .start : .end
    }
    var sign = 1.0
    if case .binary(let op) = current.kind, op == .add || op == .subtract {
      sign = op == .subtract ? -1 : 1
      try advance()
    }
    guard current.kind == .number else { throw unexpected(expected: "a timestamp, start() or end() after @") }
    let value = sign * (try number(current))
    guard value.isFinite, abs(value) < 9.2e15 else { throw error(at: current, "timestamp out of bounds for @ modifier") }
    try advance()
    return .seconds(value)
  }

  private mutating func primary() throws(Failure) -> Typed {
    let token = current
    switch token.kind {
    case .number:
      let value = try number(token)
      try advance()
      return (.number(value), .scalar)
    case .string:
      let value = try writtenStringLiteral(token)
      try advance()
      return (.string(value), .string)
    case .leftParen:
      try advance()
      let inner = try expression()
      try expect(.rightParen, "\")\"")
      return (.parenthesized(inner.expression), inner.type)
    case .leftBrace:
      return try selector(name: nil)
    case .identifier:
      if try peek().kind == .leftParen { return try call() }
      return try selector(name: token)
    case .aggregator(let op):
      let next = try peek().kind
      if next == .leftParen || next == .keyword(.by) || next == .keyword(.without) { return try aggregation(op) }
      return try selector(name: token)
    case .metricIdentifier, .keyword(.by), .keyword(.without), .keyword(.offset), .keyword(.start), .keyword(.end),
      .binary(.and), .binary(.or), .binary(.unless):
      // Prometheus lets these keywords name a metric.
      return try selector(name: token)
    default:
      throw unexpected(expected: "an expression")
    }
  }

  private mutating func call() throws(Failure) -> Typed {
    let nameToken = current
    let name = text(nameToken)
    try advance()
    if source.isSubstituted(nameToken.start..<nameToken.end) { return (.call(name, try callArguments { _, _ in }), .unknown) }
    guard let function = PromQLFunction.all[name] else { throw error(at: nameToken, "unknown function with name \"\(name)\"") }
    let declared = function.argumentTypes.count
    let arguments = try callArguments { index, type throws(Failure) in
      guard index < declared || function.variadic != 0 else { return }  // too many: the count says so below
      let expected = function.argumentTypes[min(index, declared - 1)]
      if !type.fits(expected) {
        throw Failure(offset: nameToken.start, message: "expected type \(expected.name) in call to function \"\(name)\", got \(type.name)")
      }
    }
    if function.variadic == 0 {
      if arguments.count != declared {
        throw error(at: nameToken, "expected \(declared) argument(s) in call to \"\(name)\", got \(arguments.count)")
      }
    } else if arguments.count < declared - 1 {
      throw error(at: nameToken, "expected at least \(declared - 1) argument(s) in call to \"\(name)\", got \(arguments.count)")
    } else if function.variadic > 0, arguments.count > declared - 1 + function.variadic {
      throw error(at: nameToken, "expected at most \(declared - 1 + function.variadic) argument(s) in call to \"\(name)\", got \(arguments.count)")
    }
    return (.call(name, arguments), function.returns)
  }

  /// `(a, b)`, each argument's type handed to `visit` as it is parsed; a trailing comma is an error, as in Prometheus.
  private mutating func callArguments(
    _ visit: (_ index: Int, _ type: PromQLValueType) throws(Failure) -> Void
  ) throws(Failure) -> [PromQLExpression] {
    try expect(.leftParen, "\"(\"")
    var arguments: [PromQLExpression] = []
    if current.kind == .rightParen {
      try advance()
      return arguments
    }
    while true {
      let argument = try expression()
      try visit(arguments.count, argument.type)
      arguments.append(argument.expression)
      if current.kind == .comma {
        try advance()
        if current.kind == .rightParen { throw error(at: current, "trailing commas not allowed in function call args") }
        continue
      }
      try expect(.rightParen, "\",\" or \")\"")
      return arguments
    }
  }

  private mutating func aggregation(_ op: AggregationOperator) throws(Failure) -> Typed {
    let opToken = current
    try advance()
    var grouping = try optionalGrouping()
    guard current.kind == .leftParen else { throw unexpected(expected: "\"(\" after \(op.rawValue)") }
    var firstType = PromQLValueType.unknown, lastType = PromQLValueType.unknown
    let arguments = try callArguments { index, type in
      if index == 0 { firstType = type }
      lastType = type
    }
    if grouping == nil {
      grouping = try optionalGrouping()
    } else if current.kind == .keyword(.by) || current.kind == .keyword(.without) {
      throw unexpected(expected: "an operator or the end of the expression (the aggregation is already grouped)")
    }
    let hasParameter: Bool =
      switch op {
      case .topk, .bottomk, .quantile, .count_values: true
      default: false
      }
    if arguments.isEmpty { throw error(at: opToken, "no arguments for aggregate expression provided") }
    let wanted = hasParameter ? 2 : 1
    if arguments.count != wanted {
      throw error(at: opToken, "wrong number of arguments for aggregate expression provided, expected \(wanted), got \(arguments.count)")
    }
    if !lastType.fits(.vector) { throw error(at: opToken, "expected type instant vector in aggregation expression, got \(lastType.name)") }
    var parameter: PromQLExpression?
    if hasParameter {
      let wantedType: PromQLValueType = op == .count_values ? .string : .scalar
      if !firstType.fits(wantedType) {
        throw error(at: opToken, "expected type \(wantedType.name) in aggregation parameter, got \(firstType.name)")
      }
      parameter = arguments[0]
    }
    return (.aggregation(op, arguments[arguments.count - 1], parameter: parameter, grouping: grouping), .vector)
  }

  private mutating func optionalGrouping() throws(Failure) -> Grouping? {
    switch current.kind {
    case .keyword(.by):
      try advance()
      return .by(try groupingLabels())
    case .keyword(.without):
      try advance()
      return .without(try groupingLabels())
    default:
      return nil
    }
  }

  /// `(a, b)`, a trailing comma allowed; keywords are label names here.
  private mutating func groupingLabels() throws(Failure) -> [String] {
    try expect(.leftParen, "\"(\" and label names")
    var labels: [String] = []
    while current.kind != .rightParen {
      switch current.kind {
      case .identifier, .keyword, .aggregator, .binary(.and), .binary(.or), .binary(.unless), .binary(.atan2):
        labels.append(text(current))
      case .metricIdentifier:
        throw error(at: current, "invalid label name \"\(text(current))\" for grouping")
      default:
        throw unexpected(expected: "a label name or \")\"")
      }
      try advance()
      if current.kind == .comma {
        try advance()
      } else if current.kind != .rightParen {
        throw unexpected(expected: "\",\" or \")\"")
      }
    }
    try advance()
    return labels
  }

  // MARK: - Selectors

  private mutating func selector(name nameToken: PromQLToken?) throws(Failure) -> Typed {
    let start = current
    // NB: the parts first, the selector made once, in its tree node (a selector changed member by
    // member was copied into the node).
    var name: String?
    var nameIsTemplated = false
    if let nameToken {
      name = text(nameToken)  // (not `nameToken.map(text)`: the closure would copy the parser)
      nameIsTemplated = source.isSubstituted(nameToken.start..<nameToken.end)
      try advance()
    }
    var matchers: [LabelMatcher] = []
    var selectsSomething = false
    if current.kind == .leftBrace {
      try advance()
      (matchers, selectsSomething) = try self.matchers()
    }
    if let name, let named = matchers.first(where: { $0.label == "__name__" }) {
      throw error(at: start, "metric name must not be set twice: \"\(name)\" or \"\(named.value)\"")
    }
    if name == nil, !selectsSomething {
      throw error(at: start, "vector selector must contain at least one non-empty matcher")
    }
    let selector = PromQLSelector(name: name, matchers: matchers, nameIsTemplated: nameIsTemplated)
    return (.selector(selector), nameIsTemplated ? .unknown : .vector)
  }

  /// The matchers after `{`, through `}`, their values as written (Grafana's variables kept), and
  /// whether one of them, as Grafana sends it, does not match the empty value.
  private mutating func matchers() throws(Failure) -> (matchers: [LabelMatcher], selectsSomething: Bool) {
    var matchers: [LabelMatcher] = []
    var selectsSomething = false
    while current.kind != .rightBrace {
      guard current.kind == .identifier else { throw unexpected(expected: "a label name or \"}\"") }
      let label = text(current)
      let labelToken = current
      try advance()
      let op: LabelMatcher.Operator
      switch current.kind {
      case .assign: op = .equal
      case .binary(.notEqual): op = .notEqual
      case .regexMatch: op = .regex
      case .regexNoMatch: op = .notRegex
      default: throw unexpected(expected: "one of \"=\", \"!=\", \"=~\", \"!~\" after the label name")
      }
      try advance()
      guard current.kind == .string else { throw unexpected(expected: "a quoted label value") }
      let value = try stringLiteral(current)
      if try !Self.matchesEmpty(LabelMatcher(label, op, value), at: labelToken) { selectsSomething = true }
      // The value as written only differs where Grafana's variables were substituted (decoded once otherwise).
      let written = source.isSubstituted(current.start..<current.end) ? try writtenStringLiteral(current) : value
      matchers.append(LabelMatcher(label, op, written))
      try advance()
      if current.kind == .comma {
        try advance()
      } else if current.kind != .rightBrace {
        throw unexpected(expected: "\",\" or \"}\"")
      }
    }
    try advance()
    return (matchers, selectsSomething)
  }

  /// Characters that make a label value a regular expression rather than a literal.
  private static let regexMetacharacters = Set(#".*+?()[]{}|\^$"#.utf8)

  /// Whether the matcher matches the empty label value (a selector of only such matchers would select
  /// everything); a regular expression must compile as Go's RE2 compiles it.
  private static func matchesEmpty(_ matcher: LabelMatcher, at token: PromQLToken) throws(Failure) -> Bool {
    switch matcher.op {
    case .equal: return matcher.value.isEmpty
    case .notEqual: return !matcher.value.isEmpty
    case .regex, .notRegex:
      let matches: Bool
      if !matcher.value.utf8.contains(where: regexMetacharacters.contains) {
        matches = matcher.value.isEmpty
      } else {
        do {
          matches = try PromQLRegex(matcher.value).matchesEmpty
        } catch {
          throw Failure(offset: token.start, message: "invalid regular expression \"\(matcher.value)\": \(error.message)")
        }
      }
      return matcher.op == .regex ? matches : !matches
    }
  }

  // MARK: - Literals

  private func number(_ token: PromQLToken) throws(Failure) -> Double {
    if PromQLLexer.isAlpha(source.bytes[token.start]) {  // the lexer lets only Inf and NaN through
      return source.bytes[token.start] | 0x20 == UInt8(ascii: "i") ? .infinity : .nan
    }
    let literal = text(token)
    if literal.hasPrefix("0x") || literal.hasPrefix("0X") {
      guard let value = Int64(literal.dropFirst(2), radix: 16) else { throw error(at: token, "bad number \"\(literal)\"") }
      return Double(value)
    }
    guard let value = Double(literal) else { throw error(at: token, "bad number \"\(literal)\"") }
    return value
  }

  private func durationLiteral(_ token: PromQLToken) throws(Failure) -> PromQLDuration {
    guard token.kind == .duration else { throw error(at: token, "unexpected \(token.describe(in: source.bytes)), expected a duration") }
    let literal = text(token)
    guard let milliseconds = PromDuration(literal).milliseconds else {
      throw error(at: token, "not a valid duration \"\(literal)\": units go from y, w, d, h, m, s to ms, each once")
    }
    if milliseconds == 0 { throw error(at: token, "duration must be greater than 0") }
    guard source.isSubstituted(token.start..<token.end) else { return PromQLDuration(text: literal, milliseconds: milliseconds) }
    let written = String(decoding: source.written(token.start..<token.end), as: UTF8.self)
    return PromQLDuration(text: written, milliseconds: milliseconds, isTemplated: true)
  }

  /// The value of a string literal as Grafana sends it, its variables substituted (the lexer has
  /// checked its escapes).
  private func stringLiteral(_ token: PromQLToken) throws(Failure) -> String {
    try unescaped(UnsafeBufferPointer(rebasing: lexer.bytes[token.start..<token.end]), token: token)
  }

  /// The value of a string literal as written, Grafana's variables in it kept (`"$cluster"`): the
  /// tree holds these, so that it prints back as the query it came from.
  private func writtenStringLiteral(_ token: PromQLToken) throws(Failure) -> String {
    guard source.isSubstituted(token.start..<token.end) else { return try stringLiteral(token) }
    return try source.written(token.start..<token.end).withUnsafeBufferPointer { literal throws(Failure) in
      try unescaped(literal, token: token)
    }
  }

  /// The value of the quoted string `literal`. NB: on a buffer (an array slice decodes slower).
  private func unescaped(_ literal: UnsafeBufferPointer<UInt8>, token: PromQLToken) throws(Failure) -> String {
    let body = UnsafeBufferPointer(rebasing: literal.dropFirst().dropLast())
    if literal.first == UInt8(ascii: "`") || !body.contains(UInt8(ascii: "\\")) {
      return String(decoding: body, as: UTF8.self)
    }
    var bytes: [UInt8] = []
    var index = body.startIndex
    while index < body.endIndex {
      let byte = body[index]
      index += 1
      guard byte == UInt8(ascii: "\\") else {
        bytes.append(byte)
        continue
      }
      let kind = body[index]
      index += 1
      let simple: [UInt8: UInt8] = [
        UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10, UInt8(ascii: "r"): 13,
        UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11,
      ]
      if let value = simple[kind] {
        bytes.append(value)
        continue
      }
      let (count, radix): (Int, Int) =
        switch kind {
        case UInt8(ascii: "x"): (2, 16)
        case UInt8(ascii: "u"): (4, 16)
        case UInt8(ascii: "U"): (8, 16)
        case UInt8(ascii: "0")...UInt8(ascii: "7"): (3, 8)
        default: (0, 0)
        }
      guard count > 0 else {
        bytes.append(kind)  // \\ and the quote
        continue
      }
      if radix == 8 { index -= 1 }
      let digits = String(decoding: body[index..<(index + count)], as: UTF8.self)
      index += count
      guard let value = UInt32(digits, radix: radix) else { throw error(at: token, "illegal escape sequence") }
      if kind == UInt8(ascii: "x") || radix == 8 {
        guard value <= 255 else { throw error(at: token, "octal escape value > 255") }
        bytes.append(UInt8(value))
      } else {
        guard let scalar = Unicode.Scalar(value) else { throw error(at: token, "escape sequence is an invalid Unicode code point") }
        bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
