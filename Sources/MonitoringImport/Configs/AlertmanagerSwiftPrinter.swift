import MonitoringDSL

/// Swift source for an imported Alertmanager config: the config in a computed property whose body
/// lists the routing tree (its own property, `route`), the receivers (in `receivers` when there are
/// more than three) and the inhibit rules; raw JSON as `.extraJSON`/`.removingJSON` on the route,
/// receiver, integration or config it belongs to.
/// ```swift
/// let source = AlertmanagerSwiftPrinter.source(imported, typeName: "DockpromAlertmanager")
/// ```
public enum AlertmanagerSwiftPrinter {
  public static func source(_ imported: AlertmanagerImport, typeName: String) -> String {
    let config = imported.config
    var body: [String] = []
    var members: [String] = []
    if let route = config.route {
      body.append("route\n")
      members.append("  static var route: Route {\n    " + routeSource(route, indent: "    ") + "  }\n")
    }
    if config.receivers.count > 3 {
      body.append("receivers\n")
      members.append(
        "  static var receivers: [Receiver] {\n    [\n"
          + config.receivers.map { "      " + receiverSource($0, indent: "      ").dropLast() + ",\n" }.joined() + "    ]\n  }\n")
    } else {
      body += config.receivers.map { receiverSource($0, indent: "      ") }
    }
    body += config.inhibitRules.map { inhibitSource($0) + "\n" }

    let output = SwiftFile.opening(
      command: "alertmanager", source: imported.source,
      about: "What the DSL does not type is kept as raw JSON (.extraJSON/.removingJSON) where it belongs.",
      notes: imported.notes, doc: "The Alertmanager config of \(imported.source).", typeName: typeName)
    return output
      + SwiftFile.property(
        "config", type: "AlertmanagerConfig", constructor: "AlertmanagerConfig(\(SwiftLiteral.string(config.fileName)))",
        body: body, modifiers: configModifiers(config, indent: "    "), functions: members)
  }

