/// A named set of time periods (`time_intervals:` in Alertmanager 0.25): routes mute their
/// notifications during it (``Route/muteDuring(_:)``) or send only during it (``Route/activeDuring(_:)``).
/// A moment is in the set when it is in any of its periods.
/// ```swift
/// TimeIntervals("out-of-hours") {
///   TimePeriod(weekdays: ["saturday", "sunday"])
///   TimePeriod(times: [.init("00:00", "08:00"), .init("18:00", "24:00")], weekdays: ["monday:friday"])
///     .location("Europe/Berlin")
/// }
/// ```
public struct TimeIntervals: Hashable, Sendable, RawJSONCarrying {
  public var name: String
  public var periods: [TimePeriod]
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(_ name: String, @TimePeriodBuilder _ periods: () -> [TimePeriod]) {
    self.name = name
    self.periods = periods()
  }
}

/// One period of a ``TimeIntervals``: a moment is in it when it matches every field that is set.
/// Ranges are inclusive and written as Alertmanager reads them: `"monday:friday"`, `"1:7"`,
/// `"-3:-1"` (the last three days of the month), `"january:march"` or `"1:3"`, `"2025:2027"`.
/// ```swift
/// TimePeriod(times: [.init("09:00", "17:00")], weekdays: ["monday:friday"], months: ["december"])
///   .location("Europe/Berlin")
/// ```
public struct TimePeriod: Hashable, Sendable, CopyModifying {
  /// A span of the day, `HH:MM` to `HH:MM` (the end excluded; `24:00` is the end of the day).
  public struct TimeRange: Hashable, Sendable {
    public var start: String
    public var end: String
    public init(_ start: String, _ end: String) {
      self.start = start
      self.end = end
    }
  }

  public var times: [TimeRange]
  /// Day names (`sunday` … `saturday`) or ranges of them.
  public var weekdays: [String]
  /// 1…31, or −31…−1 counted from the end of the month, or ranges of them.
  public var daysOfMonth: [String]
  /// Month names (`january` … `december`) or numbers 1…12, or ranges of them.
  public var months: [String]
  public var years: [String]
  /// The IANA time zone the period is read in (`Europe/Berlin`); `nil` is UTC.
  public var location: String?

  public init(
    times: [TimeRange] = [], weekdays: [String] = [], daysOfMonth: [String] = [], months: [String] = [],
    years: [String] = []
  ) {
    self.times = times
    self.weekdays = weekdays
    self.daysOfMonth = daysOfMonth
    self.months = months
    self.years = years
  }

  public func location(_ zone: String) -> TimePeriod { with { $0.location = zone } }
}

@resultBuilder public enum TimePeriodBuilder: ListBuilder { public typealias Element = TimePeriod }
