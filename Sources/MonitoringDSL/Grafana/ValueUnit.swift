/// A Grafana unit id. An open set: the common units are static members, any other id works as a literal
/// (`"suffix: msg"`), and validation checks it against Grafana's published unit list in the test suite.
/// ```swift
/// Stat("Memory") { Query("process_resident_memory_bytes") }.unit(.bytes)
/// ```
public struct ValueUnit: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  /// A custom suffix, for example `.suffix(" msg")` renders `42 msg`.
  public static func suffix(_ text: String) -> ValueUnit { ValueUnit(rawValue: "suffix:\(text)") }

  // MARK: - Misc
  public static let none: ValueUnit = "none"
  public static let short: ValueUnit = "short"
  public static let percent: ValueUnit = "percent"
  /// Percent where 1.0 is 100 %.
  public static let percentUnit: ValueUnit = "percentunit"
  // MARK: - Throughput
  public static let requestsPerSecond: ValueUnit = "reqps"
  public static let operationsPerSecond: ValueUnit = "ops"
  public static let countsPerSecond: ValueUnit = "cps"
  public static let countsPerMinute: ValueUnit = "cpm"
  public static let writesPerSecond: ValueUnit = "wps"
  public static let readsPerSecond: ValueUnit = "rps"
  // MARK: - Time
  public static let seconds: ValueUnit = "s"
  public static let milliseconds: ValueUnit = "ms"
  public static let microseconds: ValueUnit = "µs"
  public static let nanoseconds: ValueUnit = "ns"
  public static let minutes: ValueUnit = "m"
  public static let hours: ValueUnit = "h"
  public static let days: ValueUnit = "d"
  // MARK: - Data
  public static let bytes: ValueUnit = "bytes"
  public static let decimalBytes: ValueUnit = "decbytes"
  public static let bits: ValueUnit = "bits"
  public static let bytesPerSecond: ValueUnit = "Bps"
  public static let bitsPerSecond: ValueUnit = "bps"
  // MARK: - Other
  public static let dateTimeISO: ValueUnit = "dateTimeAsIso"
  public static let fromNow: ValueUnit = "dateTimeFromNow"
  public static let bool: ValueUnit = "bool"
  public static let boolUpDown: ValueUnit = "bool_yes_no"
}
