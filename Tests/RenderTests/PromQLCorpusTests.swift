import Foundation
import MonitoringRender
import Testing
import Yams

/// Our parser against promtool (Prometheus 2.42): every expression of the shared corpus's rule files
/// and dashboards, truncated variants of each and a table of broken ones must be accepted or
/// rejected exactly as `promtool check rules` accepts or rejects them.
@Suite struct PromQLCorpusTests {
  static let promtool = "/usr/bin/promtool"

  /// `$SHARED_DIR`, or `../shared` next to the package.
  static let shared: URL = {
    if let dir = ProcessInfo.processInfo.environment["SHARED_DIR"] { return URL(fileURLWithPath: dir) }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// Broken on purpose; each also checks that the error is about the right thing.
  static let broken = [
    "sum(rate(app_messages_total[5m]) <", "sum by (job (x)", "rate(x[5m]", "x{job=\"a\"", "x{job=~\"(\"}", "x[5]",
    "x[5m:1]", "rate(x)", "sum(x[5m])", "nope(x)", "histogram_stddev(x)", "sort_by_label(x, \"a\")", "1 > 2", "x and 1",
    "x + on(a) group_left(a) y", "x offset", "(x)[5m]", "x offset 5m[5m]", "{job=\"\"}", "x{a=\"\\.\"}", "topk(x)",
    "count_values(1, x)", "x[0s]", "x @ start", "label_replace(x, \"a\")", "x == bool", "* x", "x +", "sum() by (a)",
    "x{a=\"b\",,}", "x{\"a\"=\"b\"}", "x{a:b=\"c\"}", "by (a) sum(x)", "rate(x[5m],)", "x[30m1h]", "x y", "'unterminated",
    "x{a!b=\"c\"}", "0x", "1e", "sum(x) by (a) by (b)", "scalar(x) offset 5m", "-\"s\"", "x[5m][5m]", "atan2",
    "x @ 1 @ 2", "x offset 1m offset 1m", "{a=~\".*\"}", "app:x:rate5m(x)", "absent(x[5m])", "vector(x)", "time(1)",
    "round(x, 1, 2)", "x and on(a) group_left y", "quantile(\"a\", x)", "x == == y", "x{}[5m:",
  ]

  /// Unusual; each must get promtool's verdict (valid ones and a few keyword cases that are not).
  static let unusual = [
    "sum", "by", "x AND y", "SUM(x) BY (a)", "Inf", "-NaN", "0x1F", ".5", "5.", "1e3", "-x ^ 2", "x @ -5", "x @ end()",
    "x[5m] @ 100", "x offset -5m @ start()", "x atan2 y", "2 ^ 3 ^ 2", "x + on() 1", "sum(x) without (on, sum, offset)",
    "x # a comment\n+ y", "label_join(x, \"a\", \",\", \"b\", \"c\")", "round(x)", "year()", "rate(x[5m])[5m:]",
    "x[1h30m]", "{__name__=~\"up|x\"}", "`raw\\string`", "'single'", "x{a=\"\\u00e9\\x41\\101\"}", "sum by () (x)",
    "sum(x) by (a,)", "x{a=\"b\",}", "count_values(\"v\", x)", "quantile(0.5, x)", "1 > bool 2", "x > bool on(a) group_left(b) y",
    "holt_winters(x[5m], 0.5, 0.5)", "histogram_fraction(0, 1, x)", "x unless ignoring(a) y", "-(x)", "+x", "x{job!~\"a|b\"}",
    // Keywords as metric names: some are, some are not.
    "and", "or", "unless", "offset", "start", "end", "without", "on", "bool", "ignoring", "group_left", "count_values", "topk", "x + and", "sum + 1", "offset{a=\"b\"}", "start[5m]", "by offset 5m", "x + by", "rate(by[5m])", "sum(and)", "x{a=\"b\"} and on() group_left() y",
  ]

  /// Every function of Prometheus 2.42 called as declared, functions of later versions, and wrong arities and types.
  static let functions = [
    "abs(x)",
    "absent(x)",
    "acos(x)",
    "acosh(x)",
    "asin(x)",
    "asinh(x)",
    "atan(x)",
    "atanh(x)",
    "ceil(x)",
    "cos(x)",
    "cosh(x)",
    "deg(x)",
    "exp(x)",
    "floor(x)",
    "histogram_count(x)",
    "histogram_sum(x)",
    "ln(x)",
    "log10(x)",
    "log2(x)",
    "rad(x)",
    "sgn(x)",
    "sin(x)",
    "sinh(x)",
    "sort(x)",
    "sort_desc(x)",
    "sqrt(x)",
    "tan(x)",
    "tanh(x)",
    "timestamp(x)",
    "absent_over_time(x[5m])",
    "avg_over_time(x[5m])",
    "changes(x[5m])",
    "count_over_time(x[5m])",
    "delta(x[5m])",
    "deriv(x[5m])",
    "idelta(x[5m])",
    "increase(x[5m])",
    "irate(x[5m])",
    "last_over_time(x[5m])",
    "max_over_time(x[5m])",
    "min_over_time(x[5m])",
    "present_over_time(x[5m])",
    "rate(x[5m])",
    "resets(x[5m])",
    "stddev_over_time(x[5m])",
    "stdvar_over_time(x[5m])",
    "sum_over_time(x[5m])",
    "day_of_month()",
    "day_of_month(x)",
    "day_of_week()",
    "day_of_week(x)",
    "day_of_year()",
    "day_of_year(x)",
    "days_in_month()",
    "days_in_month(x)",
    "hour()",
    "hour(x)",
    "minute()",
    "minute(x)",
    "month()",
    "month(x)",
    "year()",
    "year(x)",
    "clamp(x, 0, 1)",
    "clamp_max(x, 1)",
    "clamp_min(x, 0)",
    "histogram_fraction(0, 1, x)",
    "histogram_quantile(0.9, x)",
    "holt_winters(x[5m], 0.5, 0.5)",
    "label_join(x, \"a\", \",\")",
    "label_replace(x, \"a\", \"$1\", \"b\", \"(.*)\")",
    "pi()",
    "predict_linear(x[5m], 60)",
    "quantile_over_time(0.5, x[5m])",
    "scalar(x)",
    "time()",
    "vector(1)",
    "histogram_stddev(x)",
    "histogram_stdvar(x)",
    "histogram_avg(x)",
    "mad_over_time(x[5m])",
    "sort_by_label(x, \"a\")",
    "sort_by_label_desc(x, \"a\")",
    "double_exponential_smoothing(x[5m], 0.5, 0.5)",
    "info(x)",
    "limitk(1, x)",
    "limit_ratio(0.5, x)",
    "ts_of_max_over_time(x[5m])",
    "first_over_time(x[5m])",
    "abs()",
    "abs(x, x)",
    "rate(x[5m], 1)",
    "clamp(x)",
    "histogram_quantile(x)",
    "vector(x)",
    "scalar(x[5m])",
    "label_replace(x, 1, 2, 3, 4)",
    "predict_linear(x, 60)",
    "days_in_month(x, x)",
  ]

  /// Regular expressions as Go's RE2 reads them (Swift's Regex reads a superset).
  static let regexes = [
    "x{a=~\"a**\"}",
    "x{a=~\"a*?\"}",
    "x{a=~\"a+?\"}",
    "x{a=~\"a??\"}",
    "x{a=~\"a*??\"}",
    "x{a=~\"a{2}{3}\"}",
    "x{a=~\"a{2}*\"}",
    "x{a=~\"a{1001}\"}",
    "x{a=~\"a{1000}\"}",
    "x{a=~\"a{,3}\"}",
    "x{a=~\"a{x}\"}",
    "x{a=~\"${job}\"}",
    "x{a=~\"[a-]\"}",
    "x{a=~\"[-a]\"}",
    "x{a=~\"[]a]\"}",
    "x{a=~\"[^]a]\"}",
    "x{a=~\"[z-a]\"}",
    "x{a=~\"[[:alpha:]]\"}",
    "x{a=~\"[[:foo:]]\"}",
    "x{a=~\"[a&&b]\"}",
    "x{a=~\"[a~~b]\"}",
    "x{a=~\"(?=a)\"}",
    "x{a=~\"(?!a)\"}",
    "x{a=~\"(a)\\\\1\"}",
    "x{a=~\"(?P<n>a)\"}",
    "x{a=~\"(?<n>a)\"}",
    "x{a=~\"(?i)a\"}",
    "x{a=~\"(?i:a)\"}",
    "x{a=~\"(?U)a\"}",
    "x{a=~\"(?s-m:a)\"}",
    "x{a=~\"\\\\d\\\\w\\\\s\\\\D\"}",
    "x{a=~\"\\\\pL\\\\p{Greek}\\\\PL\"}",
    "x{a=~\"\\\\Qa.b\\\\E\"}",
    "x{a=~\"\\\\x41\\\\x{41}\"}",
    "x{a=~\"\\\\i\"}",
    "x{a=~\"\\\\-\"}",
    "x{a=~\"\\\\/\"}",
    "x{a=~\"a{2,1}\"}",
    "x{a=~\"*a\"}",
    "x{a=~\"(*a)\"}",
    "x{a=~\"|a\"}",
    "x{a=~\"a|*\"}",
    "x{a=~\"^a$\"}",
    "x{a=~\"\\\\A\\\\z\"}",
    "x{a=~\"\\\\Z\"}",
    "x{a=~\"\\\\b\\\\B\"}",
    "x{a=~\"[\\\\d-z]\"}",
    "x{a=~\"[a-\\\\d]\"}",
    "x{a=~\"()\"}",
    "x{a=~\"(|a)\"}",
    "x{a=~\"a{2}?\"}",
    "x{a=~\"[\\\\]]\"}",
    "x{a=~\"[a-\\\\]]\"}",
    "x{a=~\"\\\\8\"}",
    "x{a=~\"\\\\0\"}",
    "x{a=~\"\\\\01\"}",
    "x{a=~\"[\\\\b]\"}",
    "x{a=~\"x{2}{,}\"}",
    "x{a=~\"\\\\C\"}",
    "x{a=~\"[^\\\\x00-\\\\x{10FFFF}]\"}",
  ]

  @Test func acceptsExactlyWhatPromtoolAccepts() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.promtool), "install Debian prometheus (scripts/test does)")
    let corpus = Self.shared.appendingPathComponent("corpus")
    try #require(FileManager.default.fileExists(atPath: corpus.path), "the shared folder is \(Self.shared.path); set SHARED_DIR")

    let rules = try ruleExpressions(in: corpus.appendingPathComponent("rules"))
    let dashboards = try dashboardExpressions(in: corpus.appendingPathComponent("dashboards"))
    #expect(rules.count > 100)
    #expect(dashboards.count > 100)
    // What promtool sees: rule expressions, dashboard expressions as the shared script cleans them, variants.
    var cases = rules + dashboards.map(\.cleaned)
    cases += cases.flatMap(Self.variants) + Self.mutations(cases)
    cases += Self.regexes + Self.functions + Self.broken + Self.unusual
    let promtoolRejects = try rejectedByPromtool(cases)

    var disagreements: [String] = []
    for (index, expression) in cases.enumerated() {
      let weReject = (try? PromQLParser.parse(expression)) == nil
      if weReject != promtoolRejects.contains(index) {
        disagreements.append("\(weReject ? "we reject" : "we accept") \(expression.debugDescription)")
      }
    }
    // The dashboards as written, read as Grafana reads them: the same verdict as their cleaned text.
    for (offset, expression) in dashboards.enumerated() {
      let index = rules.count + offset
      let weReject = (try? PromQLParser.parse(expression.original, dialect: .grafana)) == nil
      if weReject != promtoolRejects.contains(index) {
        disagreements.append("as Grafana: \(weReject ? "we reject" : "we accept") \(expression.original.debugDescription)")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count) of \(cases.count):\n\(disagreements.joined(separator: "\n"))")
    #expect(Set(Self.broken.indices.map { cases.count - Self.broken.count - Self.unusual.count + $0 }).isSubset(of: promtoolRejects))
    print("PromQL corpus: \(rules.count) rule and \(dashboards.count) dashboard expressions, \(cases.count) cases, promtool rejects \(promtoolRejects.count)")
  }

  /// Small edits of an expression, the same on every run: a character deleted, doubled, or replaced by
  /// one of PromQL's punctuation, at positions from a fixed linear congruential sequence.
  static func mutations(_ expressions: [String]) -> [String] {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let punctuation = Array("(){}[],:=!~\"'`+-*/^<>@#$ 0a")
    return expressions.flatMap { expression -> [String] in
      var characters = Array(expression)
      guard characters.count > 1 else { return [] }
      var edits: [String] = []
      for edit in 0..<30 {
        let at = next(characters.count)
        var copy = characters
        switch edit % 3 {
        case 0: copy.remove(at: at)
        case 1: copy.insert(copy[at], at: at)
        default: copy[at] = punctuation[next(punctuation.count)]
        }
        edits.append(String(copy))
      }
      characters.removeAll()
      return edits
    }
  }

  /// Truncations of an expression that still have a chance to be valid or not: after 2/3 and without the last character.
  static func variants(_ expression: String) -> [String] {
    let trimmed = expression.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.count > 3 else { return [] }
    return [String(trimmed.prefix(trimmed.count * 2 / 3)), String(trimmed.dropLast())]
  }

  /// Every `expr` of every rule (alerting and recording) in the rule files.
  func ruleExpressions(in folder: URL) throws -> [String] {
    var expressions: [String] = []
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let tree = try Yams.load(yaml: text)
      guard let groups = (tree as? [String: Any])?["groups"] as? [[String: Any]] else { continue }
      for group in groups {
        for rule in group["rules"] as? [[String: Any]] ?? [] {
          if let expr = rule["expr"] as? String { expressions.append(expr) }
        }
      }
    }
    return expressions
  }

  struct DashboardExpression: Equatable {
    var original: String
    var cleaned: String
  }

  /// The shared script's extraction: each dashboard expression as written and as it cleans it.
  func dashboardExpressions(in folder: URL) throws -> [DashboardExpression] {
    let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasSuffix(".json") }
      .map { folder.appendingPathComponent($0).path }
    let program = """
      import contextlib, io, json, sys
      sys.path.insert(0, sys.argv[1])
      import dashboard_promql_to_rules as script
      out = {}
      for name, clean in [("cleaned", script.clean), ("original", lambda e: e)]:
          script.clean = clean
          buffer = io.StringIO()
          with contextlib.redirect_stdout(buffer): script.main(sys.argv[2:])
          out[name] = [r["expr"] for g in json.loads(buffer.getvalue())["groups"] for r in g["rules"]]
      json.dump(out, sys.stdout)
      """
    let (status, output, _) = try run("/usr/bin/python3", ["-c", program, Self.shared.appendingPathComponent("schemas").path] + paths)
    try #require(status == 0)
    let lists = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String]]
    let original = lists?["original"] ?? [], cleaned = lists?["cleaned"] ?? []
    try #require(original.count == cleaned.count)
    return zip(original, cleaned).map(DashboardExpression.init)
  }

  /// The indices of `expressions` promtool does not parse, from one rule file with a rule per expression.
  func rejectedByPromtool(_ expressions: [String]) throws -> Set<Int> {
    let rules = expressions.enumerated().map { ["record": "case:expr_\($0.offset)", "expr": $0.element] }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("promql-corpus-\(UUID().uuidString).yml")
    try Yams.dump(object: ["groups": [["name": "corpus", "rules": rules]]]).write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let (status, _, errors) = try run(Self.promtool, ["check", "rules", file.path])
    var rejected: Set<Int> = []
    for line in errors.split(separator: "\n") where line.contains("could not parse expression") {
      guard let range = line.range(of: #""case:expr_[0-9]+""#, options: .regularExpression),
        let index = Int(line[range].dropFirst(11).dropLast())
      else { continue }
      rejected.insert(index)
    }
    #expect(status == (rejected.isEmpty ? 0 : 1), "\(errors.prefix(2000))")
    return rejected
  }

  /// Runs a tool with its output in files (promtool's report can outgrow a pipe's buffer).
  func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("promql-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
  }
}
