import MonitoringDSL

/// Swift source for an imported Prometheus config: the config in a computed property, short jobs
/// inline in its body and each longer job (more than three lines) in a function of its own; raw
/// JSON as `.extraJSON`/`.removingJSON` on the job or config it belongs to.
/// ```swift
/// let source = PrometheusSwiftPrinter.source(imported, typeName: "DockpromPrometheus")
/// ```
public enum PrometheusSwiftPrinter {
  public static func source(_ imported: PrometheusImport, typeName: String) -> String {
    let config = imported.config
    var names = SwiftNames(reserved: ["config"])
    var calls: [String] = []
    var functions: [String] = []
    for job in config.jobs {
      let expression = jobSource(job, indent: "    ")
      guard expression.filter({ $0 == "\n" }).count > 3 else {
        calls.append(jobSource(job, indent: "      "))
        continue
      }
      let name = names.unique(job.name + " Job", fallback: "job")
      calls.append("\(name)()\n")
      functions.append("  static func \(name)() -> ScrapeJob {\n    \(expression)  }\n")
    }
    let output = SwiftFile.opening(
      command: "prometheus", source: imported.source,
      about: "What the DSL does not type is kept as raw JSON (.extraJSON/.removingJSON) on its job or the config.",
      notes: imported.notes, doc: "The Prometheus config of \(imported.source).", typeName: typeName)
    return output
      + SwiftFile.property(
        "config", type: "PrometheusConfig", constructor: "PrometheusConfig(\(SwiftLiteral.string(config.fileName)))",
        body: calls, modifiers: configModifiers(config, indent: "    "), functions: functions)
  }

