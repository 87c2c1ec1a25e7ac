import MonitoringDSL

/// The conventions for alerts and recording rules written here (mixtool lint's alert rules and
/// Prometheus' recording-rule naming): errors for specs, lint findings for imported rule files,
/// which keep their authors' names and annotations until someone adopts them.
enum RuleConventions {
  /// Each convention `alert` breaks, with the mixtool rule it mirrors.
  static func problems(of alert: AlertRule) -> [(rule: LintRule, message: String)] {
    var problems: [(LintRule, String)] = []
    if !RuleValidator.isCamelCase(alert.name) {
      problems.append((.alertNameCamelCase, "alert name must be CamelCase (like WebSocketTargetDown)"))
    }
    if alert.summary.isBlank {
      problems.append((.alertSummaryMissing, "summary is missing"))
    } else if alert.summary.contains("{{") {
      problems.append((.alertSummaryTemplating, "summary must be a static sentence; put templates in the description"))
    } else if !(alert.summary.first?.isUppercase ?? false) || !alert.summary.hasSuffix(".") {
      problems.append((.alertSummaryStyle, "summary must start with a capital letter and end with a period"))
    }
    if alert.description.isBlank {
      problems.append((.alertDescriptionMissing, "description is missing"))
    } else if !alert.description.contains("{{") {
      problems.append((.alertDescriptionTemplating, "description should be templated (e.g. {{ $labels.job }}) to say which series fired"))
    }
    return problems
  }

  static func problems(of record: RecordingRule) -> [(rule: LintRule, message: String)] {
    RuleValidator.isRecordingName(record.name)
      ? [] : [(.recordingName, "recording rule names are level:metric:operations (like job:app_messages:rate5m)")]
  }
}
