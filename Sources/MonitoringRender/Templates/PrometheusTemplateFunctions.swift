/// Prometheus' number functions for alert templates, as `template.go` defines them, over Go's
/// formatting: `humanize`, `humanize1024`, `humanizeDuration`, `humanizePercentage`.
/// ```swift
/// PrometheusTemplateFunctions.apply("humanize", to: 1234567)   // "1.235M"
/// ```
enum PrometheusTemplateFunctions {
  static let names: Set<String> = ["humanize", "humanize1024", "humanizeDuration", "humanizePercentage"]

  /// `nil` when `name` is not one of `names`.
  static func apply(_ name: String, to value: Double) -> String? {
    switch name {
    case "humanize": humanize(value)
    case "humanize1024": humanize1024(value)
    case "humanizeDuration": humanizeDuration(value)
    case "humanizePercentage": significant(value * 100) + "%"
    default: nil
    }
  }

  /// `%.4g`.
  private static func significant(_ value: Double) -> String { GoNumberFormat.format(value, verb: "g", precision: 4) }

  private static func humanize(_ value: Double) -> String {
    if value == 0 || !value.isFinite { return significant(value) }
    var scaled = value
    var prefix = ""
    if abs(scaled) >= 1 {
      for next in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
        if abs(scaled) < 1000 { break }
        prefix = next
        scaled /= 1000
      }
    } else {
      for next in ["m", "u", "n", "p", "f", "a", "z", "y"] {
        if abs(scaled) >= 1 { break }
        prefix = next
        scaled *= 1000
      }
    }
    return significant(scaled) + prefix
  }

  private static func humanize1024(_ value: Double) -> String {
    if abs(value) <= 1 || !value.isFinite { return significant(value) }
    var scaled = value
    var prefix = ""
    for next in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
      if abs(scaled) < 1024 { break }
      prefix = next
      scaled /= 1024
    }
    return significant(scaled) + prefix
  }

  /// `nil` past Int64's range, where Go's conversion is undefined.
  private static func humanizeDuration(_ value: Double) -> String? {
    if value.isNaN || value.isInfinite { return significant(value) }
    if value == 0 { return significant(value) + "s" }
    if abs(value) >= 1 {
      let sign = value < 0 ? "-" : ""
      let magnitude = abs(value)
      guard magnitude < 9.2e18 else { return nil }
      let duration = Int64(magnitude)  // Go's int64(v) truncates too
      let (seconds, minutes, hours, days) = (duration % 60, duration / 60 % 60, duration / 3600 % 24, duration / 86400)
      if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
      if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
      if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
      return sign + significant(magnitude) + "s"
    }
    var scaled = value
    var prefix = ""
    for next in ["m", "u", "n", "p", "f", "a", "z", "y"] {
      if abs(scaled) >= 1 { break }
      prefix = next
      scaled *= 1000
    }
    return significant(scaled) + prefix + "s"
  }
}
