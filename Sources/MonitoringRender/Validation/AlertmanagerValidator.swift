import MonitoringDSL

/// Checks an Alertmanager config before it is rendered: the routing tree (a root route with a
/// receiver and no matchers, known receivers, grouping by `alertname`), durations, label names,
/// matchers, receivers and their integrations, and inhibit rules: what `amtool check-config` would
/// refuse, plus mistakes it allows (grouping without `alertname`, a catch-all route hiding the routes
/// after it, an inhibit rule without matchers, credentials in a webhook URL). An imported config
/// (``AlertmanagerConfig/importedFrom``) is spared the grouping conventions only.
struct AlertmanagerValidator {
  var collector = DiagnosticCollector()
  /// Whether `group_by` must be set on the root and include `alertname`.
  private var enforcesConventions = true
  /// The names of the config's time intervals, in order.
  private var intervalNames: [String] = []
  /// Whether the integrations are checked as Alertmanager 0.25 reads them; Grafana-managed alerting
  /// checks them as Grafana does (``GrafanaAlertingValidator``).
  var checksIntegrations = true

  mutating func validate(_ config: AlertmanagerConfig) {
    let root: [PathElement] = [.alertmanager(config.fileName)]
    enforcesConventions = config.importedFrom == nil
    collector.milliseconds(of: config.resolveTimeout, "resolve_timeout", at: root)
    if let smtp = config.smtp {
      if smtp.from.isBlank { collector.report(root, "smtp_from is empty") }
      checkHostPort(smtp.smarthost, "smtp_smarthost", at: root)
      checkFile(smtp.authPasswordFile, "smtp_auth_password_file", at: root)
    }

    var counts: [String: Int] = [:]
    for receiver in config.receivers { counts[receiver.name, default: 0] += 1 }
    for receiver in config.receivers {
      let path = root + [.receiver(receiver.name)]
      if receiver.name.isBlank { collector.report(path, "name is empty") }
      if counts[receiver.name, default: 0] > 1 {
        collector.report(path, "name is used by more than one receiver")
        counts[receiver.name] = 0
      }
      if checksIntegrations { check(receiver, smtp: config.smtp, target: config.target, at: path) }
    }

    intervalNames = config.timeIntervals.map(\.name)
    var intervalCounts: [String: Int] = [:]
    for intervals in config.timeIntervals { intervalCounts[intervals.name, default: 0] += 1 }
    for intervals in config.timeIntervals {
      let path = root + [.field("time_intervals \"\(intervals.name)\"")]
      if intervals.name.isBlank { collector.report(path, "name is empty") }
      if intervalCounts[intervals.name, default: 0] > 1 {
        collector.report(path, "name is used by more than one time interval")
        intervalCounts[intervals.name] = 0
      }
      if intervals.periods.isEmpty { collector.report(path, "has no time period: add a TimePeriod") }
      for (index, period) in intervals.periods.enumerated() {
        TimeIntervalChecks.check(period, at: path + [.field("time_intervals[\(index)]")], into: &collector)
      }
    }

    switch config.routes.count {
    case 0: collector.report(root, "has no route: add a root Route(receiver:) to the body")
    case 1: break
    default:
      collector.report(
        root, "has \(config.routes.count) top-level routes: the first is the root; nest the others inside it")
    }
    if let route = config.route {
      let names = config.receivers.map(\.name)
      checkRoot(route, at: root + [.route("root")])
      check(route, receivers: Set(names), known: names, at: root + [.route("root")])
    }

    for (index, rule) in config.inhibitRules.enumerated() {
      let path = root + [.field("inhibit_rules[\(index)]")]
      if rule.sourceMatchers.isEmpty { collector.report(path, "has no source matchers: every alert would mute its targets") }
      if rule.targetMatchers.isEmpty { collector.report(path, "has no target matchers: it would mute every alert") }
      for matcher in rule.sourceMatchers + rule.targetMatchers { check(matcher, at: path) }
      checkLabelNames(rule.equal, "equal", at: path)
    }
  }

  /// How a route is named in a diagnostic path: its matchers as Alertmanager prints them.
  static func pathElement(_ route: Route) -> PathElement {
    .route("{" + route.matchers.map(\.text).joined(separator: ",") + "}")
  }

  private mutating func checkRoot(_ route: Route, at path: [PathElement]) {
    if route.receiver == nil { collector.report(path, "the root route needs a receiver (where unmatched alerts go)") }
    if !route.matchers.isEmpty { collector.report(path, "the root route must not have matchers (it takes every alert)") }
    if route.continues { collector.report(path, "the root route cannot continue") }
    if !route.muteTimeIntervals.isEmpty {
      collector.report(path, "the root route cannot have mute_time_intervals: mute a child route")
    }
    if !route.activeTimeIntervals.isEmpty {
      collector.report(path, "the root route cannot have active_time_intervals: give them to a child route")
    }
    if route.groupBy == nil, enforcesConventions {
      collector.report(path, "group_by is not set: group by alertname and more, or by every label with .groupByAll()")
    }
  }

