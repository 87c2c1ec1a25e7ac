import MonitoringDSL
import MonitoringRender
import Testing

/// The raw-JSON escape hatch on Prometheus and Alertmanager configs, and what an imported config is
/// spared by the validators (conventions only).
@Suite struct ConfigRawJSONTests {
  @Test func rawJSONMergesIntoAJobAndTheConfigAndRemovesPaths() throws {
    let config = PrometheusConfig("p.yml") {
      ScrapeJob("pods", targets: [])
        .extraJSON(["kubernetes_sd_configs": [["role": "pod"]]])
        .removingJSON(["static_configs"], ["scheme"])
      ScrapeJob("app", targets: ["app:80"])
    }
    .extraJSON(["global": ["query_log_file": "/prometheus/query.log"], "scrape_config_files": ["extra/*.yml"]])
    .imported(from: "p.yml")
    let value = try YAMLTree.value(parsing: YAMLTree.document(PrometheusLowering.config(config)))
    let pods = value["scrape_configs"]?.elements.first
    #expect(pods?["kubernetes_sd_configs"] == [["role": "pod"]])
    #expect(pods?["static_configs"] == nil && pods?["scheme"] == nil && pods?["job_name"] == "pods")
    #expect(value["scrape_configs"]?.elements.last?["static_configs"] == [["targets": ["app:80"]]])
    #expect(value["global"]?["query_log_file"] == "/prometheus/query.log" && value["global"]?["scrape_interval"] == "1m")
    #expect(value["scrape_config_files"] == ["extra/*.yml"])
  }

  @Test func rawJSONOnRoutesReceiversAndIntegrations() throws {
    let config = AlertmanagerConfig("a.yml") {
      Route(receiver: "slack") {
        Route(receiver: "slack", matchers: [.equal("team", "web")]).extraJSON(["mute_time_intervals": ["nights"]])
      }
      .groupBy(["alertname"])
      Receiver("slack") {
        SlackConfig(channel: "#web", apiURLFile: "/s/slack").extraJSON(["username": "Prometheus"]).removingJSON(["send_resolved"])
      }
      .extraJSON(["opsgenie_configs": [["api_key_file": "/s/og"]]])
    }
    .extraJSON(["time_intervals": [["name": "nights"]]])
    let value = try YAMLTree.value(parsing: YAMLTree.document(AlertmanagerLowering.config(config)))
    #expect(value["route"]?["routes"]?.elements.first?["mute_time_intervals"] == ["nights"])
    let receiver = value["receivers"]?.elements.first
    #expect(receiver?["slack_configs"] == [["api_url_file": "/s/slack", "channel": "#web", "username": "Prometheus"]])
    #expect(receiver?["opsgenie_configs"] == [["api_key_file": "/s/og"]])
    #expect(value["time_intervals"] == [["name": "nights"]])
  }

  @Test func withoutRawJSONTheOutputIsUnchanged() {
    let job = ScrapeJob("app", targets: ["app:80"])
    let plain = PrometheusConfig("p.yml") { job }
    let emptyRaw = PrometheusConfig("p.yml") { job.removingJSON() }
    #expect(YAMLTree.document(PrometheusLowering.config(plain)) == YAMLTree.document(PrometheusLowering.config(emptyRaw)))
  }

  @Test func aJobWithoutItsOwnTimeoutScrapesWithinItsInterval() {
    // Prometheus takes min(global scrape_timeout, the job's interval) when the job sets no timeout.
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { ScrapeJob("fast", targets: ["a:1"]).interval("5s") } }) == [])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { ScrapeJob("fast", targets: ["a:1"]).interval("5s").timeout("6s") } }) == [
      #"prometheus "p.yml" › job "fast": scrape timeout 6s is longer than the scrape interval 5s"#
    ])
  }

  @Test func anImportedPrometheusConfigMayTakeTargetsFromRawDiscoveryButKeepsEveryOtherCheck() {
    let job = ScrapeJob("pods", targets: []).extraJSON(["kubernetes_sd_configs": [["role": "pod"]]])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { job } }) == [#"prometheus "p.yml" › job "pods": has no targets: give it static targets or service discovery (.discover { … })"#])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { job }.imported(from: "p.yml") }) == [])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { job; job }.imported(from: "p.yml") }) == [
      #"prometheus "p.yml" › job "pods": job name is used more than once"#
    ])
  }

  @Test func anImportedBlackboxJobMayListURLsThatItsRelabelRulesRewrite() {
    let blackbox = ScrapeJob("blackbox", targets: ["https://example.org", "example.com"]).metricsPath("/probe")
      .relabel { RelabelRule(.replace, sourceLabels: ["__address__"], targetLabel: "__param_target") }
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { blackbox }.imported(from: "p.yml") }) == [])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { blackbox } }) == [
      #"prometheus "p.yml" › job "blackbox": target "https://example.org" has a scheme; set it with .scheme(…) instead"#,
      #"prometheus "p.yml" › job "blackbox": target "example.com" has no port (host:port)"#,
    ])
    let plain = ScrapeJob("web", targets: ["example.com", "http://x:1"])
    #expect(diagnostics(Catalog { PrometheusConfig("p.yml") { plain }.imported(from: "p.yml") }) == [
      #"prometheus "p.yml" › job "web": target "http://x:1" has a scheme; set it with .scheme(…) instead"#
    ])
  }

  @Test func anImportedAlertmanagerConfigIsSparedTheGroupingConventionsOnly() {
    let config = AlertmanagerConfig("a.yml") {
      Route(receiver: "ops") { Route(receiver: "pager", matchers: [.equal("severity", "critical")]).groupBy(["team"]) }
      Receiver("ops")
    }
    #expect(diagnostics(Catalog { config }) == [
      #"alertmanager "a.yml" › route root: group_by is not set: group by alertname and more, or by every label with .groupByAll()"#,
      #"alertmanager "a.yml" › route root › route {severity="critical"}: receiver "pager" is not defined (receivers: ops)"#,
      #"alertmanager "a.yml" › route root › route {severity="critical"}: group_by [team] does not include alertname (add it, or group by every label with .groupByAll())"#,
    ])
    #expect(diagnostics(Catalog { config.imported(from: "a.yml") }) == [
      #"alertmanager "a.yml" › route root › route {severity="critical"}: receiver "pager" is not defined (receivers: ops)"#
    ])
  }

  @Test func aRouteMatchingThroughRawLegacyMatchIsNoCatchAll() {
    func config(_ first: Route) -> AlertmanagerConfig {
      AlertmanagerConfig("a.yml") {
        Route(receiver: "ops") { first; Route(receiver: "ops", matchers: [.equal("team", "db")]) }.groupBy(["alertname"])
        Receiver("ops")
      }
    }
    #expect(diagnostics(Catalog { config(Route(receiver: "ops").extraJSON(["match": ["team": "web"]])) }) == [])
    #expect(diagnostics(Catalog { config(Route(receiver: "ops")) }) == [
      #"alertmanager "a.yml" › route root › route {}: has no matchers and does not continue: the routes after it are never reached"#
    ])
  }
}
