/// A Prometheus duration such as `15s`, `5m` or `1h30m`, written the way Prometheus and Grafana read it.
///
/// Write it as a literal or build it from numbers; validation rejects malformed text before anything
/// is written:
/// ```swift
/// let interval: PromDuration = "15s"
/// let window = PromDuration.minutes(5)
/// ```
public struct PromDuration: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// The text exactly as it will be emitted.
  public let text: String

  public init(_ text: String) { self.text = text }
  public init(stringLiteral value: String) { self.init(value) }

  public static func milliseconds(_ value: Int) -> PromDuration { PromDuration("\(value)ms") }
  public static func seconds(_ value: Int) -> PromDuration { PromDuration("\(value)s") }
  public static func minutes(_ value: Int) -> PromDuration { PromDuration("\(value)m") }
  public static func hours(_ value: Int) -> PromDuration { PromDuration("\(value)h") }
  public static func days(_ value: Int) -> PromDuration { PromDuration("\(value)d") }

  public var description: String { text }

  /// The canonical spelling of a length, largest units first: 105 000 ms → `1m45s`.
  public init(milliseconds: Int) {
    guard milliseconds > 0 else {
      self.init("0s")
      return
    }
    var rest = milliseconds
    var text = ""
    for (suffix, factor) in [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] {
      if rest >= factor {
        text += "\(rest / factor)\(suffix)"
        rest %= factor
      }
    }
    self.init(text)
  }

  /// The length in milliseconds, or `nil` when the text is not a valid Prometheus duration.
  ///
  /// Accepts the units Prometheus accepts (`y w d h m s ms`), each at most once and in that order,
  /// like Prometheus' `model.ParseDuration`.
  public var milliseconds: Int? {
    let units: [(suffix: String, factor: Int)] = [
      ("y", 365 * 86_400_000), ("w", 7 * 86_400_000), ("d", 86_400_000), ("h", 3_600_000),
      ("m", 60_000), ("s", 1000), ("ms", 1),
    ]
    if text == "0" { return 0 }
    var rest = Substring(text)
    var total = 0
    var nextUnit = 0
    var sawAny = false
    while !rest.isEmpty {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, let amount = Int(digits) else { return nil }
      rest = rest.dropFirst(digits.count)
      let unitText = rest.prefix { $0.isASCII && $0.isLetter }
      guard let index = units[nextUnit...].firstIndex(where: { $0.suffix == unitText }) else { return nil }
      rest = rest.dropFirst(unitText.count)
      let (product, overflow) = amount.multipliedReportingOverflow(by: units[index].factor)
      guard !overflow else { return nil }
      total += product
      nextUnit = index + 1
      sawAny = true
    }
    return sawAny ? total : nil
  }
}
