import Foundation
import MonitoringRender
import Testing

/// The generated rule tests state each annotation as Prometheus renders it, so our rendering of
/// Prometheus' templates must be Go's to the last digit. promtool is the judge: one alert per value,
/// one annotation per template, and the expected annotations are ours.
@Suite struct AlertTemplateExactnessTests {
  /// Halfway cases (in decimal, not in binary), values just around rounding and unit boundaries,
  /// large and tiny numbers, negatives, zero and the non-finite ones.
  static let values: [Double] = [
    0, 0.975, 0.125, 0.375, 2.5, 0.5, 1.005, 2.675, 1.5, -0.0049, -3.5, 0.1, 1.0 / 3, 2.0 / 3,
    59.99, 60, 3599.5, 3600, 86399.5, 90061, 999.95, 999.999, 1000, 1023, 1024, 1025, 1536,
    123_456_789, 1e6, 999_999, 1e21, 1.7976931348623157e308, 1e-3, 0.0005, 1e-5, 1.23456789e-5,
    1e-7, .leastNonzeroMagnitude, 1e100, -1e-9, .infinity, -.infinity, .nan,
  ]

  static let templates = [
    "{{ $value }}", #"{{ printf "%.2f" $value }}"#, #"{{ printf "%.0f" $value }}"#, #"{{ printf "%.1f" $value }}"#,
    #"{{ printf "%.3e" $value }}"#, #"{{ printf "%.4g" $value }}"#, #"{{ printf "%g" $value }}"#,
    #"{{ printf "%f" $value }}"#, #"{{ printf "%e" $value }}"#, #"{{ printf "%v ms" $value }}"#,
    "{{ humanize $value }}", "{{ $value | humanize1024 }}", "{{ humanizeDuration $value }}",
    "{{ $value | humanizePercentage }}", "{{ .Value | humanize }}",
  ]

  @Test func promtoolRendersEveryTemplateAsWeDo() throws {
    try #require(FileManager.default.isExecutableFile(atPath: PromtoolTests.promtool), "install Debian prometheus (scripts/test does)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    var rules = "groups:\n  - name: templates\n    rules:\n"
    var expected = "rule_files: [rules.yml]\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    alert_rule_test:\n"
    for (index, value) in Self.values.enumerated() {
      rules += "      - alert: Value\(index)\n        expr: vector(\(Self.promQL(value)))\n        annotations:\n"
      expected += "      - eval_time: 0m\n        alertname: Value\(index)\n        exp_alerts:\n          - exp_annotations:\n"
      // humanizeDuration past Int64's range is refused (Go's conversion is undefined there).
      for (number, template) in Self.templates.enumerated() {
        guard let rendered = try? AlertTemplate.render(template, labels: [:], value: value) else {
          #expect(template.contains("humanizeDuration") && abs(value) >= 9.2e18, "\(template) refused for \(value)")
          continue
        }
        rules += "          t\(number): \(Self.yaml(template))\n"
        expected += "              t\(number): \(Self.yaml(rendered))\n"
      }
    }
    try rules.write(to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
    try expected.write(to: folder.appendingPathComponent("test.yml"), atomically: true, encoding: .utf8)

    let (status, output) = try PromtoolTests.testRules([folder.appendingPathComponent("test.yml").path])
    #expect(status == 0, "\(output)")
  }

  /// What we cannot render exactly is refused, never guessed.
  @Test func unsupportedTemplatesAreRefused() {
    for template in [
      "{{ humanizeTimestamp $value }}", "{{ $value | printf \"%d\" }}", #"{{ printf "%5.2f" $value }}"#,
      "{{ $externalLabels.cluster }}", "{{ if gt $value 1.0 }}high{{ end }}", "{{ $value", #"{{ printf "%s" $value }}"#,
    ] {
      #expect(throws: AlertTemplate.Failure.self, "\(template)") { try AlertTemplate.render(template, labels: [:], value: 1) }
    }
  }

  static func promQL(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
    return "\(value)"
  }

  static func yaml(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
