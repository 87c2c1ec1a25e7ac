import MonitoringDSL
import MonitoringRender
import Testing

/// The PromQL parser, construct by construct and error by error (the corpus test compares it with promtool).
@Suite struct PromQLParserTests {
  func parse(_ text: String, _ dialect: PromQLParser.Dialect = .prometheus) throws -> PromQLExpression {
    try PromQLParser.parse(text, dialect: dialect)
  }

  /// The error's text, or `nil` when `text` parses.
  func error(_ text: String, _ dialect: PromQLParser.Dialect = .prometheus) -> String? {
    do {
      _ = try PromQLParser.parse(text, dialect: dialect)
      return nil
    } catch {
      return error.description
    }
  }

  func selector(_ name: String?, _ matchers: [LabelMatcher] = []) -> PromQLSelector { PromQLSelector(name: name, matchers: matchers) }
  func duration(_ text: String, _ milliseconds: Int, templated: Bool = false) -> PromQLDuration {
    PromQLDuration(text: text, milliseconds: milliseconds, isTemplated: templated)
  }

  // MARK: - Literals and selectors

  @Test func literals() throws {
    #expect(try parse("42") == .number(42))
    #expect(try parse("1.5e3") == .number(1500))
    #expect(try parse(".5") == .number(0.5))
    #expect(try parse("0x1F") == .number(31))
    #expect(try parse("-Inf") == .number(-.infinity))
    guard case .number(let nan) = try parse("NaN") else { Issue.record("NaN is a number"); return }
    #expect(nan.isNaN)
    #expect(try parse(#""a\"b\n""#) == .string("a\"b\n"))
    #expect(try parse(#"'it\'s'"#) == .string("it's"))
    #expect(try parse(#"`C:\raw`"#) == .string(#"C:\raw"#))
    #expect(try parse(#""\u00e9\x41\101""#) == .string("éAA"))
  }

  @Test func vectorSelectorsAndMatchers() throws {
    #expect(try parse("up") == .selector(selector("up")))
    #expect(try parse("job:app_messages:rate5m") == .selector(selector("job:app_messages:rate5m")))
    #expect(
      try parse(#"http_requests_total{job="api", code!="200", path=~"/v1/.*", method!~"GET|HEAD",}"#)
        == .selector(selector("http_requests_total", [.equal("job", "api"), .notEqual("code", "200"), .regex("path", "/v1/.*"), .notRegex("method", "GET|HEAD")])))
    #expect(try parse(#"{__name__=~"up|scrape_.*"}"#) == .selector(selector(nil, [.regex("__name__", "up|scrape_.*")])))
    // Keywords are label names inside braces, and (most) name metrics outside.
    #expect(try parse(#"x{on="a", by="b"}"#) == .selector(selector("x", [.equal("on", "a"), .equal("by", "b")])))
    #expect(try parse("sum") == .selector(selector("sum")))
  }

