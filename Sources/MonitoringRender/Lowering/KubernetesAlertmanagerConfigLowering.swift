public import MonitoringDSL
public import Yams

/// The `spec` of an `AlertmanagerConfig` (`monitoring.coreos.com/v1alpha1`) from the same
/// `AlertmanagerConfig` value `alertmanager.yml` is written from: the routing tree (`groupBy`,
/// `matchers` as `{name, value, matchType}`, child routes in the same shape), the receivers in the
/// operator's camelCase (`slackConfigs`, `pagerdutyConfigs`, …), `inhibitRules` and the named time
/// intervals (`muteTimeIntervals`, the v1alpha1 name, also for active intervals).
///
/// Secrets are Secret key references only: a secret file `/etc/alertmanager/secrets/<secret>/<key>`
/// (where the operator mounts `Alertmanager.spec.secrets`) becomes `{name: <secret>, key: <key>}`; a
/// webhook's basic-auth username, which the CRD reads from a Secret too, is key `username` of the
/// password's Secret. An email receiver takes the config's `SMTPSettings` for what it does not set,
/// as Alertmanager would: the resource has no `global` section. What the resource cannot say (other
/// secret paths, templates, a resolve timeout other than 5m, a period's time zone, raw JSON) is
/// reported, with its path, in ``lower(_:at:)``'s `problems`.
/// ```swift
/// let (spec, problems) = KubernetesAlertmanagerConfigLowering.lower(config, at: [.kubernetes("monitoring")])
/// ```
public struct KubernetesAlertmanagerConfigLowering {
  /// Where the operator mounts `Alertmanager.spec.secrets`.
  public static let secretsFolder = "/etc/alertmanager/secrets/"

  /// The resource's `spec`, and a diagnostic (under `path`) for each thing it could not write.
  /// ```swift
  /// let (spec, problems) = KubernetesAlertmanagerConfigLowering.lower(config, at: [])
  /// ```
  public static func lower(_ config: AlertmanagerConfig, at path: [PathElement]) -> (spec: Node, problems: [Diagnostic]) {
    var lowering = KubernetesAlertmanagerConfigLowering()
    let spec = lowering.spec(config, at: path)
    return (spec, lowering.collector.diagnostics)
  }

  /// The top route as the operator merges it into the config it generates: under
  /// `KubernetesAlertmanager/MatcherStrategy/onNamespace` it matches `namespace="<namespace>"` too.
  /// ```swift
  /// let root = KubernetesAlertmanagerConfigLowering.operatorRoute(route, namespace: "monitoring", strategy: .onNamespace)
  /// ```
  public static func operatorRoute(_ route: Route, namespace: String, strategy: KubernetesAlertmanager.MatcherStrategy) -> Route {
    guard strategy == .onNamespace else { return route }
    var scoped = route
    scoped.matchers.insert(.equal("namespace", namespace), at: 0)
    return scoped
  }

  private var collector = DiagnosticCollector()

  private mutating func spec(_ config: AlertmanagerConfig, at path: [PathElement]) -> Node {
    if !config.templates.isEmpty {
      collector.report(
        path,
        "templates: an AlertmanagerConfig cannot name template files; give them to the Alertmanager (kube-prometheus-stack: alertmanager.templateFiles), or write the config as a Secret with .alertmanagerSecret(…)")
    }
    if config.resolveTimeout.text != "5m" {
      collector.report(
        path,
        "resolve_timeout \(config.resolveTimeout.text): an AlertmanagerConfig has no global section; set it in the Alertmanager's own config (kube-prometheus-stack: alertmanager.config.global.resolve_timeout)")
    }
    checkRawJSON(config, at: path)
    let route = config.route.map { self.route($0, at: path + [.route("root")]) }
    let receivers = config.receivers.map { receiver($0, smtp: config.smtp, at: path + [.receiver($0.name)]) }
    let inhibitRules = config.inhibitRules.map { rule in
      YAMLTree.mapping([
        ("sourceMatch", matchers(rule.sourceMatchers)),
        ("targetMatch", matchers(rule.targetMatchers)),
        ("equal", rule.equal.isEmpty ? nil : YAMLTree.strings(rule.equal)),
      ])
    }
    let intervals = config.timeIntervals.map { timeIntervals($0, at: path + [.field("time_intervals \"\($0.name)\"")]) }
    return YAMLTree.mapping([
      ("route", route),
      ("receivers", YAMLTree.sequence(receivers)),
      ("inhibitRules", inhibitRules.isEmpty ? nil : YAMLTree.sequence(inhibitRules)),
      ("muteTimeIntervals", intervals.isEmpty ? nil : YAMLTree.sequence(intervals)),
    ])
  }

