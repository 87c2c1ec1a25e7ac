import MonitoringDSL

/// Renders the part of Prometheus' alert templates (Go `text/template` with Prometheus' functions)
/// that annotations use, exactly as Prometheus prints it, so generated unit tests state the
/// annotations promtool must see. Supported actions: `$labels.NAME` (or `.Labels.NAME`), `$value`
/// (or `.Value`), `printf "FORMAT" ARG` with one `%v`/`%s` or `%f`/`%e`/`%g` verb (optionally
/// `%.N…`), `humanize`, `humanize1024`, `humanizeDuration` and `humanizePercentage`, called or
/// piped (`{{ $value | humanizePercentage }}`). Anything else is reported, never guessed.
/// ```swift
/// try AlertTemplate.render(#"{{ printf "%.2f" $value }} s"#, labels: [:], value: 0.975)   // "0.97 s"
/// ```
public enum AlertTemplate {
  public enum Failure: Error, Equatable { case unsupported(String) }

  public static func render(_ template: String, labels: [String: String], value: Double) throws(Failure) -> String {
    var output = ""
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unsupported(String(rest[open.lowerBound...])) }
      let action = String(rest[open.upperBound..<close.lowerBound])
      guard let text = evaluate(action, labels: labels, value: value) else { throw .unsupported("{{\(action)}}") }
      output += text
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  /// What a template value is while a pipeline runs: Prometheus' `$value` is a float64, labels are strings.
  private enum Operand {
    case number(Double)
    case text(String)

    /// Prometheus' number functions take either (a string is parsed as a float).
    var number: Double? {
      switch self {
      case .number(let value): value
      case .text(let text): Double(text)
      }
    }

    /// As `{{ x }}` prints it: Go's `%v`.
    var printed: String {
      switch self {
      case .number(let value): GoNumberFormat.format(value, verb: "v", precision: nil)
      case .text(let text): text
      }
    }
  }

  private static func evaluate(_ action: String, labels: [String: String], value: Double) -> String? {
    var current: Operand?
    guard let commands = pipeline(action) else { return nil }
    for words in commands {
      guard let first = words.first else { return nil }
      var arguments = words.dropFirst().map { operand($0, labels: labels, value: value) }
      if let current { arguments.append(current) }
      if let single = operand(first, labels: labels, value: value), words.count == 1, current == nil {
        current = single
      } else if first == "printf", words.count >= 2 {
        guard let format = quoted(words[1]), arguments.count == 2, let argument = arguments[1] else { return nil }
        guard let text = printf(format, argument) else { return nil }
        current = .text(text)
      } else if PrometheusTemplateFunctions.names.contains(first), arguments.count == 1,
        let number = arguments[0]?.number, let text = PrometheusTemplateFunctions.apply(first, to: number)
      {
        current = .text(text)
      } else {
        return nil
      }
    }
    return current?.printed
  }

  /// The action's commands, split at `|`, each split into words; a quoted string is one word.
  private static func pipeline(_ action: String) -> [[String]]? {
    var commands: [[String]] = [[]]
    var word = ""
    var inQuotes = false
    func endWord() {
      if !word.isEmpty { commands[commands.count - 1].append(word) }
      word = ""
    }
    for character in action {
      switch character {
      case "\"":
        word.append(character)
        if inQuotes { endWord() }
        inQuotes.toggle()
      case " " where !inQuotes: endWord()
      case "|" where !inQuotes:
        endWord()
        commands.append([])
      default: word.append(character)
      }
    }
    guard !inQuotes else { return nil }
    endWord()
    return commands
  }

  private static func operand(_ word: String, labels: [String: String], value: Double) -> Operand? {
    if word == "$value" || word == ".Value" { return .number(value) }
    for prefix in ["$labels.", ".Labels."] where word.hasPrefix(prefix) {
      return .text(labels[String(word.dropFirst(prefix.count))] ?? "")
    }
    return nil
  }

  private static func quoted(_ word: String) -> String? {
    guard word.count >= 2, word.hasPrefix("\""), word.hasSuffix("\""), !word.dropFirst().dropLast().contains("\\") else { return nil }
    return String(word.dropFirst().dropLast())
  }

  /// Go's `fmt.Sprintf` with one verb: `%v`/`%s` of anything, `%f`/`%e`/`%g` (with `.N`) of a number.
  private static func printf(_ format: String, _ argument: Operand) -> String? {
    let parts = format.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].contains("%") else { return parts.count == 1 ? format : nil }
    var spec = Substring(parts[1])
    var precision: Int?
    if spec.hasPrefix(".") {
      let digits = spec.dropFirst().prefix { $0.isNumber }
      guard let number = Int(digits), number <= 20 else { return nil }
      precision = number
      spec = spec.dropFirst(1 + digits.count)
    }
    guard let verb = spec.first, !spec.dropFirst().contains("%") else { return nil }
    let suffix = String(spec.dropFirst())
    let text: String
    switch (verb, argument) {
    case ("v", _) where precision == nil, ("s", .text) where precision == nil: text = argument.printed
    case ("f", .number(let number)), ("e", .number(let number)), ("g", .number(let number)):
      text = GoNumberFormat.format(number, verb: verb, precision: precision)
    default: return nil
    }
    return String(parts[0]) + text + suffix
  }
}

extension Substring {
  fileprivate func range(of needle: String) -> Range<Substring.Index>? {
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
      index = self.index(after: index)
    }
    return nil
  }
}
