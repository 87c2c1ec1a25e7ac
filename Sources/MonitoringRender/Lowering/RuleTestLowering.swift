public import MonitoringDSL
public import Yams

/// Writes the `promtool test rules` file for a rule file: for each alert with an `AlertTest`, one
/// case an evaluation before its `for` boundary (nothing fires) and one at the boundary (it fires with
/// exact labels and annotations), and a case per `QuietTest` in which it never fires; for each
/// recording rule with a `RecordingTest`, its samples.
public enum RuleTestLowering {
  /// The test file's path relative to `prometheus/`, e.g. `tests/websocket.rules_test.yml`.
  public static func path(for file: RuleFile) -> String {
    let stem = file.fileName.hasSuffix(".yml") ? String(file.fileName.dropLast(4)) : file.fileName
    return "tests/\(stem)_test.yml"
  }

  /// `nil` when no rule of the file declares a test. Validation has already checked the scenarios.
  public static func file(_ file: RuleFile) -> Node? {
    var tests: [Node] = []
    for group in file.groups {
      let groupInterval = group.interval?.milliseconds ?? 60_000
      for rule in group.rules {
        switch rule {
        case .alert(let alert):
          if let test = alert.test { tests.append(alertTest(alert, test, groupInterval: groupInterval)) }
          tests += alert.quietTests.map { quietTest(alert, $0) }
        case .record(let record):
          if let test = record.test { tests.append(recordingTest(record, test)) }
        }
      }
    }
    guard !tests.isEmpty else { return nil }
    let evaluationInterval = file.groups.compactMap(\.interval).first ?? "1m"
    return YAMLTree.mapping([
      ("rule_files", YAMLTree.strings(["../rules/\(file.fileName)"])),
      ("evaluation_interval", YAMLTree.string(evaluationInterval.text)),
      ("tests", YAMLTree.sequence(tests)),
    ])
  }

  /// The evaluation times of the two boundary cases, in milliseconds.
  public static func boundary(_ alert: AlertRule, _ test: AlertTest, groupInterval: Int) -> (before: Int, fires: Int) {
    let start = test.conditionFrom.milliseconds ?? 0
    let hold = alert.duration?.milliseconds ?? 0
    return (start + hold - groupInterval, start + hold)
  }

  /// The labels promtool reports for the firing alert (it leaves out `alertname`).
  public static func expectedLabels(_ alert: AlertRule, _ test: AlertTest) -> [String: String] {
    test.labels.merging(alert.allLabels) { _, rule in rule }
  }

  private static func alertTest(_ alert: AlertRule, _ test: AlertTest, groupInterval: Int) -> Node {
    let (before, fires) = boundary(alert, test, groupInterval: groupInterval)
    let labels = expectedLabels(alert, test)
    let annotations: [(String, Node?)] = RuleLowering.annotations(of: alert).map { name, template in
      (name, YAMLTree.string((try? AlertTemplate.render(template, labels: labels, value: test.value)) ?? template))
    }
    let firing = YAMLTree.mapping([
      ("exp_labels", YAMLTree.sortedMapping(labels)),
      ("exp_annotations", YAMLTree.mapping(annotations)),
    ])
    let hold = alert.duration?.text ?? "0s"
    return YAMLTree.mapping([
      ("name", YAMLTree.string("\(alert.name) fires \(hold) after its condition holds from \(test.conditionFrom.text)")),
      ("interval", YAMLTree.string(test.interval.text)),
      ("input_series", inputSeries(test.series)),
      (
        "alert_rule_test",
        YAMLTree.sequence([
          YAMLTree.mapping([
            ("eval_time", YAMLTree.string(PromDuration(milliseconds: before).text)),
            ("alertname", YAMLTree.string(alert.name)),
            ("exp_alerts", YAMLTree.sequence([])),
          ]),
          YAMLTree.mapping([
            ("eval_time", YAMLTree.string(PromDuration(milliseconds: fires).text)),
            ("alertname", YAMLTree.string(alert.name)),
            ("exp_alerts", YAMLTree.sequence([firing])),
          ]),
        ])
      ),
    ])
  }

  private static func quietTest(_ alert: AlertRule, _ test: QuietTest) -> Node {
    let times = test.times.map(\.text).joined(separator: ", ")
    return YAMLTree.mapping([
      ("name", YAMLTree.string("\(alert.name) stays quiet at \(times)")),
      ("interval", YAMLTree.string(test.interval.text)),
      ("input_series", inputSeries(test.series)),
      (
        "alert_rule_test",
        YAMLTree.sequence(
          test.times.map { time in
            YAMLTree.mapping([
              ("eval_time", YAMLTree.string(time.text)),
              ("alertname", YAMLTree.string(alert.name)),
              ("exp_alerts", YAMLTree.sequence([])),
            ])
          })
      ),
    ])
  }

  private static func recordingTest(_ record: RecordingRule, _ test: RecordingTest) -> Node {
    let checks: [Node]
    if let tolerance = test.tolerance {
      // promtool compares values exactly; a tolerance is a comparison PromQL makes, true (1) when within it.
      checks = test.samples.map { sample in
        let recorded = sample.labels.merging(record.labels) { _, rule in rule }
        let series = seriesText(record.name, recorded)
        let labels = seriesText("", recorded)
        return YAMLTree.mapping([
          ("expr", YAMLTree.string("abs(\(series) - \(NumberText.format(sample.value))) <= bool \(NumberText.format(tolerance))")),
          ("eval_time", YAMLTree.string(test.evaluationTime.text)),
          ("exp_samples", YAMLTree.sequence([YAMLTree.mapping([("labels", YAMLTree.string(labels)), ("value", YAMLTree.double(1))])])),
        ])
      }
    } else {
      let samples = test.samples.map { sample in
        YAMLTree.mapping([
          ("labels", YAMLTree.string(seriesText(record.name, sample.labels.merging(record.labels) { _, rule in rule }))),
          ("value", YAMLTree.double(sample.value)),
        ])
      }
      checks = [
        YAMLTree.mapping([
          ("expr", YAMLTree.string(record.name)),
          ("eval_time", YAMLTree.string(test.evaluationTime.text)),
          ("exp_samples", YAMLTree.sequence(samples)),
        ])
      ]
    }
    return YAMLTree.mapping([
      ("name", YAMLTree.string("\(record.name) at \(test.evaluationTime.text)")),
      ("interval", YAMLTree.string(test.interval.text)),
      ("input_series", inputSeries(test.series)),
      ("promql_expr_test", YAMLTree.sequence(checks)),
    ])
  }

  private static func inputSeries(_ series: [InputSeries]) -> Node {
    YAMLTree.sequence(
      series.map {
        YAMLTree.mapping([("series", YAMLTree.string($0.series.description)), ("values", YAMLTree.string($0.values))])
      })
  }

  private static func seriesText(_ name: String, _ labels: [String: String]) -> String {
    let matchers = labels.keys.sorted().map { LabelMatcher.equal($0, labels[$0] ?? "").text }
    return matchers.isEmpty ? (name.isEmpty ? "{}" : name) : "\(name){\(matchers.joined(separator: ", "))}"
  }
}
