public import MonitoringDSL
import MonitoringRender
import Yams

/// `gen import prometheus`: a `prometheus.yml` as a typed `PrometheusConfig`: global intervals and
/// external labels, rule files, Alertmanagers, and each scrape job with its static targets and
/// labels, path, scheme, interval, timeout, params, `honor_labels`, sample limit, relabel and metric
/// relabel rules, basic auth or bearer token from files, TLS and service discovery (file, HTTP, DNS,
/// Kubernetes, Consul: `PrometheusImporter+Discovery.swift`); remote write destinations (name,
/// url, timeout, headers, write relabel rules, credentials from files, queue). What the DSL does not
/// type (other discovery kinds, newer keys) is kept raw on the job or the config, found by
/// lowering the typed value and diffing it with the input. Plain-text secrets are replaced by their
/// file form with a warning (`SecretScrubber`).
///
/// The model the spec must render is the input as Prometheus loads it: `null` members absent, and
/// the defaults Prometheus applies written out (global `scrape_interval: 1m`, `scrape_timeout: 10s`,
/// `evaluation_interval: 1m`; per job `metrics_path: /metrics`, `scheme: http`, `type: Bearer` of an
/// `authorization`, `insecure_skip_verify: false` of a `tls_config`, `action: replace` of a relabel
/// rule; `scheme: http` of an Alertmanager).
/// ```swift
/// let imported = try PrometheusImporter.importConfig(text, source: "prometheus.yml", fileName: "prometheus.yml")
/// ```
public enum PrometheusImporter: ConfigImporting {
  static let toolName = "Prometheus"
  static let identifyingKeys = ["scrape_configs", "global"]
  static let scrubber = SecretScrubber.prometheus

  /// ```swift
  /// let imported = try PrometheusImporter.importConfig(text, source: "prometheus.yml", fileName: "prometheus.yml")
  /// ```
  public static func importConfig(
    _ text: String, source: String, fileName: String, limits: ImportLimits = .default
  ) throws(ImportFailure) -> PrometheusImport {
    try importing(text, source: source, fileName: fileName, limits: limits)
  }

  static func lowered(_ config: PrometheusConfig) -> Node { PrometheusLowering.config(config) }

  static func normalized(_ input: JSONValue) -> JSONValue {
    var model = ConfigImport.withoutNullMembers(input)
    let global: JSONValue = ["scrape_interval": "1m", "scrape_timeout": "10s", "evaluation_interval": "1m"]
    model = model.merging(["global": global.merging(model["global"] ?? [:])])
    if let alerting = model["alerting"] {
      model = model.merging(["alerting": ConfigImport.defaulting(alerting, list: "alertmanagers", with: ["scheme": "http"])])
    }
    if case .array(let jobs)? = model["scrape_configs"] {
      model = model.merging(["scrape_configs": .array(jobs.map(normalizedJob))])
    }
    if case .array(let writes)? = model["remote_write"] {
      model = model.merging(["remote_write": .array(writes.map(normalizedWrite))])
    }
    return model
  }

  private static func normalizedJob(_ job: JSONValue) -> JSONValue {
    guard case .object = job else { return job }
    var job = normalizedDiscovery(normalizedWrite((["metrics_path": "/metrics", "scheme": "http"] as JSONValue).merging(job)))
    if let tls = job["tls_config"] { job = job.merging(["tls_config": (["insecure_skip_verify": false] as JSONValue).merging(tls)]) }
    for key in ["relabel_configs", "metric_relabel_configs"] {
      job = ConfigImport.defaulting(job, list: key, with: ["action": "replace"])
    }
    return job
  }

  /// A remote write destination (and the HTTP client part of a job): `type: Bearer` of an
  /// `authorization`, `action: replace` of a write relabel rule.
  private static func normalizedWrite(_ write: JSONValue) -> JSONValue {
    guard case .object = write else { return write }
    var write = ConfigImport.defaulting(write, list: "write_relabel_configs", with: ["action": "replace"])
    if let authorization = write["authorization"] {
      write = write.merging(["authorization": (["type": "Bearer"] as JSONValue).merging(authorization)])
    }
    return write
  }

  // MARK: - Typed part