  // MARK: - Routes

  private mutating func route(_ route: Route, at path: [PathElement]) -> Node {
    checkRawJSON(route, at: path)
    let children = route.routes.map { self.route($0, at: path + [AlertmanagerValidator.pathElement($0)]) }
    return YAMLTree.mapping([
      ("receiver", route.receiver.map(YAMLTree.string)),
      ("groupBy", route.groupBy.map(YAMLTree.strings)),
      ("continue", route.continues ? YAMLTree.bool(true) : nil),
      ("matchers", matchers(route.matchers)),
      ("groupWait", route.groupWait.map { YAMLTree.string($0.text) }),
      ("groupInterval", route.groupInterval.map { YAMLTree.string($0.text) }),
      ("repeatInterval", route.repeatInterval.map { YAMLTree.string($0.text) }),
      ("muteTimeIntervals", route.muteTimeIntervals.isEmpty ? nil : YAMLTree.strings(route.muteTimeIntervals)),
      ("activeTimeIntervals", route.activeTimeIntervals.isEmpty ? nil : YAMLTree.strings(route.activeTimeIntervals)),
      ("routes", children.isEmpty ? nil : YAMLTree.sequence(children)),
    ])
  }

  private func matchers(_ matchers: [LabelMatcher]) -> Node? {
    guard !matchers.isEmpty else { return nil }
    return YAMLTree.sequence(
      matchers.map {
        YAMLTree.mapping([
          ("name", YAMLTree.string($0.label)),
          ("value", YAMLTree.string($0.value)),
          // NB: quoted, as YAML 1.1 readers take a bare `=` for its `value` tag.
          ("matchType", Node($0.op.rawValue, Tag(.str), .singleQuoted)),
        ])
      })
  }

  // MARK: - Time intervals

  private mutating func timeIntervals(_ intervals: TimeIntervals, at path: [PathElement]) -> Node {
    checkRawJSON(intervals, at: path)
    let periods = intervals.periods.enumerated().map { index, period in
      if let location = period.location {
        collector.report(
          path + [.field("time_intervals[\(index)]")],
          "location \(location): a v1alpha1 AlertmanagerConfig has no time zone (its periods are UTC); write the period in UTC")
      }
      let times = period.times.map {
        YAMLTree.mapping([("startTime", YAMLTree.string($0.start)), ("endTime", YAMLTree.string($0.end))])
      }
      // "1:7", "-3:-1" or "15"; TimeIntervalChecks has refused anything else.
      let days = period.daysOfMonth.compactMap { range -> Node? in
        let bounds = range.split(separator: ":").compactMap { Int($0) }
        guard let start = bounds.first, let end = bounds.last else { return nil }
        return YAMLTree.mapping([("start", YAMLTree.int(start)), ("end", YAMLTree.int(end))])
      }
      let list = { (values: [String]) in values.isEmpty ? nil : YAMLTree.strings(values) }
      return YAMLTree.mapping([
        ("times", times.isEmpty ? nil : YAMLTree.sequence(times)),
        ("weekdays", list(period.weekdays)),
        ("daysOfMonth", days.isEmpty ? nil : YAMLTree.sequence(days)),
        ("months", list(period.months)),
        ("years", list(period.years)),
      ])
    }
    return YAMLTree.mapping([("name", YAMLTree.string(intervals.name)), ("timeIntervals", YAMLTree.sequence(periods))])
  }

  // MARK: - Receivers

