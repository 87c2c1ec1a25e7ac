/// One input series of a rule unit test, in promtool's expanding notation: `'0+3x30'` is 0, 3, 6, …
/// (31 samples), `'1x10'` repeats 1, `_` is a missing sample, `stale` a staleness marker.
/// ```swift
/// InputSeries(App.activeConnections.select([.equal("job", "websocket-app")]), "3 2 1 0x10")
/// ```
public struct InputSeries: Hashable, Sendable {
  public var series: PromQL
  public var values: String

  /// `series` must be a selector with equality matchers only: it names one series.
  public init(_ series: PromQL, _ values: String) {
    self.series = series
    self.values = values
  }
}

@resultBuilder public enum InputSeriesBuilder: ListBuilder { public typealias Element = InputSeries }

/// The scenario that proves an alert: input series, the time its condition starts to hold, and the
/// labels and value of the alert then. `gen` writes two cases from it: one evaluation before the
/// `for` boundary (nothing fires) and the boundary itself (the alert fires with exact labels and
/// rendered annotations).
/// ```swift
/// AlertTest(interval: "15s", conditionFrom: "45s", labels: ["job": "websocket-app"], value: 0) {
///   InputSeries(App.activeConnections.select([.equal("job", "websocket-app")]), "3 2 1 0x10")
/// }
/// ```
public struct AlertTest: Hashable, Sendable {
  public var interval: PromDuration
  public var conditionFrom: PromDuration
  public var labels: [String: String]
  public var value: Double
  public var series: [InputSeries]

  public init(
    interval: PromDuration, conditionFrom: PromDuration, labels: [String: String], value: Double,
    @InputSeriesBuilder series: () -> [InputSeries]
  ) {
    self.interval = interval
    self.conditionFrom = conditionFrom
    self.labels = labels
    self.value = value
    self.series = series()
  }
}

/// A recording rule's expected samples at one time for given input series.
/// ```swift
/// RecordingTest(interval: "1m", at: "10m", expect: [(["job": "websocket-app"], 0.05)]) {
///   InputSeries(App.messages.selector([.equal("job", "websocket-app")]), "0+3x30")
/// }
/// ```
public struct RecordingTest: Hashable, Sendable {
  public struct Sample: Hashable, Sendable {
    public var labels: [String: String]
    public var value: Double
  }

  public var interval: PromDuration
  public var evaluationTime: PromDuration
  public var samples: [Sample]
  public var series: [InputSeries]
  /// How far a recorded value may be from the expected one; `nil` compares them exactly, as promtool does.
  public var tolerance: Double?

  public init(
    interval: PromDuration, at time: PromDuration, expect samples: [([String: String], Double)],
    @InputSeriesBuilder series: () -> [InputSeries]
  ) {
    self.interval = interval
    self.evaluationTime = time
    self.samples = samples.map { Sample(labels: $0.0, value: $0.1) }
    self.series = series()
  }

  /// Accepts values within `tolerance` of the expected ones: for ratios that floating point cannot
  /// hit exactly. Each sample becomes its own `abs(rule - value) <= bool tolerance` check.
  /// ```swift
  /// RecordingTest(interval: "1m", at: "10m", expect: [(["slo": "requests"], 1.0 / 128)]) { series }.within(1e-9)
  /// ```
  public func within(_ tolerance: Double) -> RecordingTest {
    var test = self
    test.tolerance = tolerance
    return test
  }
}

/// Times at which an alert must not fire for given input series: the other side of its
/// ``AlertTest``, such as a burn just below its threshold.
/// ```swift
/// QuietTest(interval: "1m", at: ["8m", "1h3m"]) {
///   InputSeries(App.errors.selector(App.job), "0+1x60")
/// }
/// ```
public struct QuietTest: Hashable, Sendable {
  public var interval: PromDuration
  public var times: [PromDuration]
  public var series: [InputSeries]

  public init(interval: PromDuration, at times: [PromDuration], @InputSeriesBuilder series: () -> [InputSeries]) {
    self.interval = interval
    self.times = times
    self.series = series()
  }
}
