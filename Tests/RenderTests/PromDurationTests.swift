import MonitoringDSL
import Testing

@Suite struct PromDurationTests {
  @Test(arguments: [("15s", 15_000), ("5m", 300_000), ("1h30m", 5_400_000), ("100ms", 100), ("1d", 86_400_000), ("0", 0)])
  func parsesValidDurations(_ text: String, _ milliseconds: Int) {
    #expect(PromDuration(text).milliseconds == milliseconds)
  }

  @Test(arguments: ["", "15", "5 m", "1m1h", "-5s", "5mins", "1.5s", "s"])
  func rejectsMalformedDurations(_ text: String) {
    #expect(PromDuration(text).milliseconds == nil)
  }

  @Test func buildsFromNumbers() {
    #expect(PromDuration.minutes(5).text == "5m")
    #expect(PromDuration.seconds(30).milliseconds == 30_000)
  }
}