  private mutating func receiver(_ receiver: Receiver, smtp: SMTPSettings?, at path: [PathElement]) -> Node {
    checkRawJSON(receiver, at: path)
    var kinds: [String: [Node]] = [:]
    for integration in receiver.integrations {
      // The CRD's key is the file's in camel case: `pagerduty_configs` is `pagerdutyConfigs`.
      let key = String(integration.fileKey.dropLast("_configs".count)) + "Configs"
      let path = path + [.field("\(key)[\(kinds[key, default: []].count)]")]
      let node =
        switch integration {
        case .email(let config): email(config, smtp: smtp, at: path)
        case .pagerDuty(let config): pagerDuty(config, at: path)
        case .slack(let config): slack(config, at: path)
        case .webhook(let config): webhook(config, at: path)
        case .opsGenie(let config): opsGenie(config, at: path)
        case .victorOps(let config): victorOps(config, at: path)
        case .sns(let config): sns(config, at: path)
        case .webex(let config): webex(config, at: path)
        case .pushover(let config): pushover(config, at: path)
        case .telegram(let config): telegram(config, at: path)
        case .weChat(let config): weChat(config, at: path)
        case .discord(let config): discord(config, at: path)
        }
      kinds[key, default: []].append(node)
    }
    // The CRD's keys in its (alphabetical) order.
    let keys = [
      "discordConfigs", "emailConfigs", "opsgenieConfigs", "pagerdutyConfigs", "pushoverConfigs", "slackConfigs",
      "snsConfigs", "telegramConfigs", "victoropsConfigs", "webexConfigs", "webhookConfigs", "wechatConfigs",
    ]
    return YAMLTree.mapping([("name", YAMLTree.string(receiver.name))] + keys.map { ($0, kinds[$0].map(YAMLTree.sequence)) })
  }

