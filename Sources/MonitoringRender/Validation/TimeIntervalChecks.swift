import Foundation
import MonitoringDSL

/// One period of an Alertmanager time interval, checked as Alertmanager 0.25 parses it
/// (`timeinterval.go`): `HH:MM` times from 00:00 to 24:00 with the end after the start, day and
/// month names (with "did you mean" for a typo) or numbers, inclusive ranges `a:b` in order, days
/// of the month ±1…31, and an IANA location.
enum TimeIntervalChecks {
  static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
  static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  static func check(_ period: TimePeriod, at path: [PathElement], into collector: inout DiagnosticCollector) {
    for range in period.times {
      let start = minutes(range.start), end = minutes(range.end)
      if start == nil || start == 24 * 60 {
        collector.report(path, "start_time \"\(range.start)\" is not a time of day HH:MM (00:00 to 23:59)")
      }
      if end == nil { collector.report(path, "end_time \"\(range.end)\" is not a time of day HH:MM (00:00 to 24:00)") }
      if let start, let end, start < 24 * 60, end <= start {
        collector.report(path, "end_time \(range.end) is not after start_time \(range.start)")
      }
    }
    for text in period.weekdays {
      ranges(text, "weekdays", at: path, into: &collector) { named($0, weekdays, "weekday") }
    }
    for text in period.daysOfMonth {
      let bounds = ranges(text, "days_of_month", at: path, into: &collector) { part -> Parsed in
        guard let day = Int(part), day != 0, (-31...31).contains(day) else {
          return .problem("days_of_month: \"\(part)\" is not a day of the month (1 to 31, or -31 to -1 from the end)")
        }
        return .value(day)
      }
      // A range from a positive to a negative day ("1:-1") is read per month; same signs must be in order.
      if let (low, high) = bounds, (low > 0) == (high > 0), low > high {
        collector.report(path, "days_of_month: \"\(text)\" ends before it starts")
      }
    }
    for text in period.months {
      ranges(text, "months", at: path, into: &collector) { part in
        if let number = Int(part) {
          return (1...12).contains(number) ? .value(number - 1) : .problem("months: \(number) is not a month (1 to 12)")
        }
        return named(part, months, "month")
      }
    }
    for text in period.years {
      ranges(text, "years", at: path, into: &collector) { part in
        guard let year = Int(part), year > 0 else { return .problem("years: \"\(part)\" is not a year") }
        return .value(year)
      }
    }
    if let location = period.location, location != "Local", TimeZone(identifier: location) == nil {
      collector.report(path, "location \"\(location)\" is not an IANA time zone (like Europe/Berlin or UTC)")
    }
  }

  /// `HH:MM` as minutes since midnight, 00:00 to 24:00.
  static func minutes(_ text: String) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
      let minutes = Int(parts[1]), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      (0...24).contains(hours), (0...59).contains(minutes), hours < 24 || minutes == 0
    else { return nil }
    return hours * 60 + minutes
  }

  /// One end of a range: its number, or what is wrong with it.
  enum Parsed {
    case value(Int)
    case problem(String)
  }

  private static func named(_ part: String, _ names: [String], _ what: String) -> Parsed {
    if let index = names.firstIndex(of: part.lowercased()) { return .value(index) }
    return .problem("\(what) \"\(part)\" is not a \(what) name\(NearestName.suggestion(for: part.lowercased(), in: names))")
  }

  /// A value or an inclusive range `a:b`, each end read by `parse`; a range must not end before it
  /// starts (days of the month are checked by the caller, whose ends may count from the month's end).
  @discardableResult
  private static func ranges(
    _ text: String, _ key: String, at path: [PathElement], into collector: inout DiagnosticCollector,
    _ parse: (String) -> Parsed
  ) -> (Int, Int)? {
    func read(_ part: String) -> Int? {
      switch parse(part) {
      case .value(let value): return value
      case .problem(let problem):
        collector.report(path, problem)
        return nil
      }
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count <= 2 else {
      collector.report(path, "\(key): \"\(text)\" is not a value or a range a:b")
      return nil
    }
    guard let low = read(parts[0]) else { return nil }
    guard parts.count == 2 else { return (low, low) }
    guard let high = read(parts[1]) else { return nil }
    if key != "days_of_month", low > high { collector.report(path, "\(key): \"\(text)\" ends before it starts") }
    return (low, high)
  }
}
