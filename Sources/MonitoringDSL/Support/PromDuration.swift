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
    if text == "0" { return 0 }
    // NB: over the contiguous bytes (validation reads every duration of every query): slicing the
    // `UTF8View` costs an index computation per step.
    var text = text
    return text.withUTF8(Self.milliseconds)
  }

  private static func milliseconds(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    var total = 0
    var nextUnit = 0
    guard !utf8.isEmpty else { return nil }
    while index < utf8.count {
      var amount = 0
      let digitsStart = index
      while index < utf8.count, utf8[index] >= UInt8(ascii: "0"), utf8[index] <= UInt8(ascii: "9") {
        let (shifted, overflow) = amount.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        amount = shifted + Int(utf8[index] - UInt8(ascii: "0"))
        index += 1
      }
      guard index > digitsStart else { return nil }
      let unitStart = index
      while index < utf8.count, (utf8[index] | 0x20) >= UInt8(ascii: "a"), (utf8[index] | 0x20) <= UInt8(ascii: "z") { index += 1 }
      guard let (rank, factor) = unit(UnsafeBufferPointer(rebasing: utf8[unitStart..<index])), rank >= nextUnit else { return nil }
      let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
      guard !overflow else { return nil }
      total += product
      nextUnit = rank + 1
    }
    return total
  }

  /// Prometheus' units, largest first (the order a duration must use them): their rank and length in ms.
  private static func unit(_ text: UnsafeBufferPointer<UInt8>) -> (rank: Int, factor: Int)? {
    guard text.count <= 2 else { return nil }
    switch (text.first, text.count == 2 ? text[1] : nil) {
    case (UInt8(ascii: "y"), nil): return (0, 365 * 86_400_000)
    case (UInt8(ascii: "w"), nil): return (1, 7 * 86_400_000)
    case (UInt8(ascii: "d"), nil): return (2, 86_400_000)
    case (UInt8(ascii: "h"), nil): return (3, 3_600_000)
    case (UInt8(ascii: "m"), nil): return (4, 60_000)
    case (UInt8(ascii: "s"), nil): return (5, 1000)
    case (UInt8(ascii: "m"), UInt8(ascii: "s")): return (6, 1)
    default: return nil
    }
  }
}