  private mutating func email(_ config: EmailConfig, smtp: SMTPSettings?, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    // Field by field, as Alertmanager fills an email config in from `global`.
    let passwordFile = config.authPasswordFile ?? smtp?.authPasswordFile
    return YAMLTree.mapping([
      ("to", YAMLTree.string(config.to)),
      ("from", (config.from ?? smtp?.from).map(YAMLTree.string)),
      ("smarthost", (config.smarthost ?? smtp?.smarthost).map(YAMLTree.string)),
      ("hello", smtp?.hello.map(YAMLTree.string)),
      ("authUsername", (config.authUsername ?? smtp?.authUsername).map(YAMLTree.string)),
      ("authPassword", passwordFile.flatMap { secret($0, "auth_password_file", at: path) }),
      ("requireTLS", (config.requireTLS ?? smtp?.requireTLS).map(YAMLTree.bool)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func pagerDuty(_ config: PagerDutyConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("routingKey", secret(config.routingKeyFile, "routing_key_file", at: path)),
      ("severity", config.severity.map(YAMLTree.string)),
      ("description", config.description.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func slack(_ config: SlackConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("apiURL", secret(config.apiURLFile, "api_url_file", at: path)),
      ("channel", YAMLTree.string(config.channel)),
      ("title", config.title.map(YAMLTree.string)),
      ("text", config.text.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func webhook(_ config: WebhookConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    let httpConfig: Node? =
      switch config.authorization {
      case .basic(_, let passwordFile)?:
        // The CRD reads the username from a Secret too: the password's Secret, key `username`.
        YAMLTree.mapping([
          (
            "basicAuth",
            YAMLTree.mapping([
              ("username", secret(passwordFile, "basic_auth.password_file", key: "username", at: path)),
              ("password", secret(passwordFile, "basic_auth.password_file", at: path)),
            ])
          )
        ])
      case .bearer(let file)?: bearer(file, at: path)
      case nil: nil
      }
    return YAMLTree.mapping([
      ("url", YAMLTree.string(config.url)),
      ("httpConfig", httpConfig),
      ("maxAlerts", config.maxAlerts.map(YAMLTree.int)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func opsGenie(_ config: OpsGenieConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    let responders = config.responders.map { YAMLTree.mapping([("type", YAMLTree.string($0.type)), ("name", YAMLTree.string($0.name))]) }
    return YAMLTree.mapping([
      ("apiKey", secret(config.apiKeyFile, "api_key_file", at: path)),
      ("apiURL", config.apiURL.map(YAMLTree.string)),
      ("message", config.message.map(YAMLTree.string)),
      ("description", config.description.map(YAMLTree.string)),
      ("priority", config.priority.map(YAMLTree.string)),
      ("responders", responders.isEmpty ? nil : YAMLTree.sequence(responders)),
      ("tags", config.tags.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func victorOps(_ config: VictorOpsConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("apiKey", secret(config.apiKeyFile, "api_key_file", at: path)),
      ("routingKey", YAMLTree.string(config.routingKey)),
      ("messageType", config.messageType.map(YAMLTree.string)),
      ("entityDisplayName", config.entityDisplayName.map(YAMLTree.string)),
      ("stateMessage", config.stateMessage.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func sns(_ config: SNSConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    let sigv4: Node? =
      config.region == nil && config.roleARN == nil
      ? nil : YAMLTree.mapping([("region", config.region.map(YAMLTree.string)), ("roleArn", config.roleARN.map(YAMLTree.string))])
    return YAMLTree.mapping([
      ("topicARN", YAMLTree.string(config.topicARN)),
      ("sigv4", sigv4),
      ("subject", config.subject.map(YAMLTree.string)),
      ("message", config.message.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func webex(_ config: WebexConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("roomID", YAMLTree.string(config.roomID)),
      ("httpConfig", bearer(config.credentialsFile, at: path)),
      ("message", config.message.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func pushover(_ config: PushoverConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("userKey", secret(config.userKeyFile, "user_key_file", at: path)),
      ("token", secret(config.tokenFile, "token_file", at: path)),
      ("title", config.title.map(YAMLTree.string)),
      ("priority", config.priority.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func telegram(_ config: TelegramConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("botToken", secret(config.botTokenFile, "bot_token_file", at: path)),
      ("chatID", YAMLTree.int(Int(config.chatID))),
      ("message", config.message.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func weChat(_ config: WeChatConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("apiSecret", secret(config.apiSecretFile, "api_secret_file", at: path)),
      ("corpID", YAMLTree.string(config.corpID)),
      ("agentID", config.agentID.map(YAMLTree.string)),
      ("toUser", YAMLTree.string(config.toUser)),
      ("message", config.message.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  private mutating func discord(_ config: DiscordConfig, at path: [PathElement]) -> Node {
    checkRawJSON(config, at: path)
    return YAMLTree.mapping([
      ("apiURL", secret(config.webhookURLFile, "webhook_url_file", at: path)),
      ("title", config.title.map(YAMLTree.string)),
      ("message", config.message.map(YAMLTree.string)),
      ("sendResolved", YAMLTree.bool(config.sendResolved)),
    ])
  }

  // MARK: - Secrets and what the resource cannot carry

  /// `httpConfig.authorization` with the bearer token from a Secret.
  private mutating func bearer(_ file: String, at path: [PathElement]) -> Node {
    YAMLTree.mapping([
      (
        "authorization",
        YAMLTree.mapping([("type", YAMLTree.string("Bearer")), ("credentials", secret(file, "credentials_file", at: path))])
      )
    ])
  }

  /// The secret file `file` (the DSL's `field`) as a Secret key reference, or a diagnostic.
  private mutating func secret(_ file: String, _ field: String, key: String? = nil, at path: [PathElement]) -> Node? {
    if let reference = KubernetesLowering.secretKey(file, under: Self.secretsFolder, key: key) { return reference }
    // Both halves of a basic-auth pair name one file: report it once.
    if key == nil {
      collector.report(
        path,
        "\(field) \(file) is not a Secret key: write it as \(Self.secretsFolder)<secret>/<key> (where the operator mounts Alertmanager.spec.secrets), which the resource names as key <key> of the Secret <secret> in its namespace; an AlertmanagerConfig names Secret keys, never files")
    }
    return nil
  }

  private mutating func checkRawJSON(_ item: some RawJSONCarrying, at path: [PathElement]) {
    guard item.rawJSON != nil else { return }
    collector.report(
      path,
      "has raw JSON (.extraJSON/.removingJSON), which only alertmanager.yml carries: an AlertmanagerConfig cannot; type it, or write the config as a Secret with .alertmanagerSecret(…)")
  }
}
