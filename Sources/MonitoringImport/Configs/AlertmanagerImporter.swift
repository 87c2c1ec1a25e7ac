public import MonitoringDSL
import MonitoringRender
import Yams

/// `gen import alertmanager`: an `alertmanager.yml` as a typed `AlertmanagerConfig`: resolve
/// timeout and SMTP settings, templates, the routing tree (receiver, `group_by`, timings, matchers,
/// `continue`, child routes), inhibit rules and receivers with their email, PagerDuty, Slack and
/// webhook integrations. What the DSL does not type (legacy `match`/`match_re`, time intervals,
/// other integration kinds, extra integration fields) is kept raw on the route, receiver,
/// integration or config it belongs to, found by lowering the typed value and diffing it with the
/// input. Plain-text secrets are replaced by their file form or a placeholder, with a warning
/// (`SecretScrubber`).
///
/// The model the spec must render is the input as Alertmanager loads it: `null` members absent,
/// matchers in Alertmanager's canonical spelling (`severity="critical"`, as it prints them), and the
/// defaults it applies written out (`resolve_timeout: 5m`; `smtp_require_tls: true` when the config
/// sets an SMTP server; `send_resolved` false for email and Slack, true for PagerDuty and webhooks).
/// ```swift
/// let imported = try AlertmanagerImporter.importConfig(text, source: "config.yml", fileName: "alertmanager.yml")
/// ```
public enum AlertmanagerImporter: ConfigImporting {
  /// The integration kinds the DSL types, with Alertmanager's `send_resolved` default for each.
  static let sendResolvedDefaults: [(kind: String, sendResolved: Bool)] = [
    ("email_configs", false), ("pagerduty_configs", true), ("slack_configs", false), ("webhook_configs", true),
  ]

  static let toolName = "Alertmanager"
  static let identifyingKeys = ["route", "receivers"]
  static let scrubber = SecretScrubber.alertmanager

  /// ```swift
  /// let imported = try AlertmanagerImporter.importConfig(text, source: "config.yml", fileName: "alertmanager.yml")
  /// ```
  public static func importConfig(
    _ text: String, source: String, fileName: String, limits: ImportLimits = .default
  ) throws(ImportFailure) -> AlertmanagerImport {
    try importing(text, source: source, fileName: fileName, limits: limits)
  }

  static func lowered(_ config: AlertmanagerConfig) -> Node { AlertmanagerLowering.config(config) }

  static func normalized(_ input: JSONValue) -> JSONValue {
    var model = ConfigImport.withoutNullMembers(input)
    var global = (["resolve_timeout": "5m"] as JSONValue).merging(model["global"] ?? [:])
    if global["smtp_from"] != nil, global["smtp_smarthost"] != nil {
      global = (["smtp_require_tls": true] as JSONValue).merging(global)
    }
    model = model.merging(["global": global])
    if let route = model["route"] { model = model.merging(["route": canonicalRoute(route)]) }
    if case .array(let rules)? = model["inhibit_rules"] {
      model = model.merging([
        "inhibit_rules": .array(rules.map { canonicalMatchers(canonicalMatchers($0, at: "source_matchers"), at: "target_matchers") })
      ])
    }
    if case .array(let receivers)? = model["receivers"] {
      model = model.merging([
        "receivers": .array(receivers.map { receiver in
          sendResolvedDefaults.reduce(receiver) { ConfigImport.defaulting($0, list: $1.kind, with: ["send_resolved": .bool($1.sendResolved)]) }
        })
      ])
    }
    return model
  }

  private static func canonicalRoute(_ route: JSONValue) -> JSONValue {
    var route = canonicalMatchers(route, at: "matchers")
    if case .array(let children)? = route["routes"] { route = route.merging(["routes": .array(children.map(canonicalRoute))]) }
    return route
  }

