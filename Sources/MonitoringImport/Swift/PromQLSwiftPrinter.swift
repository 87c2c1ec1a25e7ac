import MonitoringDSL

/// Swift source for a typed ``PromQL`` tree, in the DSL's own words where the tree is what they build:
/// `Metrics.x.rate("5m", […]).sum(by: ["job"])`, `Metrics.h.quantile(0.99, over: .rateInterval)`,
/// `.dividedBy(…)`, `.greaterThan(1)`; the tree's cases (`PromQL.call(…)`, `PromQL.binary(…)`) where no
/// method builds it. The source evaluates to the same tree, so it renders the same text.
/// ```swift
/// var printer = PromQLSwiftPrinter(catalogue: "Metrics")
/// printer.source(tree)   // Metrics.appMessagesTotal.rate("5m").sum()
/// printer.catalogueSource(indent: "  ")   // enum Metrics { static let appMessagesTotal = Metric.Counter(…) }
/// ```
struct PromQLSwiftPrinter {
  /// The name of the enum that holds the catalogue.
  let catalogue: String
  /// Swift names of the catalogue entries, by metric name, as they are first printed.
  private var names: [String: String] = [:]
  private var definitions: [Metric.Definition] = []
  private var identifiers = SwiftNames(reserved: [])

  /// The DSL's free functions the printed source calls: a function of the printed type with one of
  /// these names would shadow it, so the type's other names avoid them.
  static let freeFunctionNames: Set<String> = ["absent", "up"]

  init(catalogue: String) { self.catalogue = catalogue }

  mutating func source(_ expr: PromQL) -> String {
    if let method = methodSource(expr) { return method }
    switch expr {
    case .selector(let name, let matchers, let metric):
      let metricSource = metric.map { reference($0) + ".definition" } ?? "nil"
      return "PromQL.selector(name: \(SwiftLiteral.string(name)), matchers: \(matchersSource(matchers)), metric: \(metricSource))"
    case .range(let inner, let window, let step):
      return "PromQL.range(\(source(inner)), window: \(windowSource(window)), step: \(step.map(durationSource) ?? "nil"))"
    case .call(let function, let arguments):
      return "PromQL.call(\(SwiftLiteral.string(function)), [\(arguments.map { source($0) }.joined(separator: ", "))])"
    case .aggregation(let op, let inner, let grouping, let parameter):
      return "PromQL.aggregation(.\(op), \(source(inner)), grouping: \(grouping.map(groupingSource) ?? "nil"), "
        + "parameter: \(parameter.map { source($0) } ?? "nil"))"
    case .binary(let left, let op, let right, let returnBool, let matching):
      return "PromQL.binary(\(source(left)), .\(op), \(source(right)), returnBool: \(returnBool), "
        + "matching: \(matching.map(matchingSource) ?? "nil"))"
    case .number(let value): return "PromQL.number(\(numberSource(value)))"
    case .string(let value): return "PromQL.string(\(SwiftLiteral.string(value)))"
    case .offset(let inner, let duration): return "\(source(inner)).offset(\(durationSource(duration)))"
    case .raw(let text): return "PromQL.raw(\(SwiftLiteral.string(text)))"
    }
  }

  /// `enum Metrics { … }` with every entry printed so far, in the order they were first used.
  func catalogueSource(indent: String) -> String {
    var text = indent + "/// The metrics the queries select, their kinds inferred from use (rated or `_total`: counter; with\n"
    text += indent + "/// `_bucket` series: histogram; else gauge). Add help, labels and buckets to have them checked.\n"
    text += indent + "enum \(catalogue) {\n"
    for definition in definitions {
      let name = SwiftLiteral.string(definition.name)
      let constructor: String =
        switch definition.kind {
        case .counter: "Metric.Counter(\(name), help: \"\")"
        case .gauge: "Metric.Gauge(\(name), help: \"\")"
        case .histogram(let buckets): "Metric.Histogram(\(name), help: \"\", buckets: [\(buckets.map(numberSource).joined(separator: ", "))])"
        case .summary: "Metric.Summary(\(name), help: \"\", quantiles: [])"
        }
      text += indent + "  static let \(names[definition.name] ?? "") = \(constructor)\n"
    }
    return text + indent + "}\n"
  }

  var isEmpty: Bool { definitions.isEmpty }

  // MARK: - The DSL's methods

