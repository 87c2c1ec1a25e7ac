/// Go's `fmt` verbs for a float64 (`%v`, `%.Nf`, `%.Ne`, `%.Ng`), digit for digit: what Prometheus'
/// templates print for `{{ $value }}`, `printf` and the `humanize*` functions.
/// ```swift
/// GoNumberFormat.format(0.975, verb: "f", precision: 2)   // "0.97": 0.975 is 0.97499999… in binary
/// GoNumberFormat.format(1e6, verb: "v", precision: nil)   // "1e+06"
/// ```
enum GoNumberFormat {
  /// `verb` is one of f, e, g, v; `precision` nil is Go's default (shortest for v and g, 6 for f and e).
  static func format(_ value: Double, verb: Character, precision: Int?) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
    let sign = value.sign == .minus ? "-" : ""
    var decimal = ExactDecimal(value)
    switch verb {
    case "f":
      let fraction = precision ?? 6
      decimal.round(toFractionDigits: fraction)
      return sign + fixed(decimal, fraction: fraction)
    case "e":
      let fraction = precision ?? 6
      decimal.round(toDigits: fraction + 1)
      return sign + scientific(decimal, fraction: fraction)
    default:
      return sign + general(&decimal, value: value, precision: verb == "v" ? nil : precision)
    }
  }

  /// `%g` (and `%v`, which is `%g` at the shortest precision): scientific when the exponent is
  /// below -4 or at least the precision (6 when shortest), fixed otherwise, without trailing zeros.
  private static func general(_ decimal: inout ExactDecimal, value: Double, precision: Int?) -> String {
    var digitCount: Int
    let exponentLimit: Int
    if let precision {
      digitCount = max(precision, 1)
      decimal.round(toDigits: digitCount)
      exponentLimit = digitCount > decimal.digits.count && decimal.digits.count >= decimal.point ? decimal.digits.count : digitCount
    } else {
      decimal = ExactDecimal(shortest: value)
      digitCount = decimal.digits.count
      exponentLimit = 6
    }
    let exponent = decimal.point - 1  // -1 for zero, as in Go
    if exponent < -4 || exponent >= exponentLimit {
      digitCount = min(digitCount, decimal.digits.count)
      return scientific(decimal, fraction: max(digitCount - 1, 0))
    }
    let fraction = digitCount > decimal.point ? decimal.digits.count - decimal.point : 0
    return fixed(decimal, fraction: max(fraction, 0))
  }

  private static func fixed(_ decimal: ExactDecimal, fraction: Int) -> String {
    let digits = decimal.digits
    var text = ""
    if decimal.point <= 0 {
      text = "0"
    } else {
      for index in 0..<decimal.point { text.append(index < digits.count ? Character(String(digits[index])) : "0") }
    }
    if fraction > 0 {
      text.append(".")
      for position in 0..<fraction {
        let index = decimal.point + position
        text.append(index >= 0 && index < digits.count ? Character(String(digits[index])) : "0")
      }
    }
    return text
  }

  private static func scientific(_ decimal: ExactDecimal, fraction: Int) -> String {
    let digits = decimal.digits
    var text = String(digits.first ?? 0)
    if fraction > 0 {
      text.append(".")
      for index in 1...fraction { text.append(index < digits.count ? Character(String(digits[index])) : "0") }
    }
    let exponent = digits.isEmpty ? 0 : decimal.point - 1
    let magnitude = abs(exponent)
    return text + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
  }
}

extension ExactDecimal {
  /// The shortest digits that read back as `value` (Swift's `description` finds them, as Go's
  /// `strconv` does with precision -1).
  init(shortest value: Double) {
    self.init(0)
    var text = Substring(abs(value).description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Int(text[text.index(after: e)...]) ?? 0
      text = text[..<e]
    }
    let whole = text.prefix { $0 != "." }
    let fraction = text.dropFirst(whole.count + 1)
    var all = Array((whole + fraction).utf8.map { $0 - 48 })
    var point = whole.count + exponent
    while all.first == 0 {
      all.removeFirst()
      point -= 1
    }
    while all.last == 0 { all.removeLast() }
    self.init(digits: all, point: all.isEmpty ? 0 : point)
  }
}