  static func typed(_ json: JSONValue, fileName: String, source: String) -> PrometheusConfig {
    var config = PrometheusConfig(fileName) {}
    config.importedFrom = source
    let global = json["global"] ?? [:]
    if let interval = global["scrape_interval"]?.text { config.scrapeInterval = PromDuration(interval) }
    if let timeout = global["scrape_timeout"]?.text { config.scrapeTimeout = PromDuration(timeout) }
    if let interval = global["evaluation_interval"]?.text { config.evaluationInterval = PromDuration(interval) }
    config.externalLabels = ConfigImport.strings(global["external_labels"])
    config.ruleFiles = ConfigImport.stringList(json["rule_files"]) ?? []
    let managers = (json["alerting"]?["alertmanagers"]?.elements ?? []).map(alertmanager)
    // All or none: the list is replaced whole when any entry stays raw.
    if managers.allSatisfy({ $0 != nil }) { config.alertmanagers = managers.compactMap { $0 } }
    config.jobs = (json["scrape_configs"]?.elements ?? []).map(job)
    let writes = (json["remote_write"]?.elements ?? []).map(remoteWrite)
    if writes.allSatisfy({ $0 != nil }) { config.remoteWrites = writes.compactMap { $0 } }
    return config
  }

  /// A destination with a name (the DSL always writes one; Prometheus does not add it).
  private static func remoteWrite(_ json: JSONValue) -> RemoteWrite? {
    guard let url = json["url"]?.text, let name = json["name"]?.text else { return nil }
    var write = RemoteWrite(name, url: url)
    write.remoteTimeout = json["remote_timeout"]?.text.map { PromDuration($0) }
    write.headers = ConfigImport.strings(json["headers"])
    write.writeRelabelRules = relabelRules(json["write_relabel_configs"])
    write.authorization = authorization(json)
    if let queue = json["queue_config"] {
      write.queue = QueueConfig(
        capacity: queue["capacity"]?.integer, maxShards: queue["max_shards"]?.integer, minShards: queue["min_shards"]?.integer,
        maxSamplesPerSend: queue["max_samples_per_send"]?.integer,
        batchSendDeadline: queue["batch_send_deadline"]?.text.map { PromDuration($0) },
        minBackoff: queue["min_backoff"]?.text.map { PromDuration($0) }, maxBackoff: queue["max_backoff"]?.text.map { PromDuration($0) })
    }
    return write
  }

  /// Basic auth or a bearer token, read from files.
  static func authorization(_ json: JSONValue) -> ScrapeAuthorization? {
    if let auth = json["basic_auth"], ConfigImport.has(auth, onlyKeys: ["username", "password_file"]),
      let username = auth["username"]?.text, let file = auth["password_file"]?.text
    {
      return .basic(username: username, passwordFile: file)
    }
    if let auth = json["authorization"], ConfigImport.has(auth, onlyKeys: ["type", "credentials_file"]),
      auth["type"]?.text == "Bearer", let file = auth["credentials_file"]?.text
    {
      return .bearer(credentialsFile: file)
    }
    return nil
  }

  private static func alertmanager(_ json: JSONValue) -> AlertmanagerTarget? {
    guard ConfigImport.has(json, onlyKeys: ["scheme", "path_prefix", "timeout", "static_configs"]),
      let statics = json["static_configs"]?.elements, statics.count == 1, ConfigImport.has(statics[0], onlyKeys: ["targets"]),
      let targets = ConfigImport.stringList(statics[0]["targets"]), let scheme = ScrapeJob.Scheme(rawValue: json["scheme"]?.text ?? "http")
    else { return nil }
    return AlertmanagerTarget(
      targets: targets, scheme: scheme, pathPrefix: json["path_prefix"]?.text, timeout: json["timeout"]?.text.map { PromDuration($0) })
  }

  static func job(_ json: JSONValue) -> ScrapeJob {
    var job = ScrapeJob(json["job_name"]?.text ?? "", targets: [])
    if let statics = json["static_configs"]?.elements, statics.count == 1, ConfigImport.has(statics[0], onlyKeys: ["targets", "labels"]),
      let targets = ConfigImport.stringList(statics[0]["targets"])
    {
      job.targets = targets
      job.labels = ConfigImport.strings(statics[0]["labels"])
    }
    if let path = json["metrics_path"]?.text { job.metricsPath = path }
    if let scheme = json["scheme"]?.text.flatMap(ScrapeJob.Scheme.init(rawValue:)) { job.scheme = scheme }
    job.interval = json["scrape_interval"]?.text.map { PromDuration($0) }
    job.timeout = json["scrape_timeout"]?.text.map { PromDuration($0) }
    job.honorLabels = json["honor_labels"] == .bool(true)
    job.sampleLimit = json["sample_limit"]?.integer
    if case .object(let params)? = json["params"] {
      job.params = params.compactMapValues { ConfigImport.stringList($0) }
    }
    job.relabelRules = relabelRules(json["relabel_configs"])
    job.metricRelabelRules = relabelRules(json["metric_relabel_configs"])
    job.authorization = authorization(json)
    job.tls = tls(json["tls_config"])
    job.discovery = discovery(json)
    return job
  }