  /// The DSL method call that builds exactly `expr`, if one does.
  private mutating func methodSource(_ expr: PromQL) -> String? {
    switch expr {
    case .selector(let name, let matchers, let metric):
      guard let metric, name == metric.name else { return name == "up" && metric == nil ? "up(\(argumentList(matchers)))" : nil }
      switch metric.kind {
      case .counter: return "\(reference(metric)).selector(\(argumentList(matchers)))"
      case .gauge: return "\(reference(metric)).select(\(argumentList(matchers)))"
      case .histogram, .summary: return nil
      }
    case .call(let function, let arguments):
      if let method = seriesFunctionSource(function, arguments) { return method }
      if function == "absent", arguments.count == 1 { return "absent(\(source(arguments[0])))" }
      if arguments.count == 1 { return "\(source(arguments[0])).apply(\(SwiftLiteral.string(function)))" }
      return nil
    case .aggregation(let op, let inner, let grouping, nil):
      if case .call("increase", let arguments) = inner, grouping == .by(["le"]),
        let (metric, window, matchers) = histogramSeries(arguments, suffix: "_bucket"), op == .sum
      {
        return "\(reference(metric)).bucketIncrease(\(windowSource(window))\(trailing(matchers)))"
      }
      let labels: [String]
      switch grouping {
      case nil: labels = []
      case .by(let grouped) where !grouped.isEmpty: labels = grouped
      case .without(let excluded) where op == .sum: return "\(source(inner)).sum(without: \(SwiftLiteral.strings(excluded)))"
      default: return nil
      }
      let by = labels.isEmpty ? "" : "by: \(SwiftLiteral.strings(labels))"
      guard [.sum, .avg, .max, .min, .count].contains(op) else {
        return "\(source(inner)).aggregate(.\(op), by: \(SwiftLiteral.strings(labels)))"
      }
      return "\(source(inner)).\(op)(\(by))"
    case .binary(let left, let op, let right, false, let matching):
      return binarySource(left, op, right, matching: matching)
    case .range(let inner, .duration(let range), let step?):
      return "\(source(inner)).subquery(\(durationSource(range)), step: \(durationSource(step)))"
    default:
      return nil
    }
  }

  /// `rate`/`irate`/`increase` of a counter, `<op>_over_time`/`changes` of a gauge, `histogram_quantile`
  /// over a histogram's buckets, `rate` of its `_count` or `_sum`.
  private mutating func seriesFunctionSource(_ function: String, _ arguments: [PromQL]) -> String? {
    if function == "histogram_quantile", arguments.count == 2, case .number(let quantile) = arguments[0],
      case .aggregation(.sum, .call("rate", let rateArguments), .by(let labels)?, nil) = arguments[1],
      labels.first == "le", !labels.dropFirst().contains("le"),
      let (metric, window, matchers) = histogramSeries(rateArguments, suffix: "_bucket")
    {
      let by = labels.count > 1 ? ", by: \(SwiftLiteral.strings(Array(labels.dropFirst())))" : ""
      return "\(reference(metric)).quantile(\(numberSource(quantile)), over: \(windowSource(window))\(by)\(trailing(matchers)))"
    }
    if function == "rate" {
      for (suffix, method) in [("_count", "countRate"), ("_sum", "sumRate")] {
        if let (metric, window, matchers) = histogramSeries(arguments, suffix: suffix) {
          return "\(reference(metric)).\(method)(\(windowSource(window))\(trailing(matchers)))"
        }
      }
    }
    guard arguments.count == 1, case .range(.selector(let name, let matchers, let metric?), let window, nil) = arguments[0],
      name == metric.name
    else { return nil }
    switch metric.kind {
    case .counter where ["rate", "irate", "increase"].contains(function):
      return "\(reference(metric)).\(function)(\(windowSource(window))\(trailing(matchers)))"
    case .gauge where function == "changes":
      return "\(reference(metric)).changes(\(windowSource(window))\(trailing(matchers)))"
    case .gauge where function.hasSuffix("_over_time"):
      guard let op = AggregationOperator(rawValue: String(function.dropLast("_over_time".count))) else { return nil }
      return "\(reference(metric)).overTime(.\(op), \(windowSource(window))\(trailing(matchers)))"
    default:
      return nil
    }
  }

  /// The histogram, window and matchers of `[name<suffix>{matchers}[window]]` over a catalogue histogram.
  private func histogramSeries(_ arguments: [PromQL], suffix: String) -> (Metric.Definition, PromWindow, [LabelMatcher])? {
    guard arguments.count == 1, case .range(.selector(let name, let matchers, let metric?), let window, nil) = arguments[0],
      case .histogram = metric.kind, name == metric.name + suffix
    else { return nil }
    return (metric, window, matchers)
  }