  @Test func rangeVectorsSubqueriesAndModifiers() throws {
    #expect(try parse("x[1h30m]") == .matrix(selector("x"), range: duration("1h30m", 5_400_000)))
    var shifted = selector("x")
    shifted.modifiers.offset = duration("5m", 300_000)
    shifted.modifiers.offsetIsNegative = true
    shifted.modifiers.at = .end
    #expect(try parse("x offset -5m @ end()") == .selector(shifted))
    #expect(try parse("x @ end() offset -5m") == .selector(shifted))
    var atStart = selector("x")
    atStart.modifiers.at = .seconds(1_609_746_000)
    #expect(try parse("x[5m] @ 1609746000") == .matrix(atStart, range: duration("5m", 300_000)))
    let rate = PromQLExpression.call("rate", [.matrix(selector("x"), range: duration("5m", 300_000))])
    var modifiers = PromQLModifiers()
    modifiers.offset = duration("1d", 86_400_000)
    #expect(
      try parse("rate(x[5m])[30m:1m] offset 1d")
        == .subquery(rate, range: duration("30m", 1_800_000), step: duration("1m", 60_000), modifiers: modifiers))
    #expect(try parse("max_over_time(up[1h:])") == .call("max_over_time", [.subquery(.selector(selector("up")), range: duration("1h", 3_600_000), step: nil, modifiers: PromQLModifiers())]))
  }

  // MARK: - Functions and aggregations

  @Test func functionsWithOptionalAndRepeatedArguments() throws {
    #expect(try parse("time()") == .call("time", []))
    #expect(try parse("round(x)") == .call("round", [.selector(selector("x"))]))
    #expect(try parse("round(x, 5)") == .call("round", [.selector(selector("x")), .number(5)]))
    #expect(try parse("year()") == .call("year", []))
    #expect(error(#"label_join(x, "d", ",", "a", "b", "c")"#) == nil)
    let buckets = PromQLExpression.call("rate", [.matrix(selector("x_bucket"), range: duration("5m", 300_000))])
    #expect(
      try parse("histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))")
        == .call("histogram_quantile", [.number(0.95), .aggregation(.sum, buckets, parameter: nil, grouping: .by(["le"]))]))
  }

  @Test func aggregationsGroupBeforeOrAfter() throws {
    let inner = PromQLExpression.selector(selector("x"))
    #expect(try parse("sum by (job, instance) (x)") == .aggregation(.sum, inner, parameter: nil, grouping: .by(["job", "instance"])))
    #expect(try parse("sum(x) by (job, instance,)") == .aggregation(.sum, inner, parameter: nil, grouping: .by(["job", "instance"])))
    #expect(try parse("avg without (instance) (x)") == .aggregation(.avg, inner, parameter: nil, grouping: .without(["instance"])))
    #expect(try parse("topk(5, x)") == .aggregation(.topk, inner, parameter: .number(5), grouping: nil))
    #expect(try parse("bottomk by (a) (3, x)") == .aggregation(.bottomk, inner, parameter: .number(3), grouping: .by(["a"])))
    #expect(try parse("quantile(0.9, x)") == .aggregation(.quantile, inner, parameter: .number(0.9), grouping: nil))
    #expect(try parse(#"count_values("version", x)"#) == .aggregation(.count_values, inner, parameter: .string("version"), grouping: nil))
    #expect(try parse("SUM BY (on, offset) (x)") == .aggregation(.sum, inner, parameter: nil, grouping: .by(["on", "offset"])))
  }

  // MARK: - Operators

  @Test func precedenceAndAssociativity() throws {
    let a = PromQLExpression.selector(selector("a")), b = PromQLExpression.selector(selector("b")), c = PromQLExpression.selector(selector("c"))
    func bin(_ l: PromQLExpression, _ op: BinaryOperator, _ r: PromQLExpression) -> PromQLExpression {
      .binary(l, op, r, returnBool: false, matching: nil)
    }
    #expect(try parse("a + b * c") == bin(a, .add, bin(b, .multiply, c)))
    #expect(try parse("a - b - c") == bin(bin(a, .subtract, b), .subtract, c))
    #expect(try parse("a ^ b ^ c") == bin(a, .power, bin(b, .power, c)))
    #expect(try parse("a or b and c") == bin(a, .or, bin(b, .and, c)))
    #expect(try parse("a > b + c") == bin(a, .greater, bin(b, .add, c)))
    #expect(try parse("a atan2 b * c") == bin(bin(a, .atan2, b), .multiply, c))
    #expect(try parse("(a + b) * c") == bin(.parenthesized(bin(a, .add, b)), .multiply, c))
    // Unary minus binds like *: below ^, above +.
    #expect(try parse("-a ^ b") == .negation(bin(a, .power, b)))
    #expect(try parse("-a * b") == bin(.negation(a), .multiply, b))
    #expect(try parse("a - -1") == bin(a, .subtract, .number(-1)))
  }

  @Test func boolAndVectorMatching() throws {
    let a = PromQLExpression.selector(selector("a")), b = PromQLExpression.selector(selector("b"))
    #expect(try parse("a > bool 1") == .binary(a, .greater, .number(1), returnBool: true, matching: nil))
    #expect(try parse("a / on (job) b") == .binary(a, .divide, b, returnBool: false, matching: VectorMatching(.on(["job"]))))
    #expect(
      try parse("a * ignoring (code) group_left (team) b")
        == .binary(a, .multiply, b, returnBool: false, matching: VectorMatching(.ignoring(["code"]), group: .left(["team"]))))
    #expect(try parse("a + on (x) group_right b") == .binary(a, .add, b, returnBool: false, matching: VectorMatching(.on(["x"]), group: .right([]))))
    #expect(try parse("a unless on (job) b") == .binary(a, .unless, b, returnBool: false, matching: VectorMatching(.on(["job"]))))
  }

  @Test func commentsAndLines() throws {
    #expect(try parse("sum(x) # per job\n  / 2") == .binary(.aggregation(.sum, .selector(selector("x")), parameter: nil, grouping: nil), .divide, .number(2), returnBool: false, matching: nil))
    #expect(error("sum(\n  x\n  # no closing\n") == #"PromQL parse error at line 4, column 1: unexpected end of input, expected "," or ")""#)
  }

  // MARK: - Errors, with their columns

  @Test func syntaxErrors() {
    #expect(error("sum(rate(app_messages_total[5m]) <") == "PromQL parse error at column 35: unexpected end of input, expected an expression")
    #expect(error("sum by (job (x)") == #"PromQL parse error at column 13: unexpected "(", expected "," or ")""#)
    #expect(error("rate(x[5m]") == #"PromQL parse error at column 11: unexpected end of input, expected "," or ")""#)
    #expect(error(#"x{job="a""#) == #"PromQL parse error at column 10: unexpected end of input inside braces, expected "}""#)
    #expect(error("x y") == #"PromQL parse error at column 3: unexpected identifier "y", expected an operator or the end of the expression"#)
    #expect(error("x offset") == "PromQL parse error at column 9: unexpected end of input, expected a duration after offset")
    #expect(error(#"x{a!b="c"}"#) == #"PromQL parse error at column 4: unexpected character after "!" inside braces, expected "!=" or "!~""#)
    #expect(error("'open") == #"PromQL parse error at column 1: unterminated string, expected a closing "'""#)
    #expect(error(#"x{a="\."}"#) == #"PromQL parse error at column 6: unknown escape sequence "\.""#)
    #expect(error("x[5]") == "PromQL parse error at column 3: missing unit in duration \"5\", expected one of ms, s, m, h, d, w, y")
    #expect(error("x[30m1h]") == #"PromQL parse error at column 3: not a valid duration "30m1h": units go from y, w, d, h, m, s to ms, each once"#)
    #expect(error("x[0s]") == "PromQL parse error at column 3: duration must be greater than 0")
    #expect(error("rate(x[5m],)") == "PromQL parse error at column 12: trailing commas not allowed in function call args")
    #expect(error("sum(x) by (a) by (b)") == #"PromQL parse error at column 15: unexpected keyword "by", expected an operator or the end of the expression"#)
    #expect(error("by (a) sum(x)") == #"PromQL parse error at column 4: unexpected "(", expected an operator or the end of the expression"#)
    #expect(error(#"x{a:b="c"}"#) == #"PromQL parse error at column 4: unexpected character ":" inside braces"#)
    #expect(error("é") == "PromQL parse error at column 1: unexpected character (non-ASCII)")
    #expect(error("x + é") == "PromQL parse error at column 5: unexpected character (non-ASCII)")
  }

  @Test func functionAndTypeErrors() {
    #expect(error("nope(x)") == #"PromQL parse error at column 1: unknown function with name "nope""#)
    #expect(error("sort_by_label(x)") == #"PromQL parse error at column 1: unknown function with name "sort_by_label""#)  // 2.42 has none
    #expect(error("rate(x)") == #"PromQL parse error at column 1: expected type range vector in call to function "rate", got instant vector"#)
    #expect(error("time(1)") == #"PromQL parse error at column 1: expected 0 argument(s) in call to "time", got 1"#)
    #expect(error("round(x, 1, 2)") == #"PromQL parse error at column 1: expected at most 2 argument(s) in call to "round", got 3"#)
    #expect(error(#"label_join(x, "a")"#) == #"PromQL parse error at column 1: expected at least 3 argument(s) in call to "label_join", got 2"#)
    #expect(error("sum(x[5m])") == "PromQL parse error at column 1: expected type instant vector in aggregation expression, got range vector")
    #expect(error("topk(x)") == "PromQL parse error at column 1: wrong number of arguments for aggregate expression provided, expected 2, got 1")
    #expect(error("count_values(1, x)") == "PromQL parse error at column 1: expected type string in aggregation parameter, got scalar")
    #expect(error("sum()") == "PromQL parse error at column 1: no arguments for aggregate expression provided")
    #expect(error(#"-"s""#) == "PromQL parse error at column 1: unary expression only allowed on expressions of type scalar or instant vector, got string")
  }

  @Test func operatorErrors() {
    #expect(error("1 > 2") == "PromQL parse error at column 3: comparisons between scalars must use the bool modifier")
    #expect(error("x + bool y") == "PromQL parse error at column 3: bool modifier can only be used on comparison operators")
    #expect(error("x and 1") == #"PromQL parse error at column 3: set operator "and" not allowed in binary scalar expression"#)
    #expect(error("x and on (a) group_left y") == #"PromQL parse error at column 3: no grouping allowed for "and" operation"#)
    #expect(error("x + on (a) group_left (a) y") == #"PromQL parse error at column 3: label "a" must not occur in on(…) and in the group modifier at once"#)
    #expect(error("x[5m] + 1") == "PromQL parse error at column 7: binary expression must contain only scalar and instant vector types, got range vector")
    #expect(error("1 + on (a) x") == "PromQL parse error at column 3: vector matching only allowed between instant vectors")
    #expect(error("x == == y") == #"PromQL parse error at column 6: unexpected "==", expected an expression"#)
  }

  @Test func selectorAndModifierErrors() {
    #expect(error(#"{job=""}"#) == "PromQL parse error at column 1: vector selector must contain at least one non-empty matcher")
    #expect(error(#"{job=~".*"}"#) == "PromQL parse error at column 1: vector selector must contain at least one non-empty matcher")
    #expect(error(#"x{__name__="y"}"#) == #"PromQL parse error at column 1: metric name must not be set twice: "x" or "y""#)
    #expect(error(#"x{a=~"("}"#)?.hasPrefix(#"PromQL parse error at column 3: invalid regular expression "(""#) == true)
    #expect(error("(x)[5m]") == "PromQL parse error at column 4: ranges only allowed for vector selectors")
    #expect(error("x offset 5m [5m]") == "PromQL parse error at column 13: no offset modifiers allowed before range")
    #expect(error("x[5m][5m]") == "PromQL parse error at column 6: ranges only allowed for vector selectors")
    #expect(error("x[5m:][5m:]") == "PromQL parse error at column 7: subquery is only allowed on instant vector, got range vector instead")
    #expect(error("scalar(x) offset 5m") == "PromQL parse error at column 11: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery")
    #expect(error("x offset 1m offset 1m") == "PromQL parse error at column 13: offset may not be set multiple times")
    #expect(error("x @ 1 @ 2") == "PromQL parse error at column 7: @ <timestamp> may not be set multiple times")
    #expect(error("x @ start") == #"PromQL parse error at column 10: unexpected end of input, expected "(""#)
  }

  @Test func regularExpressionsAsGoReadsThem() {
    // Accepted by RE2, though Swift's Regex reads them otherwise or not at all.
    for pattern in ["[a-z]+|nvme[[0-9]+", "[]a]", "a{x}", "${job}", "[a&&b]", "(?P<n>a)", #"(?i)a|\\Qa.b\\E"#, #"\\x41\\x{41}\\0 \\pL\\p{Greek}"#, "(?U)a", #"[\\d-z]"#] {
      #expect(error("x{a=~\"\(pattern)\"}") == nil, "\(pattern)")
    }
    #expect(error(#"x{a=~"a++"}"#) == "PromQL parse error at column 3: invalid regular expression \"a++\": invalid nested repetition operator: `++`")
    #expect(error(#"x{a=~"[a--z]"}"#) == "PromQL parse error at column 3: invalid regular expression \"[a--z]\": invalid character class range: `a--`")
    #expect(error(#"x{a=~"(?=a)"}"#) == "PromQL parse error at column 3: invalid regular expression \"(?=a)\": invalid or unsupported Perl syntax: `(?=`")
    #expect(error(#"x{a=~"(a)\\1"}"#) == "PromQL parse error at column 3: invalid regular expression \"(a)\\1\": invalid escape sequence: `\\1`")
    #expect(error(#"x{a=~"a{1001}"}"#) == "PromQL parse error at column 3: invalid regular expression \"a{1001}\": invalid repeat count: `{1001}`")
    #expect(error(#"x{a=~"*a"}"#) == "PromQL parse error at column 3: invalid regular expression \"*a\": missing argument to repetition operator: `*`")
    #expect(error(#"{a=~"a|"}"#) == "PromQL parse error at column 1: vector selector must contain at least one non-empty matcher")
    #expect(error(#"{a!~"a"}"#) == "PromQL parse error at column 1: vector selector must contain at least one non-empty matcher")
    #expect(error(#"{a!~""}"#) == nil)
  }

  // MARK: - Grafana

  @Test func grafanaMacrosAndVariablesWhereGrafanaSubstitutes() throws {
    for text in [
      "sum(rate(x{job=~\"$job\", instance=~\"${instance:regex}\"}[$__rate_interval]))",
      "rate(x[$__interval]) * $__interval_ms / 1000",
      "increase(x[$__range] offset $shift)",
      "sum by ($group) (x) > $threshold",
      "topk($n, x)",
      "rate(x[[[interval]]])",
      "avg_over_time(x[${__range}:$__interval])",
      "node_${fs}_bytes{mountpoint=\"[[mount]]\"}",
      "$metric{job=\"a\"}",
    ] {
      #expect(error(text, .grafana) == nil, "\(text)")
    }
    // The window stays marked as Grafana's, so the rate-range check leaves it alone, and keeps its text
    // as written, as do strings: the tree prints back as the query (gen import types it by that).
    guard case .call(_, let arguments) = try parse("rate(x[$__rate_interval])", .grafana), case .matrix(_, let range)? = arguments.first else {
      Issue.record("rate(x[…]) is a call over a matrix")
      return
    }
    #expect(range == duration("$__rate_interval", 300_000, templated: true))
    guard case .selector(let selector) = try parse(#"x{a=~"$a|${b:pipe}", c="[[c]]-\\$d"}"#, .grafana) else {
      Issue.record("a selector")
      return
    }
    #expect(selector.matchers.map(\.value) == ["$a|${b:pipe}", "[[c]]-\\$d"])
    #expect(try parse(#"label_replace(x, "dst", "$1", "src", "$re")"#, .grafana) == parse(#"label_replace(x, "dst", "$1", "src", "$re")"#, .grafana))
    #expect(PromQLParser.grafanaVariables(in: #"sum by (job) (rate(x{a="$a"}[$__rate_interval])) > ${t}"#) == ["$a", "$__rate_interval", "${t}"])
    // A selector of only a variable selects something as Grafana sends it (the variable's value).
    #expect(error(#"{job=~"$job"}"#, .grafana) == nil)
  }

  @Test func grafanaErrorsPointAtTheTextAsWritten() {
    // Columns of what was written, though the substituted text is shorter.
    #expect(error("sum(rate(x{a=~\"${instance:regex}\"}[$__rate_interval])) by (", .grafana) == #"PromQL parse error at column 60: unexpected end of input, expected a label name or ")""#)
    #expect(error("sum(rate(x{job=~\"$job\"}[$__rate_interval])", .grafana) == #"PromQL parse error at column 43: unexpected end of input, expected "," or ")""#)
    #expect(error("$__interval + x", .grafana) == #"PromQL parse error at column 1: unexpected duration 1m, expected an expression"#)
  }

  @Test func grafanaVariablesAreErrorsInRules() {
    #expect(error("rate(x[$__rate_interval])") == "PromQL parse error at column 8: $__rate_interval exists only in Grafana; use a duration in rules")
    #expect(error(#"x{job=~"$job"} > $threshold"#) == "PromQL parse error at column 18: $threshold is a Grafana variable; Prometheus does not substitute variables")
  }
}