  /// The matchers at `key` as Alertmanager prints them, when every one parses.
  private static func canonicalMatchers(_ json: JSONValue, at key: String) -> JSONValue {
    guard let matchers = matchers(json[key]) else { return json }
    return json.merging([key: .array(matchers.map { .string($0.text) })])
  }

  /// `label="value"`, `label=~"re"`, `label!=value`…; `nil` unless every element parses.
  static func matchers(_ json: JSONValue?) -> [LabelMatcher]? {
    guard let texts = ConfigImport.stringList(json) else { return nil }
    let parsed = texts.compactMap(matcher)
    return parsed.count == texts.count ? parsed : nil
  }

  /// One matcher as Alertmanager reads it (`label op value`, the value quoted or bare); `nil` when
  /// it is none (the importer keeps such matchers raw).
  /// ```swift
  /// AlertmanagerImporter.matcher(#"team=~"db|cache""#)   // .regex("team", "db|cache")
  /// ```
  public static func matcher(_ text: String) -> LabelMatcher? {
    var trimmed = Substring(text).drop { $0 == " " }
    while trimmed.last == " " { trimmed = trimmed.dropLast() }
    let name = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    guard let first = name.first, !first.isNumber else { return nil }
    let rest = trimmed.dropFirst(name.count).drop { $0 == " " }
    guard let op = [LabelMatcher.Operator.regex, .notRegex, .notEqual, .equal].first(where: { rest.hasPrefix($0.rawValue) }) else {
      return nil
    }
    var value = String(rest.dropFirst(op.rawValue.count).drop { $0 == " " })
    if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
      guard let unquoted = unquote(value.dropFirst().dropLast()) else { return nil }
      value = unquoted
    } else if value.contains("\"") {
      return nil
    }
    return LabelMatcher(String(name), op, value)
  }

  private static func unquote(_ text: Substring) -> String? {
    var result = ""
    var escaped = false
    for character in text {
      if escaped {
        switch character {
        case "n": result.append("\n")
        case "\\", "\"": result.append(character)
        default: return nil
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        return nil
      } else {
        result.append(character)
      }
    }
    return escaped ? nil : result
  }

  // MARK: - Typed part

  static func typed(_ json: JSONValue, fileName: String, source: String) -> AlertmanagerConfig {
    var config = AlertmanagerConfig(fileName) {}
    config.importedFrom = source
    let global = json["global"] ?? [:]
    if let timeout = global["resolve_timeout"]?.text { config.resolveTimeout = PromDuration(timeout) }
    if let from = global["smtp_from"]?.text, let smarthost = global["smtp_smarthost"]?.text {
      var smtp = SMTPSettings(from: from, smarthost: smarthost)
      smtp.hello = global["smtp_hello"]?.text
      smtp.authUsername = global["smtp_auth_username"]?.text
      smtp.authPasswordFile = global["smtp_auth_password_file"]?.text
      smtp.requireTLS = global["smtp_require_tls"] != .bool(false)
      config.smtp = smtp
    }
    config.templates = ConfigImport.stringList(json["templates"]) ?? []
    if let route = json["route"] { config.routes = [self.route(route)] }
    let rules = (json["inhibit_rules"]?.elements ?? []).map(inhibitRule)
    if rules.allSatisfy({ $0 != nil }) { config.inhibitRules = rules.compactMap { $0 } }
    config.receivers = (json["receivers"]?.elements ?? []).map(receiver)
    return config
  }

  static func route(_ json: JSONValue) -> Route {
    var route = Route(receiver: json["receiver"]?.text, matchers: matchers(json["matchers"]) ?? [])
    route.groupBy = ConfigImport.stringList(json["group_by"])
    route.groupWait = json["group_wait"]?.text.map { PromDuration($0) }
    route.groupInterval = json["group_interval"]?.text.map { PromDuration($0) }
    route.repeatInterval = json["repeat_interval"]?.text.map { PromDuration($0) }
    route.continues = json["continue"] == .bool(true)
    route.routes = (json["routes"]?.elements ?? []).map(self.route)
    return route
  }

  private static func inhibitRule(_ json: JSONValue) -> InhibitRule? {
    guard ConfigImport.has(json, onlyKeys: ["source_matchers", "target_matchers", "equal"]),
      let source = matchers(json["source_matchers"] ?? []), let target = matchers(json["target_matchers"] ?? []),
      let equal = ConfigImport.stringList(json["equal"] ?? [])
    else { return nil }
    return InhibitRule(source: source, target: target, equal: equal)
  }

  static func receiver(_ json: JSONValue) -> Receiver {
    var receiver = Receiver(json["name"]?.text ?? "")
    for (kind, _) in sendResolvedDefaults {
      // All of a kind or none: the kind's list is kept raw whole otherwise.
      let typed = (json[kind]?.elements ?? []).map { integration(kind, $0) }
      if typed.allSatisfy({ $0 != nil }) { receiver.integrations += typed.compactMap { $0 } }
    }
    return receiver
  }

  private static func integration(_ kind: String, _ json: JSONValue) -> Integration? {
    let sendResolved = json["send_resolved"] == .bool(true)
    switch kind {
    case "email_configs":
      guard let to = json["to"]?.text else { return nil }
      var email = EmailConfig(to: to).sendResolved(sendResolved)
      email.from = json["from"]?.text
      email.smarthost = json["smarthost"]?.text
      email.authUsername = json["auth_username"]?.text
      email.authPasswordFile = json["auth_password_file"]?.text
      if case .bool(let require)? = json["require_tls"] { email.requireTLS = require }
      return .email(email)
    case "pagerduty_configs":
      guard let key = json["routing_key_file"]?.text else { return nil }
      var pagerDuty = PagerDutyConfig(routingKeyFile: key).sendResolved(sendResolved)
      pagerDuty.severity = json["severity"]?.text
      pagerDuty.description = json["description"]?.text
      return .pagerDuty(pagerDuty)
    case "slack_configs":
      guard let channel = json["channel"]?.text, let file = json["api_url_file"]?.text else { return nil }
      var slack = SlackConfig(channel: channel, apiURLFile: file).sendResolved(sendResolved)
      slack.title = json["title"]?.text
      slack.text = json["text"]?.text
      return .slack(slack)
    default:
      guard let url = json["url"]?.text else { return nil }
      var webhook = WebhookConfig(url: url).sendResolved(sendResolved)
      webhook.maxAlerts = json["max_alerts"]?.integer
      let http = json["http_config"] ?? [:]
      if let auth = http["basic_auth"], ConfigImport.has(auth, onlyKeys: ["username", "password_file"]),
        let username = auth["username"]?.text, let file = auth["password_file"]?.text
      {
        webhook.authorization = .basic(username: username, passwordFile: file)
      } else if let auth = http["authorization"], ConfigImport.has(auth, onlyKeys: ["type", "credentials_file"]),
        (auth["type"]?.text ?? "Bearer") == "Bearer", let file = auth["credentials_file"]?.text
      {
        webhook.authorization = .bearer(credentialsFile: file)
      }
      return .webhook(webhook)
    }
  }

  // MARK: - Raw part

  /// A typed list that the raw part of `trial` replaces whole is said once, raw: the typed one is dropped.
  static func untypeReplacedLists(_ config: inout AlertmanagerConfig, as trial: AlertmanagerConfig) {
    func untype(_ route: inout Route, as trial: Route) {
      if trial.extraJSON?["matchers"] != nil { route.matchers = [] }
      if trial.extraJSON?["group_by"] != nil { route.groupBy = nil }
      for index in route.routes.indices where index < trial.routes.count { untype(&route.routes[index], as: trial.routes[index]) }
    }
    for index in config.routes.indices where index < trial.routes.count { untype(&config.routes[index], as: trial.routes[index]) }
    if trial.extraJSON?["inhibit_rules"] != nil { config.inhibitRules = [] }
    if trial.extraJSON?["templates"] != nil { config.templates = [] }
  }

  /// Differences go on the route node, integration or receiver they are in; the rest on the config.
  static func keepRaw(_ config: inout AlertmanagerConfig, input: JSONValue, notes: inout [ImportNote]) {
    let lowered = YAMLTree.value(of: AlertmanagerLowering.config(config))
    if config.routes.count == 1, let route = input["route"], let loweredRoute = lowered["route"] {
      keepRaw(&config.routes[0], lowered: loweredRoute, input: route, item: "route root", notes: &notes)
    }
    let loweredReceivers = lowered["receivers"]?.elements ?? []
    let inputReceivers = input["receivers"]?.elements ?? []
    if loweredReceivers.count == inputReceivers.count {
      for index in config.receivers.indices {
        keepRaw(&config.receivers[index], lowered: loweredReceivers[index], input: inputReceivers[index], notes: &notes)
      }
    }
    ConfigImport.keepRaw(
      &config, lowered: YAMLTree.value(of: AlertmanagerLowering.config(config)), input: input, item: "config", notes: &notes)
  }

  private static func keepRaw(_ route: inout Route, lowered: JSONValue, input: JSONValue, item: String, notes: inout [ImportNote]) {
    let children = input["routes"]?.elements ?? []
    let loweredChildren = lowered["routes"]?.elements ?? []
    let aligned = children.count == route.routes.count && loweredChildren.count == children.count
    ConfigImport.keepRaw(&route, lowered: lowered, input: input, skipping: aligned ? ["routes"] : [], item: item, notes: &notes)
    guard aligned else { return }
    for index in route.routes.indices {
      let child = "\(item) › {" + route.routes[index].matchers.map(\.text).joined(separator: ",") + "}"
      keepRaw(&route.routes[index], lowered: loweredChildren[index], input: children[index], item: child, notes: &notes)
    }
  }

  private static func keepRaw(_ receiver: inout Receiver, lowered: JSONValue, input: JSONValue, notes: inout [ImportNote]) {
    var typedKinds: Set<String> = []
    var positions: [String: Int] = [:]
    for index in receiver.integrations.indices {
      let kind = receiver.integrations[index].fileKey
      typedKinds.insert(kind)
      let position = positions[kind, default: 0]
      positions[kind] = position + 1
      let item = "receiver \"\(receiver.name)\" › \(kind)[\(position)]"
      guard let loweredIntegration = lowered[kind]?.elements.dropFirst(position).first,
        let inputIntegration = input[kind]?.elements.dropFirst(position).first
      else { continue }
      switch receiver.integrations[index] {
      case .email(var config):
        ConfigImport.keepRaw(&config, lowered: loweredIntegration, input: inputIntegration, item: item, notes: &notes)
        receiver.integrations[index] = .email(config)
      case .pagerDuty(var config):
        ConfigImport.keepRaw(&config, lowered: loweredIntegration, input: inputIntegration, item: item, notes: &notes)
        receiver.integrations[index] = .pagerDuty(config)
      case .slack(var config):
        ConfigImport.keepRaw(&config, lowered: loweredIntegration, input: inputIntegration, item: item, notes: &notes)
        receiver.integrations[index] = .slack(config)
      case .webhook(var config):
        ConfigImport.keepRaw(&config, lowered: loweredIntegration, input: inputIntegration, item: item, notes: &notes)
        receiver.integrations[index] = .webhook(config)
      default:
        // The import types the four kinds above only; the others stay raw on the receiver.
        break
      }
    }
    ConfigImport.keepRaw(
      &receiver, lowered: lowered, input: input, skipping: typedKinds, item: "receiver \"\(receiver.name)\"", notes: &notes)
  }

}


/// An Alertmanager config brought in by ``AlertmanagerImporter``.
public typealias AlertmanagerImport = ConfigImport.Result<AlertmanagerConfig>