  private static func configModifiers(_ config: AlertmanagerConfig, indent: String) -> String {
    var lines: [String] = []
    let defaults = AlertmanagerConfig(config.fileName) {}
    if config.resolveTimeout != defaults.resolveTimeout {
      lines.append(".global(resolveTimeout: \(PrometheusSwiftPrinter.duration(config.resolveTimeout)))")
    }
    if let smtp = config.smtp {
      var text = ".smtp(\n\(indent)  SMTPSettings(from: \(SwiftLiteral.string(smtp.from)), smarthost: \(SwiftLiteral.string(smtp.smarthost)))"
      var settings: [String] = []
      if let hello = smtp.hello { settings.append(".hello(\(SwiftLiteral.string(hello)))") }
      if let username = smtp.authUsername, let file = smtp.authPasswordFile {
        settings.append(".auth(username: \(SwiftLiteral.string(username)), passwordFile: \(SwiftLiteral.string(file)))")
      }
      if !smtp.requireTLS { settings.append(".requireTLS(false)") }
      text += settings.map { "\n\(indent)    " + $0 }.joined()
      lines.append(text + "\n\(indent))")
    }
    if !config.templates.isEmpty { lines.append(".templates(\(SwiftLiteral.strings(config.templates)))") }
    if let source = config.importedFrom { lines.append(".imported(from: \(SwiftLiteral.string(source)))") }
    return lines.map { indent + $0 + "\n" }.joined()
      + DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: indent)
  }

  /// A route and its children; the first line is at `indent`, every line ends in a newline.
  static func routeSource(_ route: Route, indent: String) -> String {
    var arguments: [String] = []
    if let receiver = route.receiver { arguments.append("receiver: \(SwiftLiteral.string(receiver))") }
    if !route.matchers.isEmpty { arguments.append("matchers: \(matchersSource(route.matchers))") }
    var text = "Route(\(arguments.joined(separator: ", ")))"
    if !route.routes.isEmpty {
      let inner = indent + "  "
      text += " {\n" + route.routes.map { inner + routeSource($0, indent: inner) }.joined() + indent + "}"
    }
    text += "\n"
    // Modifiers line up with a closing brace, and sit under a one-line route.
    let inner = route.routes.isEmpty ? indent + "  " : indent
    var lines: [String] = []
    if let groupBy = route.groupBy { lines.append(groupBy == ["..."] ? ".groupByAll()" : ".groupBy(\(SwiftLiteral.strings(groupBy)))") }
    if let wait = route.groupWait, let interval = route.groupInterval, let repeats = route.repeatInterval {
      lines.append(
        ".timing(groupWait: \(PrometheusSwiftPrinter.duration(wait)), groupInterval: \(PrometheusSwiftPrinter.duration(interval)), "
          + "repeatInterval: \(PrometheusSwiftPrinter.duration(repeats)))")
    } else {
      if let wait = route.groupWait { lines.append(".groupWait(\(PrometheusSwiftPrinter.duration(wait)))") }
      if let interval = route.groupInterval { lines.append(".groupInterval(\(PrometheusSwiftPrinter.duration(interval)))") }
      if let repeats = route.repeatInterval { lines.append(".repeatInterval(\(PrometheusSwiftPrinter.duration(repeats)))") }
    }
    if route.continues { lines.append(".continue()") }
    return text + lines.map { inner + $0 + "\n" }.joined()
      + DashboardSwiftPrinter.raw(extra: route.extraJSON, removed: route.removedJSON, indent: inner)
  }

  /// A receiver; the first line is at `indent`, every line ends in a newline.
  static func receiverSource(_ receiver: Receiver, indent: String) -> String {
    var text = "Receiver(\(SwiftLiteral.string(receiver.name)))"
    let inner = indent + "  "
    if !receiver.integrations.isEmpty {
      text += " {\n" + receiver.integrations.map { inner + integrationSource($0, indent: inner) }.joined() + indent + "}"
    }
    let modifierIndent = receiver.integrations.isEmpty ? inner : indent
    return text + "\n" + DashboardSwiftPrinter.raw(extra: receiver.extraJSON, removed: receiver.removedJSON, indent: modifierIndent)
  }

  private static func integrationSource(_ integration: Integration, indent: String) -> String {
    let inner = indent + "  "
    var lines: [String] = []
    let head: String
    let raw: String
    switch integration {
    case .email(let email):
      head = "EmailConfig(to: \(SwiftLiteral.string(email.to)))"
      if email.sendResolved { lines.append(".sendResolved()") }
      if let from = email.from { lines.append(".from(\(SwiftLiteral.string(from)))") }
      if let host = email.smarthost { lines.append(".smarthost(\(SwiftLiteral.string(host)))") }
      if let username = email.authUsername, let file = email.authPasswordFile {
        lines.append(".auth(username: \(SwiftLiteral.string(username)), passwordFile: \(SwiftLiteral.string(file)))")
      }
      if let require = email.requireTLS { lines.append(".requireTLS(\(require))") }
      raw = DashboardSwiftPrinter.raw(extra: email.extraJSON, removed: email.removedJSON, indent: inner)
    case .pagerDuty(let pagerDuty):
      head = "PagerDutyConfig(routingKeyFile: \(SwiftLiteral.string(pagerDuty.routingKeyFile)))"
      if !pagerDuty.sendResolved { lines.append(".sendResolved(false)") }
      if let severity = pagerDuty.severity { lines.append(".severity(\(SwiftLiteral.string(severity)))") }
      if let description = pagerDuty.description { lines.append(".description(\(SwiftLiteral.string(description)))") }
      raw = DashboardSwiftPrinter.raw(extra: pagerDuty.extraJSON, removed: pagerDuty.removedJSON, indent: inner)
    case .slack(let slack):
      head = "SlackConfig(channel: \(SwiftLiteral.string(slack.channel)), apiURLFile: \(SwiftLiteral.string(slack.apiURLFile)))"
      if slack.sendResolved { lines.append(".sendResolved()") }
      if let title = slack.title { lines.append(".title(\(SwiftLiteral.string(title)))") }
      if let text = slack.text { lines.append(".text(\(SwiftLiteral.string(text)))") }
      raw = DashboardSwiftPrinter.raw(extra: slack.extraJSON, removed: slack.removedJSON, indent: inner)
    case .webhook(let webhook):
      head = "WebhookConfig(url: \(SwiftLiteral.string(webhook.url)))"
      if !webhook.sendResolved { lines.append(".sendResolved(false)") }
      if let count = webhook.maxAlerts { lines.append(".maxAlerts(\(count))") }
      switch webhook.authorization {
      case .basic(let username, let file):
        lines.append(".basicAuth(username: \(SwiftLiteral.string(username)), passwordFile: \(SwiftLiteral.string(file)))")
      case .bearer(let file): lines.append(".bearerToken(file: \(SwiftLiteral.string(file)))")
      case nil: break
      }
      raw = DashboardSwiftPrinter.raw(extra: webhook.extraJSON, removed: webhook.removedJSON, indent: inner)
    // The import types the four kinds above only (the others stay raw on their receiver): these
    // print their required fields, for a config built in Swift and printed back.
    case .opsGenie(let config):
      head = "OpsGenieConfig(apiKeyFile: \(SwiftLiteral.string(config.apiKeyFile)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .victorOps(let config):
      head = "VictorOpsConfig(apiKeyFile: \(SwiftLiteral.string(config.apiKeyFile)), routingKey: \(SwiftLiteral.string(config.routingKey)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .sns(let config):
      head = "SNSConfig(topicARN: \(SwiftLiteral.string(config.topicARN)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .webex(let config):
      head = "WebexConfig(roomID: \(SwiftLiteral.string(config.roomID)), credentialsFile: \(SwiftLiteral.string(config.credentialsFile)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .pushover(let config):
      head = "PushoverConfig(userKeyFile: \(SwiftLiteral.string(config.userKeyFile)), tokenFile: \(SwiftLiteral.string(config.tokenFile)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .telegram(let config):
      head = "TelegramConfig(botTokenFile: \(SwiftLiteral.string(config.botTokenFile)), chatID: \(config.chatID))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .weChat(let config):
      head = "WeChatConfig(apiSecretFile: \(SwiftLiteral.string(config.apiSecretFile)), corpID: \(SwiftLiteral.string(config.corpID)), toUser: \(SwiftLiteral.string(config.toUser)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    case .discord(let config):
      head = "DiscordConfig(webhookURLFile: \(SwiftLiteral.string(config.webhookURLFile)))"
      raw = DashboardSwiftPrinter.raw(extra: config.extraJSON, removed: config.removedJSON, indent: inner)
    }
    return head + "\n" + lines.map { inner + $0 + "\n" }.joined() + raw
  }

  private static func inhibitSource(_ rule: InhibitRule) -> String {
    if rule == .warningMutedWhileCritical(equal: rule.equal) {
      return rule.equal == ["alertname", "job"]
        ? "InhibitRule.warningMutedWhileCritical()" : "InhibitRule.warningMutedWhileCritical(equal: \(SwiftLiteral.strings(rule.equal)))"
    }
    let equal = rule.equal.isEmpty ? "" : ", equal: \(SwiftLiteral.strings(rule.equal))"
    return "InhibitRule(source: \(matchersSource(rule.sourceMatchers)), target: \(matchersSource(rule.targetMatchers))\(equal))"
  }

  private static func matchersSource(_ matchers: [LabelMatcher]) -> String {
    "[" + matchers.map { matcher in
      let name = switch matcher.op {
      case .equal: "equal"
      case .notEqual: "notEqual"
      case .regex: "regex"
      case .notRegex: "notRegex"
      }
      return ".\(name)(\(SwiftLiteral.string(matcher.label)), \(SwiftLiteral.string(matcher.value)))"
    }.joined(separator: ", ") + "]"
  }
}