  private mutating func check(_ route: Route, receivers: Set<String>, known: [String], at path: [PathElement]) {
    if let receiver = route.receiver, !receivers.contains(receiver) {
      let list = known.isEmpty ? "none" : known.joined(separator: ", ")
      collector.report(path, "receiver \"\(receiver)\" is not defined (receivers: \(list))")
    }
    for matcher in route.matchers { check(matcher, at: path) }
    for (key, names) in [("mute_time_intervals", route.muteTimeIntervals), ("active_time_intervals", route.activeTimeIntervals)] {
      for name in names where !intervalNames.contains(name) {
        let list = intervalNames.isEmpty ? "none" : intervalNames.joined(separator: ", ")
        collector.report(
          path,
          "\(key): time interval \"\(name)\" is not defined\(NearestName.suggestion(for: name, in: intervalNames)) (time intervals: \(list))")
      }
    }
    if let groupBy = route.groupBy {
      checkLabelNames(groupBy.filter { $0 != "..." }, "group_by", at: path)
      if groupBy.contains("...") {
        if groupBy.count > 1 { collector.report(path, "group_by cannot mix '...' (every label) with other labels") }
      } else if !groupBy.contains("alertname"), enforcesConventions {
        let labels = groupBy.isEmpty ? "[]" : "[" + groupBy.joined(separator: ", ") + "]"
        collector.report(
          path, "group_by \(labels) does not include alertname (add it, or group by every label with .groupByAll())")
      }
    }
    if let wait = route.groupWait { collector.milliseconds(of: wait, "group_wait", at: path) }
    if let interval = route.groupInterval, collector.milliseconds(of: interval, "group_interval", at: path) == 0 {
      collector.report(path, "group_interval cannot be zero")
    }
    if let interval = route.repeatInterval, collector.milliseconds(of: interval, "repeat_interval", at: path) == 0 {
      collector.report(path, "repeat_interval cannot be zero")
    }
    for (index, child) in route.routes.enumerated() {
      let childPath = path + [Self.pathElement(child)]
      // Matching kept raw (legacy `match`/`match_re`, matchers the DSL cannot spell) is matching too.
      let matchesRaw = ["match", "match_re", "matchers"].contains { child.extraJSON?[$0] != nil }
      if child.matchers.isEmpty, !matchesRaw, !child.continues, index < route.routes.count - 1 {
        collector.report(childPath, "has no matchers and does not continue: the routes after it are never reached")
      }
      check(child, receivers: receivers, known: known, at: childPath)
    }
  }

  private mutating func check(_ receiver: Receiver, smtp: SMTPSettings?, target: AlertmanagerVersion, at path: [PathElement]) {
    var counters: [String: Int] = [:]
    for integration in receiver.integrations {
      let list = integration.fileKey
      let path = path + [.field("\(list)[\(counters[list, default: 0])]")]
      counters[list, default: 0] += 1
      switch integration {
      case .email(let email):
        if email.to.isBlank { collector.report(path, "to is empty") }
        if email.from == nil, smtp == nil {
          collector.report(path, "has no sender: set .from(…) on it or .smtp(…) on the config")
        }
        if let host = email.smarthost {
          checkHostPort(host, "smarthost", at: path)
        } else if smtp == nil {
          collector.report(path, "has no SMTP server: set .smarthost(…) on it or .smtp(…) on the config")
        }
        checkFile(email.authPasswordFile, "auth_password_file", at: path)
      case .pagerDuty(let pagerDuty):
        checkFile(pagerDuty.routingKeyFile, "routing_key_file", at: path)
      case .slack(let slack):
        checkFile(slack.apiURLFile, "api_url_file", at: path)
      case .webhook(let webhook):
        checkWebhookURL(webhook.url, at: path)
        if let count = webhook.maxAlerts, count < 0 { collector.report(path, "max_alerts \(count) is negative") }
        switch webhook.authorization {
        case .basic(let username, let passwordFile):
          if username.isBlank { collector.report(path, "basic auth username is empty") }
          checkFile(passwordFile, "password_file", at: path)
        case .bearer(let file): checkFile(file, "credentials_file", at: path)
        case nil: break
        }
      case .opsGenie(let opsGenie):
        checkFile(opsGenie.apiKeyFile, "api_key_file", at: path)
        if let url = opsGenie.apiURL { checkWebhookURL(url, at: path) }
        let types = ["team", "teams", "user", "escalation", "schedule"]
        for responder in opsGenie.responders {
          if !types.contains(responder.type) {
            collector.report(
              path,
              "responder type \"\(responder.type)\" is not one of \(types.joined(separator: ", "))\(NearestName.suggestion(for: responder.type, in: types))")
          }
          if responder.name.isBlank { collector.report(path, "a responder's name is empty") }
        }
      case .victorOps(let victorOps):
        checkFile(victorOps.apiKeyFile, "api_key_file", at: path)
        if victorOps.routingKey.isBlank { collector.report(path, "routing_key is empty") }
      case .sns(let sns):
        if !sns.topicARN.hasPrefix("arn:") { collector.report(path, "topic_arn \"\(sns.topicARN)\" is not an ARN (arn:aws:sns:…)") }
        for key in ["access_key", "secret_key"] where sns.extraJSON?["sigv4"]?[key] != nil {
          collector.report(
            path,
            "sigv4.\(key): Alertmanager 0.25 reads it only as plain text and the DSL writes no secret; use the ambient AWS credentials and .sigV4(region:roleARN:)")
        }
      case .webex(let webex):
        if webex.roomID.isBlank { collector.report(path, "room_id is empty") }
        checkFile(webex.credentialsFile, "credentials_file", at: path)
      case .pushover(let pushover):
        checkFileForm(pushover.userKeyFile, "user_key_file", "user_key", since: .v0_26, target: target, at: path)
        checkFileForm(pushover.tokenFile, "token_file", "token", since: .v0_26, target: target, at: path)
      case .telegram(let telegram):
        checkFileForm(telegram.botTokenFile, "bot_token_file", "bot_token", since: .v0_26, target: target, at: path)
      case .weChat(let weChat):
        checkFileForm(weChat.apiSecretFile, "api_secret_file", "api_secret", since: .v0_31, target: target, at: path)
      case .discord(let discord):
        checkFileForm(discord.webhookURLFile, "webhook_url_file", "webhook_url", since: .v0_27, target: target, at: path)
      }
    }
  }

