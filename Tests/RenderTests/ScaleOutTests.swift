import MonitoringDSL
import MonitoringRender
import Testing
import Yams

/// remote_write, HA replicas, federation and agent mode: rendering, and one test per kind of bad input.
@Suite struct ScaleOutTests {
  static let job = ScrapeJob("app", targets: ["app:8080"])
  static let mimir = RemoteWrite.mimir(url: "http://mimir:9009/api/v1/push", tenant: "team")

  static func config(_ name: String = "prometheus.yml") -> PrometheusConfig {
    PrometheusConfig(name) { job }.externalLabels(["cluster": "eu"])
  }

  @Test func replicasDifferOnlyInFileNameAndReplicaLabel() throws {
    let pair = Self.config().remoteWrite { Self.mimir }.replicas(["a", "b"])
    #expect(pair.map(\.fileName) == ["prometheus-a.yml", "prometheus-b.yml"])
    #expect(pair.map(\.externalLabels) == [["cluster": "eu", "replica": "a"], ["cluster": "eu", "replica": "b"]])
    #expect(pair[0].with(fileName: pair[1].fileName, labels: pair[1].externalLabels) == pair[1])
    #expect(diagnostics(Catalog { pair }) == [])
  }

  @Test func serversWritingToRemoteStorageNeedUniqueExternalLabels() {
    let catalog = Catalog {
      Self.config("one.yml").remoteWrite { Self.mimir }
      Self.config("two.yml").remoteWrite { Self.mimir }
      Self.config("local.yml")  // no remote write: its labels may repeat
    }
    #expect(diagnostics(catalog) == [
      #"prometheus "two.yml": has the same external_labels as "one.yml"; each server writing to remote storage needs unique ones (.replicas(…) sets a replica label)"#,
    ])
  }

  @Test func remoteWriteRendersInPrometheusKeyOrder() throws {
    let config = Self.config().remoteWrite {
      Self.mimir.writeRelabel { RelabelRule.keep(metricsMatching: "up") }.queue(QueueConfig(maxShards: 5, batchSendDeadline: "5s"))
    }
    let parsed = try #require(try Yams.load(yaml: YAMLTree.document(PrometheusLowering.config(config))) as? [String: Any])
    let destination = try #require((parsed["remote_write"] as? [[String: Any]])?.first)
    #expect(destination["url"] as? String == "http://mimir:9009/api/v1/push")
    #expect(destination["headers"] as? [String: String] == ["X-Scope-OrgID": "team"])
    #expect(destination["queue_config"] as? [String: AnyHashable] == ["max_shards": 5, "batch_send_deadline": "5s"])
    #expect((destination["write_relabel_configs"] as? [[String: Any]])?.first?["action"] as? String == "keep")
  }

  @Test func badRemoteWrites() {
    let config = Self.config().remoteWrite {
      RemoteWrite("", url: "mimir:9009/api/v1/push").headers(["Authorization": "Bearer x"])
      RemoteWrite.mimir("m", url: "http://mimir", tenant: "").remoteTimeout("soon")
      RemoteWrite.mimir("m", url: "http://mimir", tenant: "t").queue(QueueConfig(maxShards: 1, minShards: 4, minBackoff: "fast")).roundRobinDNS()
    }
    #expect(diagnostics(Catalog { config }) == [
      #"prometheus "prometheus.yml" › remote_write "": name is empty"#,
      #"prometheus "prometheus.yml" › remote_write "": url "mimir:9009/api/v1/push" must start with http:// or https://"#,
      #"prometheus "prometheus.yml" › remote_write "": header "Authorization" is set by Prometheus itself (use basic auth or a bearer token file for credentials)"#,
      #"prometheus "prometheus.yml" › remote_write "m": X-Scope-OrgID (the Mimir tenant) is empty"#,
      #"prometheus "prometheus.yml" › remote_write "m": remote_timeout "soon" is not a duration (like 30s, 5m, 1h30m)"#,
      #"prometheus "prometheus.yml" › remote_write "m": name is used by more than one remote_write"#,
      #"prometheus "prometheus.yml" › remote_write "m": min_backoff "fast" is not a duration (like 30s, 5m, 1h30m)"#,
      #"prometheus "prometheus.yml" › remote_write "m": min_shards 4 is more than max_shards 1"#,
      #"prometheus "prometheus.yml" › remote_write "m": round_robin_dns needs Prometheus 3.1 or later; the target is 2.42 (set .target(…) on the config)"#,
    ])
    let newer = PrometheusConfig("p.yml") { Self.job }.remoteWrite { Self.mimir.roundRobinDNS() }.target(PrometheusVersion(3, 1))
    #expect(diagnostics(Catalog { newer }) == [])
  }

  @Test func agentHasNoRulesNoAlertsAndWritesRemotely() throws {
    let bad = PrometheusConfig("agent.yml") { Self.job }
      .ruleFiles(["rules/*.yml"])
      .alertmanagers([AlertmanagerTarget(targets: ["alertmanager:9093"])])
      .agent()
    #expect(diagnostics(Catalog { bad }) == [
      #"prometheus "agent.yml": an agent evaluates no rules: remove rule_files"#,
      #"prometheus "agent.yml": an agent sends no alerts: remove the Alertmanagers"#,
      #"prometheus "agent.yml": an agent keeps nothing locally: give it a remote_write destination"#,
    ])
    let good = PrometheusConfig("agent.yml") { Self.job }.remoteWrite { Self.mimir }.agent()
    let files = try Renderer.render(Catalog { good })
    #expect(files.map(\.path) == ["prometheus/agent/agent.yml"])
    #expect(files.first?.contents.contains("evaluation_interval") == false)
  }

  @Test func federationPullsRecordingRulesWithHonorLabels() throws {
    let rules = RuleFile("r.yml") {
      RuleGroup("g") {
        RecordingRule("job:up:sum", expr: .raw("sum by (job) (up)"))
        RecordingRule("job:scrapes:sum", expr: .raw("sum by (job) (scrape_samples_scraped)"))
      }
    }
    let job = ScrapeJob.federate("federate", targets: ["leaf:9090"], recordingRulesOf: [rules])
    #expect(job.metricsPath == "/federate")
    #expect(job.honorLabels)
    #expect(job.params == ["match[]": [#"{__name__="job:up:sum"}"#, #"{__name__="job:scrapes:sum"}"#]])
    let bad = PrometheusConfig("global.yml") {
      ScrapeJob("federate", targets: ["leaf:9090"]).metricsPath("/federate")
    }
    #expect(diagnostics(Catalog { bad }) == [
      #"prometheus "global.yml" › job "federate": a federation job needs match[] selectors (without them /federate returns nothing)"#,
      #"prometheus "global.yml" › job "federate": a federation job needs honor_labels, or the federated job and instance labels are overwritten"#,
    ])
  }
}

extension PrometheusConfig {
  fileprivate func with(fileName: String, labels: [String: String]) -> PrometheusConfig {
    var copy = self
    copy.fileName = fileName
    copy.externalLabels = labels
    return copy
  }
}
