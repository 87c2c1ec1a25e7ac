import MonitoringDSL
import MonitoringRender
import Testing

/// Each dashboard rule of `gen lint`: a spec that breaks it (the exact finding) and one that keeps it.
@Suite struct LintDashboardTests {
  typealias F = LintFixture
  static let panel = #"dashboard "D" › row "R" › panel "Requests""#

  @Test func baselineIsClean() {
    #expect(F.findings(F.dashboard { F.requestRate }) == [])
  }

  @Test func panelDatasource() {
    let byUID = Dashboard("D", uid: "d") { Row("R") { F.requestRate.datasource(.prometheus("prometheus")) } }.variables { F.variables }
    #expect(F.findings(byUID) == [
      #"\#(Self.panel): uses the datasource uid "prometheus"; pick it with a datasource variable (.variable("datasource")) so the dashboard works on any prometheus [panel-datasource-rule]"#
    ])
    let byQuery = Dashboard("D", uid: "d") { Row("R") { F.requestRate.datasource(.variable("datasource")) } }.variables { F.variables }
    #expect(F.findings(byQuery) == [])
  }

  @Test func panelUnits() {
    var unitless = F.requestRate
    unitless.field.unit = nil
    #expect(F.findings(F.dashboard { unitless }) == [
      "\(Self.panel): has no unit; set one with .unit(…) (.short or .none for plain numbers) [panel-units-rule]"
    ])
    let byOverride = unitless.overrides { FieldOverride(.byName("requests/s")).unit(.requestsPerSecond) }
    let text = Text("Notes", markdown: "Read me.").description("How to read the dashboard.")
    #expect(F.findings(F.dashboard { byOverride; text }) == [])
  }

  @Test func panelTitleDescription() {
    var undescribed = F.requestRate
    undescribed.description = nil
    let blank = F.requestRate.description(" ")
    let expected = "\(Self.panel): has no description; say what it shows with .description(…) [panel-title-description-rule]"
    #expect(F.findings(F.dashboard { undescribed }) == [expected])
    #expect(F.findings(F.dashboard { blank }) == [expected])
  }

  @Test func panelTitleUnique() {
    let twice = Dashboard("D", uid: "d") {
      Row("R") { F.requestRate; F.requestRate.size(width: 12) }
      Row("R") {}
    }
    .datasource(.variable("datasource")).variables { F.variables }
    #expect(F.findings(twice) == [
      "\(Self.panel): another panel of this dashboard has the same title [panel-title-unique-rule]",
      #"dashboard "D" › row "R": another row of this dashboard has the same title [panel-title-unique-rule]"#,
    ])
    var again = F.requestRate
    again.title = "Requests again"
    let distinct = Dashboard("D", uid: "d") { Row("R") { F.requestRate; again } }
      .datasource(.variable("datasource")).variables { F.variables }
    #expect(F.findings(distinct) == [])
  }

  @Test func templateJobAndInstance() {
    var noVariables = F.dashboard { F.requestRate }
    noVariables.variables = [Variable.datasource("datasource", type: .prometheus)]
    #expect(F.findings(noVariables) == [
      #"dashboard "D": has no job variable; add one (label_values(up, job)) so viewers pick the job [template-job-rule]"#,
      #"dashboard "D": has no instance variable; add one (label_values(up{job=~"$job"}, instance)) so viewers pick instances [template-instance-rule]"#,
    ])
    var textOnly = Dashboard("D", uid: "d") { Text("Notes", markdown: "Read me.").description("Notes.") }
    textOnly.variables = []
    #expect(F.findings(textOnly) == [])
  }

  @Test func targetJobAndInstance() {
    let unselected = TimeSeries("Requests") {
      Query(F.requests.rate(.rateInterval, [.equal("job", "$job")]).sum())
      Query(#"sum(app_inflight_requests{instance=~"$instance"})"#)
    }
    .description("d").unit(.short)
    #expect(F.findings(F.dashboard { unselected }) == [
      #"\#(Self.panel) › query A: app_requests_total has no job=~"$job" matcher [target-job-rule]"#,
      #"\#(Self.panel) › query A: app_requests_total has no instance=~"$instance" matcher [target-instance-rule]"#,
      #"\#(Self.panel) › query B: sum(app_inflight_requests{instance=~"$instance"}) has no job=~"$job" matcher [target-job-rule]"#,
    ])
    let selected = TimeSeries("Requests") {
      Query(F.requests.rate(.rateInterval, F.selected).sum())
      Query(#"sum(app_inflight_requests{job=~"$job",instance=~"${instance}"})"#)
      Query("ALERTS").datasource(DatasourceRef(type: .alertmanager, uid: "alertmanager"))  // not PromQL: not checked
    }
    .description("d").unit(.short)
    .lintIgnore(.panelDatasource, because: "Alertmanager is provisioned once")
    var catalog = F.catalog(F.dashboard { selected })
    catalog.datasources.append(Datasource.alertmanager(name: "Alertmanager", uid: "alertmanager", url: "http://alertmanager:9093"))
    #expect(F.findings(catalog) == [])
  }

  @Test func targetRateInterval() {
    let fixed = TimeSeries("Requests") { Query(F.requests.rate("5m", F.selected).sum().plus(F.requests.irate("1m", F.selected).sum())) }
      .description("d").unit(.short)
    #expect(F.findings(F.dashboard { fixed }) == [
      #"\#(Self.panel) › query A: rate(app_requests_total{job=~"$job",instance=~"$instance"}[5m]) has a fixed range; use $__rate_interval [target-rate-interval-rule]"#,
      #"\#(Self.panel) › query A: irate(app_requests_total{job=~"$job",instance=~"$instance"}[1m]) has a fixed range; use $__rate_interval [target-rate-interval-rule]"#,
    ])
    let increase = TimeSeries("Requests") { Query(F.requests.increase("1h", F.selected).sum()) }.description("d").unit(.short)
    #expect(F.findings(F.dashboard { increase }) == [])
  }

  @Test func targetCounterAgg() {
    let raw = Stat("Requests") { Query(F.requests.selector(F.selected).sum()) }.description("d").unit(.short)
    #expect(F.findings(F.dashboard { raw }) == [
      "\(Self.panel) › query A: shows the counter app_requests_total as it is; show rate(), irate() or increase() of it [target-counter-agg-rule]"
    ])
    let increase = Stat("Requests") { Query(F.requests.increase("1h", F.selected).sum()) }.description("d").unit(.short)
    #expect(F.findings(F.dashboard { increase }) == [])
  }
}