  /// An absolute http(s) URL with a host, carrying no credentials: secrets belong in files.
  private mutating func checkWebhookURL(_ url: String, at path: [PathElement]) {
    let scheme = ["http://", "https://"].first { url.lowercased().hasPrefix($0) }
    guard let scheme else {
      collector.report(path, "url \"\(url)\" must start with http:// or https://")
      return
    }
    let rest = url.dropFirst(scheme.count)
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if authority.isEmpty { collector.report(path, "url \"\(url)\" has no host") }
    if authority.contains("@") {
      collector.report(path, "url has credentials in it; use .basicAuth(username:passwordFile:) or .bearerToken(file:)")
    }
    if let query = rest.split(separator: "?", maxSplits: 1).dropFirst().first {
      let secretWords = ["token", "secret", "password", "passwd", "key"]
      for parameter in query.split(separator: "&") {
        let name = parameter.prefix { $0 != "=" }.lowercased()
        if secretWords.contains(where: { name.hasSuffix($0) }) {
          collector.report(
            path, "url has a secret-looking query parameter \"\(name)\"; use .bearerToken(file:) or .basicAuth(username:passwordFile:)")
        }
      }
    }
  }

  private mutating func check(_ matcher: LabelMatcher, at path: [PathElement]) {
    let text = matcher.text
    if !DashboardValidator.isIdentifier(matcher.label) {
      collector.report(path, "matcher \(text): \"\(matcher.label)\" is not a valid label name")
    }
    if matcher.op == .regex || matcher.op == .notRegex, AlertmanagerRouting.regex(matcher.value) == nil {
      collector.report(path, "matcher \(text): the regular expression does not compile")
    }
  }

  private mutating func checkLabelNames(_ names: [String], _ what: String, at path: [PathElement]) {
    for name in names where !DashboardValidator.isIdentifier(name) {
      collector.report(path, "\(what): \"\(name)\" is not a valid label name")
    }
  }

  /// A secret that the target Alertmanager (0.25) reads only as plain text: the DSL writes no
  /// secret, and 0.25 refuses the `*_file` form.
  /// A secret the target reads from a file only since `version`: refused before, checked like any file after.
  private mutating func checkFileForm(
    _ file: String, _ fileKey: String, _ plainKey: String, since version: AlertmanagerVersion, target: AlertmanagerVersion,
    at path: [PathElement]
  ) {
    guard target < version else { return checkFile(file, fileKey, at: path) }
    collector.report(
      path,
      "\(plainKey): Alertmanager \(target) has no \(fileKey) and reads it only as plain text, and the DSL writes no secret; \(fileKey) came in Alertmanager \(version) (.target(.v\(version.major)_\(version.minor)))")
  }

  private mutating func checkFile(_ file: String?, _ key: String, at path: [PathElement]) {
    if let file, file.isBlank { collector.report(path, "\(key) is empty") }
  }

  /// `host:port`, as Alertmanager's SMTP client dials it.
  private mutating func checkHostPort(_ address: String, _ key: String, at path: [PathElement]) {
    let colon = address.lastIndex(of: ":")
    let host = colon.map { address[..<$0] } ?? ""
    let port = colon.flatMap { Int(address[address.index(after: $0)...]) }
    if host.allSatisfy(\.isWhitespace) || !(1...65535).contains(port ?? 0) {
      collector.report(path, "\(key) \"\(address)\" is not host:port")
    }
  }
}