  private mutating func binarySource(_ left: PromQL, _ op: BinaryOperator, _ right: PromQL, matching: VectorMatching?) -> String? {
    let number: Double? = if case .number(let value) = right { value } else { nil }
    let onLabels: [String]?? =
      switch matching {
      case nil: .some(nil)
      case let matching? where matching.group == nil: if case .on(let labels) = matching.labels { .some(labels) } else { nil }
      default: nil
      }
    let comparisons: [BinaryOperator: String] = [
      .greater: "greaterThan", .less: "lessThan", .equal: "equalTo", .notEqual: "notEqualTo", .greaterOrEqual: "atLeast",
      .lessOrEqual: "atMost",
    ]
    switch op {
    case .divide:
      let matchingArgument = matching.map { ", " + matchingSource($0) } ?? ""
      return "\(source(left)).dividedBy(\(source(right))\(matchingArgument))"
    case .and, .unless:
      guard let onLabels else { return nil }
      return "\(source(left)).\(op)(\(source(right))\(onLabels.map { ", on: \(SwiftLiteral.strings($0))" } ?? ""))"
    default:
      guard matching == nil else { return nil }
      if let method = comparisons[op] {
        return number.map { "\(source(left)).\(method)(\(numberSource($0)))" }
      }
      let methods: [BinaryOperator: String] = [.add: "plus", .subtract: "minus", .multiply: "times", .or: "or"]
      guard let method = methods[op] else { return nil }
      let argument = op == .multiply && number != nil ? numberSource(number!) : source(right)
      return "\(source(left)).\(method)(\(argument))"
    }
  }

  // MARK: - Parts

  /// `Metrics.name`, the entry added to the catalogue on first use.
  mutating func reference(_ metric: Metric.Definition) -> String {
    if let name = names[metric.name] { return "\(catalogue).\(name)" }
    let name = identifiers.unique(metric.name, fallback: "metric")
    names[metric.name] = name
    definitions.append(metric)
    return "\(catalogue).\(name)"
  }

  private func argumentList(_ matchers: [LabelMatcher]) -> String { matchers.isEmpty ? "" : matchersSource(matchers) }
  private func trailing(_ matchers: [LabelMatcher]) -> String { matchers.isEmpty ? "" : ", " + matchersSource(matchers) }

  /// `[.equal("job", "app"), .regex("code", "5..")]`.
  func matchersSource(_ matchers: [LabelMatcher]) -> String {
    let methods: [LabelMatcher.Operator: String] = [.equal: "equal", .notEqual: "notEqual", .regex: "regex", .notRegex: "notRegex"]
    let elements = matchers.map { matcher in
      ".\(methods[matcher.op] ?? "equal")(\(SwiftLiteral.string(matcher.label)), \(SwiftLiteral.string(matcher.value)))"
    }
    return "[" + elements.joined(separator: ", ") + "]"
  }

  private func windowSource(_ window: PromWindow) -> String {
    switch window {
    case .rateInterval: ".rateInterval"
    case .duration(let duration): durationSource(duration)
    }
  }

  private func durationSource(_ duration: PromDuration) -> String { SwiftLiteral.string(duration.text) }

  private func groupingSource(_ grouping: Grouping) -> String {
    switch grouping {
    case .by(let labels): ".by(\(SwiftLiteral.strings(labels)))"
    case .without(let labels): ".without(\(SwiftLiteral.strings(labels)))"
    }
  }

  private func matchingSource(_ matching: VectorMatching) -> String {
    let labels: String =
      switch matching.labels {
      case .on(let labels): ".on(\(SwiftLiteral.strings(labels)))"
      case .ignoring(let labels): ".ignoring(\(SwiftLiteral.strings(labels)))"
      }
    switch matching.group {
    case nil: return "VectorMatching(\(labels))"
    case .left(let included)?: return "VectorMatching(\(labels), group: .left(\(SwiftLiteral.strings(included))))"
    case .right(let included)?: return "VectorMatching(\(labels), group: .right(\(SwiftLiteral.strings(included))))"
    }
  }

  private func numberSource(_ value: Double) -> String {
    if value.isNaN { return "Double.nan" }
    if value.isInfinite { return value < 0 ? "-Double.infinity" : "Double.infinity" }
    return SwiftLiteral.double(value)
  }
}
