/// The input series of an SLO's generated tests, and why they prove what they claim.
///
/// A burn test feeds the SLI's series a first stretch of good traffic, then a constant error ratio
/// `bad`. The long window's ratio then rises towards `bad` and reaches it exactly one step after the
/// window has filled (at `long + step`); the short window reached it earlier. So an alert whose
/// threshold `θ` lies just below `bad` starts to hold at `long + step` and fires `for` later, and
/// one with `θ` just above never fires: a wrong factor or window moves the firing time or stops it.
/// The margins follow from how Prometheus computes the ratios, the same for Prometheus 2 (closed
/// ranges) and 3 (left-open ranges):
/// - counters (error, success and latency ratios), sampled every evaluation interval: the first
///   interval is good, and the ratio over a window of `n` steps at time `t` is `bad × (1 − step/t)`
///   until it has filled, then `bad` (the counters' extrapolation cancels in the ratio: both
///   start at zero, and later windows start at values that do not limit it). `bad` lies between
///   `θ` and `θ × n/(n−1)`.
/// - `up` (availability), sampled every 1/60 of the long window: two good samples, then `1 − bad`.
///   The mean over the window passes `θ` only when the second good sample leaves it, at `long + step`
///   in both versions, when `bad` lies between `θ × (n+1)/n` and `θ × n/(n−1)` (`n` = 60).
/// ```swift
/// let scenario = BurnScenario(slo: slo)
/// let page = slo.alert(for: BurnRateWindow.workbook[0])   // carries both tests already
/// scenario.firesTest(for: BurnRateWindow.workbook[0]).conditionFrom   // 1h1m
/// ```
public struct BurnScenario: Hashable, Sendable {
  public var slo: SLO
  /// Events per step: a round number, so the bad ones per step print short.
  static let eventsPerStep = 1000.0
  /// How many samples of `up` a long window holds.
  static let upSamplesPerWindow = 60

  public init(slo: SLO) { self.slo = slo }

  /// Fires `for` after `long + step`, with the long window's ratio just above the threshold.
  public func firesTest(for window: BurnRateWindow) -> AlertTest {
    let (step, bad, _) = margins(for: window)
    let long = window.long.milliseconds ?? 0
    let start = long + step
    let end = start + (window.hold.milliseconds ?? 0)
    return AlertTest(interval: .init(milliseconds: step), conditionFrom: .init(milliseconds: start), labels: slo.labels, value: bad.fires) {
      series(bad: bad.fires, step: step, until: end)
    }
  }

  /// Stays quiet with the ratio just below the threshold: checked once the short window and once the
  /// long window has filled and held for `for`.
  public func quietTest(for window: BurnRateWindow) -> QuietTest {
    let (step, bad, _) = margins(for: window)
    let hold = window.hold.milliseconds ?? 0
    let times = [window.short, window.long].map { ($0.milliseconds ?? 0) + step + hold }
    return QuietTest(interval: .init(milliseconds: step), at: times.map(PromDuration.init(milliseconds:))) {
      series(bad: bad.quiet, step: step, until: times.max() ?? 0)
    }
  }

  /// Constant traffic with an error ratio exact in binary (1/128, or 1/4 of failed scrapes), checked
  /// at twice the shortest window.
  public var constantRatio: Double {
    if case .availability = slo.indicator.kind { return 0.25 }
    return 1.0 / 128
  }

  /// A recording's value for traffic at ``constantRatio`` from the start: `expect` is what it records.
  public func ratioTest(expect: Double) -> RecordingTest {
    let step = slo.interval.milliseconds ?? 60_000
    let at = 2 * (slo.alertWindows.first?.milliseconds ?? 300_000)
    let samples = at / max(step, 1)
    let series: [InputSeries]
    if let (counted, countsGood, total) = slo.indicator.counters {
      series = [input(counted, countsGood ? "0+1016x\(samples)" : "0+8x\(samples)"), input(total, "0+1024x\(samples)")]
    } else {
      series = [upInput("0.75x\(samples)")]
    }
    return RecordingTest(interval: slo.interval, at: .init(milliseconds: at), expect: [(slo.labels, expect)]) { series }
      .within(1e-9)
  }

  /// The step of the input series and the bad ratios just above (`fires`) and below (`quiet`) the
  /// window's threshold, as the series spell them; `problem` says why no test can be built.
  public func margins(for window: BurnRateWindow) -> (step: Int, bad: (fires: Double, quiet: Double), problem: String?) {
    let threshold = slo.threshold(for: window)
    let interval = max(slo.interval.milliseconds ?? 60_000, 1)
    let long = window.long.milliseconds ?? 0
    if case .availability = slo.indicator.kind {
      // The largest multiple of the interval that divides the window into about 60 steps.
      var step = max(long / Self.upSamplesPerWindow / interval, 1) * interval
      while step > interval, long % step != 0 { step -= interval }
      let n = Double(long / step)
      let fires = 1 - SLO.rounded(1 - threshold * ((n + 1) / n + n / (n - 1)) / 2)
      let quiet = 1 - SLO.rounded(1 - threshold * (1 - 1 / (2 * n)))
      let inside = fires > threshold * (n + 1) / n && fires < threshold * n / (n - 1)
      return (step, (fires, quiet), inside && long % step == 0 ? nil : "the up test cannot place its burn between the margins")
    }
    let n = Double(long / interval)
    let fires = Self.perStep(threshold * (1 + 1 / (2 * (n - 1)))) / Self.eventsPerStep
    let quiet = Self.perStep(threshold * (1 - 1 / (2 * n))) / Self.eventsPerStep
    let inside = fires > threshold && fires < threshold * n / (n - 1) && quiet < threshold
    return (interval, (fires, quiet), inside ? nil : "the counters' test cannot place its burn between the margins")
  }

  /// Bad events per step for a ratio, rounded to a millionth.
  private static func perStep(_ ratio: Double) -> Double { (ratio * eventsPerStep * 1e6).rounded() / 1e6 }

  /// The SLI's series: good traffic for the first step (two for `up`), then `bad` of every step's events.
  func series(bad: Double, step: Int, until end: Int) -> [InputSeries] {
    let samples = (end + step - 1) / max(step, 1)
    let badPerStep = NumberText.format(Self.perStep(bad))
    let goodPerStep = NumberText.format(Self.eventsPerStep - Self.perStep(bad))
    guard let (counted, countsGood, total) = slo.indicator.counters else {
      return [upInput("1 1 \(NumberText.format(SLO.rounded(1 - bad)))x\(samples - 2)")]
    }
    let countedValues =
      countsGood
      ? "0 \(NumberText.format(Self.eventsPerStep))+\(goodPerStep)x\(samples - 1)" : "0 0+\(badPerStep)x\(samples - 1)"
    return [input(counted, countedValues), input(total, "0+\(NumberText.format(Self.eventsPerStep))x\(samples)")]
  }

  private func input(_ events: SLI.Events, _ values: String) -> InputSeries {
    InputSeries(.selector(name: events.seriesName, matchers: concrete(events.matchers), metric: nil), values)
  }

  private func upInput(_ values: String) -> InputSeries {
    guard case .availability(let matchers) = slo.indicator.kind else { preconditionFailure("up series of an SLI on counters") }
    return InputSeries(up(concrete(matchers)), values)
  }

  /// `=` matchers as they are, the others replaced by the SLO's test labels.
  private func concrete(_ matchers: [LabelMatcher]) -> [LabelMatcher] {
    matchers.compactMap { matcher in
      matcher.op == .equal ? matcher : slo.testLabels[matcher.label].map { .equal(matcher.label, $0) }
    }
  }
}
