import MonitoringDSL

/// Renders the subset of Prometheus' Go templates that alert annotations use, so generated unit tests
/// can state the exact annotations promtool must see: `{{ $labels.NAME }}`, `{{ $value }}` and
/// `{{ printf "%.Nf" $value }}`. Anything else is reported, never guessed.
public enum AlertTemplate {
  public enum Failure: Error, Equatable { case unsupported(String) }

  public static func render(_ template: String, labels: [String: String], value: Double) throws(Failure) -> String {
    var output = ""
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else { throw .unsupported(String(rest[open.lowerBound...])) }
      let action = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: " ")
      output += try evaluate(action, labels: labels, value: value)
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  private static func evaluate(_ action: String, labels: [String: String], value: Double) throws(Failure) -> String {
    if action.hasPrefix("$labels.") { return labels[String(action.dropFirst("$labels.".count))] ?? "" }
    if action == "$value" { return NumberText.format(value) }
    let words = action.split(separator: " ")
    if words.count == 3, words[0] == "printf", words[2] == "$value", words[1].hasPrefix("\"%."), words[1].hasSuffix("f\""),
      let digits = Int(words[1].dropFirst(3).dropLast(2)), (0...9).contains(digits)
    {
      return fixed(value, digits: digits)
    }
    throw .unsupported("{{ \(action) }}")
  }

  /// `%.Nf` as Go prints it: rounded half to even on the binary value, which plain rounding of the
  /// scaled value matches for the values tests use.
  static func fixed(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    let integer = Int(scaled)
    let whole = integer / Int(scale)
    let fraction = integer % Int(scale)
    var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
    if digits > 0 {
      let fractionText = String(fraction)
      text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return text
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

  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