  static func tls(_ json: JSONValue?) -> TLSConfig? {
    json.map { tls in
      TLSConfig(
        caFile: tls["ca_file"]?.text, certFile: tls["cert_file"]?.text, keyFile: tls["key_file"]?.text,
        serverName: tls["server_name"]?.text, insecureSkipVerify: tls["insecure_skip_verify"] == .bool(true))
    }
  }

  /// Every rule typed, or none (the list is then kept raw whole).
  private static func relabelRules(_ json: JSONValue?) -> [RelabelRule] {
    let keys: Set = ["source_labels", "separator", "regex", "modulus", "target_label", "replacement", "action"]
    let rules = (json?.elements ?? []).map { rule -> RelabelRule? in
      guard ConfigImport.has(rule, onlyKeys: keys), let action = rule["action"]?.text.flatMap(RelabelRule.Action.init(rawValue:)),
        rule["source_labels"] == nil || ConfigImport.stringList(rule["source_labels"]) != nil
      else { return nil }
      return RelabelRule(
        action, sourceLabels: ConfigImport.stringList(rule["source_labels"]) ?? [], separator: rule["separator"]?.text,
        regex: rule["regex"]?.text, targetLabel: rule["target_label"]?.text, replacement: rule["replacement"]?.text,
        modulus: rule["modulus"]?.integer)
    }
    return rules.allSatisfy { $0 != nil } ? rules.compactMap { $0 } : []
  }

  // MARK: - Raw part

  /// A typed list that the raw part of `trial` replaces whole (a relabel rule the DSL would spell
  /// differently, say) is said once, raw: the typed one is dropped.
  static func untypeReplacedLists(_ config: inout PrometheusConfig, as trial: PrometheusConfig) {
    for index in config.jobs.indices {
      guard let merge = trial.jobs[index].extraJSON else { continue }
      if merge["relabel_configs"] != nil { config.jobs[index].relabelRules = [] }
      if merge["metric_relabel_configs"] != nil { config.jobs[index].metricRelabelRules = [] }
      for key in DiscoveryLowering.kinds where merge[key] != nil { config.jobs[index].discovery.removeAll { $0.configKey == key } }
      if merge["static_configs"] != nil {
        config.jobs[index].targets = []
        config.jobs[index].labels = [:]
      }
    }
    if trial.extraJSON?["alerting"]?["alertmanagers"] != nil { config.alertmanagers = [] }
    if trial.extraJSON?["rule_files"] != nil { config.ruleFiles = [] }
    if trial.extraJSON?["remote_write"] != nil { config.remoteWrites = [] }
  }

  /// Each job's difference from the input goes on the job, the rest on the config.
  static func keepRaw(_ config: inout PrometheusConfig, input: JSONValue, notes: inout [ImportNote]) {
    let lowered = YAMLTree.value(of: PrometheusLowering.config(config))
    let loweredJobs = lowered["scrape_configs"]?.elements ?? []
    let inputJobs = input["scrape_configs"]?.elements ?? []
    if loweredJobs.count == inputJobs.count {
      for index in config.jobs.indices {
        notes += unknownDiscoveryKeys(inputJobs[index], item: "job \"\(config.jobs[index].name)\"")
        ConfigImport.keepRaw(
          &config.jobs[index], lowered: loweredJobs[index], input: inputJobs[index], item: "job \"\(config.jobs[index].name)\"",
          notes: &notes)
      }
    }
    ConfigImport.keepRaw(
      &config, lowered: YAMLTree.value(of: PrometheusLowering.config(config)), input: input, item: "config", notes: &notes)
  }
}

/// A Prometheus config brought in by ``PrometheusImporter``.
public typealias PrometheusImport = ConfigImport.Result<PrometheusConfig>
