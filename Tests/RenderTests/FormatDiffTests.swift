import MonitoringDSL
import MonitoringRender
import Testing

/// `gen diff` across formats: one spec rendered in the classic model and in v2 differs only in its
/// formats, and a real change made together with the switch is still listed.
@Suite struct FormatDiffTests {
  static func dashboard(red: Double = 90) -> Dashboard {
    Dashboard("Ops", uid: "ops") {
      Stat("Up") { Query("up") }
      Row("Hosts") {
        Gauge("CPU") { Query("cpu") }.unit(.percent).thresholds { Step(.green); Step(.red, from: red) }
        TimeSeries("Memory") { Query("mem") }.links { Link.url("Docs", "https://docs") }
      }
      Row("More") { Table("Top") { Query("topk(5, up)").instant().format(.table) } }.collapsed()
    }
    .datasource(.prometheus("prom"))
    .variables { Variable.custom("env", ["a", "b"]) }
    .target(.grafana13)
  }

  static func files(_ dashboard: Dashboard) throws -> [String: String] {
    Dictionary(uniqueKeysWithValues: try Renderer.render(catalog(dashboard)).map { ("dev/\($0.path)", $0.contents) })
  }

  static func changes(_ old: Dashboard, _ new: Dashboard) throws -> [String] {
    SemanticDiff.changes(old: try files(old), new: try files(new)).map(SemanticDiffTests.describe)
  }

  @Test func classicToV2IsOnlyTheFormat() throws {
    #expect(try Self.changes(Self.dashboard().formats([.classic]), Self.dashboard()) == [
      #"changed environment "dev" › dashboard "Ops" formats: classic → v2"#
    ])
    #expect(try Self.changes(Self.dashboard(), Self.dashboard().formats([.classic])) == [
      #"changed environment "dev" › dashboard "Ops" formats: v2 → classic"#
    ])
  }

  @Test func addingV2IsOnlyTheFormat() throws {
    #expect(try Self.changes(Self.dashboard().formats([.classic]), Self.dashboard().formats([.classic, .v2])) == [
      #"changed environment "dev" › dashboard "Ops" formats: classic → classic, v2"#
    ])
  }

  @Test func aChangeBesideTheSwitchIsListed() throws {
    #expect(try Self.changes(Self.dashboard().formats([.classic]), Self.dashboard(red: 80)) == [
      #"changed environment "dev" › dashboard "Ops" formats: classic → v2"#,
      #"changed environment "dev" › dashboard "Ops" › row "Hosts" › panel "CPU" thresholds: green, red 90 → green, red 80"#,
    ])
  }

  @Test func v2FilesCompareByMeaning() throws {
    #expect(try Self.changes(Self.dashboard(), Self.dashboard(red: 80)) == [
      #"changed environment "dev" › dashboard "Ops" › row "Hosts" › panel "CPU" thresholds: green, red 90 → green, red 80"#
    ])
  }
}