  private static func configModifiers(_ config: PrometheusConfig, indent: String) -> String {
    var lines: [String] = []
    let defaults = PrometheusConfig(config.fileName) {}
    if config.scrapeInterval != defaults.scrapeInterval || config.scrapeTimeout != defaults.scrapeTimeout
      || config.evaluationInterval != defaults.evaluationInterval
    {
      let timeout = config.scrapeTimeout == defaults.scrapeTimeout ? "" : ", scrapeTimeout: \(duration(config.scrapeTimeout))"
      lines.append(
        ".global(scrapeInterval: \(duration(config.scrapeInterval))\(timeout), evaluationInterval: \(duration(config.evaluationInterval)))")
    }
    if !config.externalLabels.isEmpty { lines.append(".externalLabels(\(dictionary(config.externalLabels)))") }
    if !config.ruleFiles.isEmpty { lines.append(".ruleFiles(\(SwiftLiteral.strings(config.ruleFiles)))") }
    if !config.alertmanagers.isEmpty {
      lines.append(".alertmanagers([" + config.alertmanagers.map(alertmanagerSource).joined(separator: ", ") + "])")
    }
    if !config.remoteWrites.isEmpty {
      lines.append(".remoteWrite {\n" + config.remoteWrites.map { indent + "  " + remoteWriteSource($0, indent: indent + "  ") }.joined() + indent + "}")
    }
    if let source = config.importedFrom { lines.append(".imported(from: \(SwiftLiteral.string(source)))") }
    return lines.map { indent + $0 + "\n" }.joined()
      + DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: indent)
  }

  private static func alertmanagerSource(_ target: AlertmanagerTarget) -> String {
    var arguments = ["targets: \(SwiftLiteral.strings(target.targets))"]
    if target.scheme != .http { arguments.append("scheme: .\(target.scheme.rawValue)") }
    if let prefix = target.pathPrefix { arguments.append("pathPrefix: \(SwiftLiteral.string(prefix))") }
    if let timeout = target.timeout { arguments.append("timeout: \(duration(timeout))") }
    return "AlertmanagerTarget(\(arguments.joined(separator: ", ")))"
  }

  /// The job as an expression whose first line is at `indent`, each line ending in a newline.
  static func jobSource(_ job: ScrapeJob, indent: String) -> String {
    let targets = job.targets.isEmpty && !job.discovery.isEmpty ? "" : ", targets: \(SwiftLiteral.strings(job.targets))"
    var text = "ScrapeJob(\(SwiftLiteral.string(job.name))\(targets))\n"
    let inner = indent + "  "
    var lines: [String] = []
    if job.metricsPath != "/metrics" { lines.append(".metricsPath(\(SwiftLiteral.string(job.metricsPath)))") }
    if !job.params.isEmpty {
      let pairs = job.params.keys.sorted().map { "\(SwiftLiteral.string($0)): \(SwiftLiteral.strings(job.params[$0] ?? []))" }
      lines.append(".params([" + pairs.joined(separator: ", ") + "])")
    }
    if job.scheme != .http { lines.append(".scheme(.\(job.scheme.rawValue))") }
    if let interval = job.interval { lines.append(".interval(\(duration(interval)))") }
    if let timeout = job.timeout { lines.append(".timeout(\(duration(timeout)))") }
    if !job.labels.isEmpty { lines.append(".labels(\(dictionary(job.labels)))") }
    if job.honorLabels { lines.append(".honorLabels()") }
    if let limit = job.sampleLimit { lines.append(".sampleLimit(\(limit))") }
    if let authorization = job.authorization { lines.append(authorizationSource(authorization)) }
    if let tls = job.tls { lines.append(".tls(\(tlsSource(tls)))") }
    text += lines.map { inner + $0 + "\n" }.joined() + discoverySource(job.discovery, indent: inner)
    for (name, rules) in [("relabel", job.relabelRules), ("metricRelabel", job.metricRelabelRules)] where !rules.isEmpty {
      text += inner + ".\(name) {\n" + rules.map { inner + "  " + relabelSource($0) + "\n" }.joined() + inner + "}\n"
    }
    return text + DashboardSwiftPrinter.raw(extra: job.extraJSON, removed: job.removedJSON, indent: inner)
  }

  /// A destination; the first line is at `indent`, every line ends in a newline.
  private static func remoteWriteSource(_ write: RemoteWrite, indent: String) -> String {
    let inner = indent + "  "
    var lines: [String] = []
    if let timeout = write.remoteTimeout { lines.append(".remoteTimeout(\(duration(timeout)))") }
    if !write.headers.isEmpty { lines.append(".headers(\(dictionary(write.headers)))") }
    if !write.writeRelabelRules.isEmpty {
      lines.append(".writeRelabel {\n" + write.writeRelabelRules.map { inner + "  " + relabelSource($0) + "\n" }.joined() + inner + "}")
    }
    if let authorization = write.authorization { lines.append(authorizationSource(authorization)) }
    if let queue = write.queue {
      let arguments: [String?] = [
        queue.capacity.map { "capacity: \($0)" }, queue.maxShards.map { "maxShards: \($0)" }, queue.minShards.map { "minShards: \($0)" },
        queue.maxSamplesPerSend.map { "maxSamplesPerSend: \($0)" }, queue.batchSendDeadline.map { "batchSendDeadline: \(duration($0))" },
        queue.minBackoff.map { "minBackoff: \(duration($0))" }, queue.maxBackoff.map { "maxBackoff: \(duration($0))" },
      ]
      lines.append(".queue(QueueConfig(\(arguments.compactMap { $0 }.joined(separator: ", "))))")
    }
    return "RemoteWrite(\(SwiftLiteral.string(write.name)), url: \(SwiftLiteral.string(write.url)))\n"
      + lines.map { inner + $0 + "\n" }.joined()
  }

  static func authorizationSource(_ authorization: ScrapeAuthorization) -> String {
    switch authorization {
    case .basic(let username, let file):
      ".basicAuth(username: \(SwiftLiteral.string(username)), passwordFile: \(SwiftLiteral.string(file)))"
    case .bearer(let file): ".bearerToken(file: \(SwiftLiteral.string(file)))"
    }
  }

  static func tlsSource(_ tls: TLSConfig) -> String {
    let arguments: [String?] = [
      tls.caFile.map { "caFile: \(SwiftLiteral.string($0))" }, tls.certFile.map { "certFile: \(SwiftLiteral.string($0))" },
      tls.keyFile.map { "keyFile: \(SwiftLiteral.string($0))" }, tls.serverName.map { "serverName: \(SwiftLiteral.string($0))" },
      tls.insecureSkipVerify ? "insecureSkipVerify: true" : nil,
    ]
    return "TLSConfig(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
  }

  private static func relabelSource(_ rule: RelabelRule) -> String {
    if rule.action == .drop || rule.action == .keep, let regex = rule.regex,
      rule == RelabelRule(rule.action, sourceLabels: ["__name__"], regex: regex)
    {
      return "RelabelRule.\(rule.action.rawValue)(metricsMatching: \(SwiftLiteral.string(regex)))"
    }
    let arguments: [String?] = [
      ".\(rule.action.rawValue)", rule.sourceLabels.isEmpty ? nil : "sourceLabels: \(SwiftLiteral.strings(rule.sourceLabels))",
      rule.separator.map { "separator: \(SwiftLiteral.string($0))" }, rule.regex.map { "regex: \(SwiftLiteral.string($0))" },
      rule.targetLabel.map { "targetLabel: \(SwiftLiteral.string($0))" },
      rule.replacement.map { "replacement: \(SwiftLiteral.string($0))" }, rule.modulus.map { "modulus: \($0)" },
    ]
    return "RelabelRule(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
  }

  static func duration(_ duration: PromDuration) -> String { SwiftLiteral.string(duration.text) }

  static func dictionary(_ values: [String: String]) -> String {
    "[" + values.keys.sorted().map { "\(SwiftLiteral.string($0)): \(SwiftLiteral.string(values[$0] ?? ""))" }.joined(separator: ", ") + "]"
  }
}
