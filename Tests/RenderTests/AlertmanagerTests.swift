import Foundation
import MonitoringDSL
import MonitoringRender
import Testing
import Yams

/// Alertmanager configs: the exact YAML, one validation test per kind of bad input, the routing
/// function, and the real `amtool` agreeing with both.
@Suite struct AlertmanagerRenderTests {
  @Test func fullConfigInAlertmanagerKeyOrder() throws {
    let config = AlertmanagerConfig("alertmanager.yml") {
      Route(receiver: "team-web") {
        Route(receiver: "pager", matchers: [.equal("severity", "critical"), .regex("team", "web|api")]).continue()
        Route(matchers: [.notEqual("env", "dev"), .notRegex("job", "test-.*"), .equal("summary", #"say "hi" \o/"#)])
          .groupByAll()
          .repeatInterval("1h")
      }
      .groupBy(["alertname", "job"])
      .timing(groupWait: "30s", groupInterval: "5m", repeatInterval: "4h")
      Receiver("team-web") {
        WebhookConfig(url: "http://alert-router:8080/alerts").bearerToken(file: "/etc/alertmanager/secrets/router").maxAlerts(20)
        WebhookConfig(url: "https://audit.internal/hook").basicAuth(username: "am", passwordFile: "/etc/alertmanager/secrets/audit").sendResolved(false)
      }
      Receiver("pager") {
        PagerDutyConfig(routingKeyFile: "/etc/alertmanager/secrets/pagerduty").severity("{{ .CommonLabels.severity }}").description("{{ .CommonAnnotations.summary }}")
        SlackConfig(channel: "#alerts", apiURLFile: "/etc/alertmanager/secrets/slack").title("{{ .CommonLabels.alertname }}").text("{{ .CommonAnnotations.description }}").sendResolved()
        EmailConfig(to: "oncall@example.org")
        EmailConfig(to: "db@example.org").from("db-alerts@example.org").smarthost("smtp.db.internal:25")
          .auth(username: "db", passwordFile: "/etc/alertmanager/secrets/db-smtp").requireTLS(false).sendResolved()
      }
      Receiver("blackhole")
      InhibitRule.warningMutedWhileCritical()
      InhibitRule(source: [.equal("alertname", "ClusterDown")], target: [.regex("alertname", ".+")], equal: ["cluster"])
    }
    .global(resolveTimeout: "10m")
    .smtp(SMTPSettings(from: "alertmanager@example.org", smarthost: "smtp.example.org:587").hello("am.example.org")
      .auth(username: "alertmanager", passwordFile: "/etc/alertmanager/secrets/smtp"))
    .templates(["/etc/alertmanager/templates/*.tmpl"])

    let text = YAMLTree.document(AlertmanagerLowering.config(config))
    #expect(text == #"""
      global:
        resolve_timeout: 10m
        smtp_from: alertmanager@example.org
        smtp_smarthost: smtp.example.org:587
        smtp_hello: am.example.org
        smtp_auth_username: alertmanager
        smtp_auth_password_file: /etc/alertmanager/secrets/smtp
        smtp_require_tls: true
      route:
        receiver: team-web
        group_by:
        - alertname
        - job
        group_wait: 30s
        group_interval: 5m
        repeat_interval: 4h
        routes:
        - receiver: pager
          continue: true
          matchers:
          - severity="critical"
          - team=~"web|api"
        - group_by:
          - '...'
          matchers:
          - env!="dev"
          - job!~"test-.*"
          - summary="say \"hi\" \\o/"
          repeat_interval: 1h
      inhibit_rules:
      - source_matchers:
        - severity="critical"
        target_matchers:
        - severity="warning"
        equal:
        - alertname
        - job
      - source_matchers:
        - alertname="ClusterDown"
        target_matchers:
        - alertname=~".+"
        equal:
        - cluster
      receivers:
      - name: team-web
        webhook_configs:
        - send_resolved: true
          url: http://alert-router:8080/alerts
          http_config:
            authorization:
              type: Bearer
              credentials_file: /etc/alertmanager/secrets/router
          max_alerts: 20
        - send_resolved: false
          url: https://audit.internal/hook
          http_config:
            basic_auth:
              username: am
              password_file: /etc/alertmanager/secrets/audit
      - name: pager
        email_configs:
        - send_resolved: false
          to: oncall@example.org
        - send_resolved: true
          to: db@example.org
          from: db-alerts@example.org
          smarthost: smtp.db.internal:25
          auth_username: db
          auth_password_file: /etc/alertmanager/secrets/db-smtp
          require_tls: false
        pagerduty_configs:
        - send_resolved: true
          routing_key_file: /etc/alertmanager/secrets/pagerduty
          description: '{{ .CommonAnnotations.summary }}'
          severity: '{{ .CommonLabels.severity }}'
        slack_configs:
        - send_resolved: true
          api_url_file: /etc/alertmanager/secrets/slack
          channel: '#alerts'
          title: '{{ .CommonLabels.alertname }}'
          text: '{{ .CommonAnnotations.description }}'
      - name: blackhole
      templates:
      - /etc/alertmanager/templates/*.tmpl

      """#)
    let parsed = try #require(try Yams.load(yaml: text) as? [String: Any])
    let route = try #require(parsed["route"] as? [String: Any])
    let children = try #require(route["routes"] as? [[String: Any]])
    #expect(children[1]["matchers"] as? [String] == [#"env!="dev""#, #"job!~"test-.*""#, #"summary="say \"hi\" \\o/""#])
  }

  @Test func minimalConfigHasGlobalRouteAndReceiversOnly() {
    let config = AlertmanagerConfig("am.yml") {
      Route(receiver: "default").groupByAll()
      Receiver("default") { WebhookConfig(url: "http://hook:80/") }
    }
    #expect(YAMLTree.document(AlertmanagerLowering.config(config)) == """
      global:
        resolve_timeout: 5m
      route:
        receiver: default
        group_by:
        - '...'
      receivers:
      - name: default
        webhook_configs:
        - send_resolved: true
          url: http://hook:80/

      """)
  }

  @Test func matcherTextEscapesTheValue() {
    #expect(LabelMatcher.equal("severity", "critical").text == #"severity="critical""#)
    #expect(LabelMatcher.notEqual("env", "").text == #"env!="""#)
    #expect(LabelMatcher.regex("path", #"/api/\d+"#).text == #"path=~"/api/\\d+""#)
    #expect(LabelMatcher.notRegex("msg", "a\"b\nc").text == #"msg!~"a\"b\nc""#)
  }

  @Test func catalogWritesEachConfigUnderAlertmanager() throws {
    let files = try Renderer.render(Catalog {
      AlertmanagerConfig("alertmanager.yml") {
        Route(receiver: "default").groupBy(["alertname"])
        Receiver("default")
      }
    })
    #expect(files.map(\.path) == ["alertmanager/alertmanager.yml"])
    #expect(files.map(\.spec) == ["alertmanager/alertmanager.yml"])
  }
}

/// One test per kind of bad Alertmanager input: each asserts the exact diagnostic with its path.
@Suite struct AlertmanagerValidationTests {
  @Test func receiverDefinedButNeverRoutedToIsFine() {
    #expect(diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"])
      Receiver("default")
      Receiver("spare") { WebhookConfig(url: "http://spare:8080/") }
    }) == [])
  }

  @Test func routeToAnUndefinedReceiver() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") {
        Route(receiver: "pagr", matchers: [.equal("severity", "critical")])
      }
      .groupBy(["alertname"])
      Receiver("default")
      Receiver("pager")
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root › route {severity="critical"}: receiver "pagr" is not defined (receivers: default, pager)"#
    ])
  }

  @Test func duplicateReceiverNames() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"])
      Receiver("default")
      Receiver("default") { WebhookConfig(url: "http://hook:80/") }
    })
    #expect(problems == [#"alertmanager "am.yml" › receiver "default": name is used by more than one receiver"#])
  }

  @Test func emptyReceiverName() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"])
      Receiver("default")
      Receiver(" ")
    })
    #expect(problems == [#"alertmanager "am.yml" › receiver " ": name is empty"#])
  }

  @Test func rootRouteWithoutReceiver() {
    let problems = diagnostics(alertmanager {
      Route().groupBy(["alertname"])
      Receiver("default")
    })
    #expect(problems == [#"alertmanager "am.yml" › route root: the root route needs a receiver (where unmatched alerts go)"#])
  }

  @Test func rootRouteWithMatchers() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default", matchers: [.equal("severity", "critical")]).groupBy(["alertname"])
      Receiver("default")
    })
    #expect(problems == [#"alertmanager "am.yml" › route root: the root route must not have matchers (it takes every alert)"#])
  }

  @Test func rootRouteThatContinues() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"]).continue()
      Receiver("default")
    })
    #expect(problems == [#"alertmanager "am.yml" › route root: the root route cannot continue"#])
  }

  @Test func noRouteOrMoreThanOneTopLevelRoute() {
    #expect(diagnostics(alertmanager { Receiver("default") }) == [
      #"alertmanager "am.yml": has no route: add a root Route(receiver:) to the body"#
    ])
    #expect(diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"])
      Route(receiver: "default", matchers: [.equal("team", "web")])
      Receiver("default")
    }) == [#"alertmanager "am.yml": has 2 top-level routes: the first is the root; nest the others inside it"#])
  }

  @Test func rootRouteWithoutGroupBy() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") { Route(matchers: [.equal("team", "web")]) }
      Receiver("default")
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root: group_by is not set: group by alertname and more, or by every label with .groupByAll()"#
    ])
  }

  @Test func groupByWithoutAlertname() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") {
        Route(matchers: [.equal("team", "web")]).groupBy(["job", "instance"])
        Route(matchers: [.equal("team", "db")]).groupBy([])
      }
      .groupBy(["alertname"])
      Receiver("default")
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root › route {team="web"}: group_by [job, instance] does not include alertname (add it, or group by every label with .groupByAll())"#,
      #"alertmanager "am.yml" › route root › route {team="db"}: group_by [] does not include alertname (add it, or group by every label with .groupByAll())"#,
    ])
  }

  @Test func groupByMixingEveryLabelWithOthers() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["...", "alertname"])
      Receiver("default")
    })
    #expect(problems == [#"alertmanager "am.yml" › route root: group_by cannot mix '...' (every label) with other labels"#])
  }

  @Test func malformedDurations() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") {
        Route(matchers: [.equal("team", "web")]).repeatInterval("1 day")
      }
      .groupBy(["alertname"])
      .groupWait("30x")
      .groupInterval("5mins")
      Receiver("default")
    }.global(resolveTimeout: "five minutes"))
    #expect(problems == [
      #"alertmanager "am.yml": resolve_timeout "five minutes" is not a duration (like 30s, 5m, 1h30m)"#,
      #"alertmanager "am.yml" › route root: group_wait "30x" is not a duration (like 30s, 5m, 1h30m)"#,
      #"alertmanager "am.yml" › route root: group_interval "5mins" is not a duration (like 30s, 5m, 1h30m)"#,
      #"alertmanager "am.yml" › route root › route {team="web"}: repeat_interval "1 day" is not a duration (like 30s, 5m, 1h30m)"#,
    ])
  }

  @Test func zeroGroupAndRepeatIntervals() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"]).timing(groupWait: "0s", groupInterval: "0s", repeatInterval: "0")
      Receiver("default")
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root: group_interval cannot be zero"#,
      #"alertmanager "am.yml" › route root: repeat_interval cannot be zero"#,
    ])
  }

  @Test func invalidLabelNames() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") {
        Route(matchers: [.equal("team-name", "web")])
      }
      .groupBy(["alertname", "k8s.pod"])
      Receiver("default")
      InhibitRule(source: [.equal("1severity", "critical")], target: [.equal("severity", "warning")], equal: ["alert name"])
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root: group_by: "k8s.pod" is not a valid label name"#,
      #"alertmanager "am.yml" › route root › route {team-name="web"}: matcher team-name="web": "team-name" is not a valid label name"#,
      #"alertmanager "am.yml" › inhibit_rules[0]: matcher 1severity="critical": "1severity" is not a valid label name"#,
      #"alertmanager "am.yml" › inhibit_rules[0]: equal: "alert name" is not a valid label name"#,
    ])
  }

  @Test func regexThatDoesNotCompile() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") {
        Route(matchers: [.regex("job", "api(")])
      }
      .groupBy(["alertname"])
      Receiver("default")
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root › route {job=~"api("}: matcher job=~"api(": the regular expression does not compile"#
    ])
  }

  @Test func catchAllRouteHidesTheRoutesAfterIt() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default") {
        Route(receiver: "default")
        Route(receiver: "default", matchers: [.equal("team", "web")])
      }
      .groupBy(["alertname"])
      Receiver("default")
    })
    #expect(problems == [
      #"alertmanager "am.yml" › route root › route {}: has no matchers and does not continue: the routes after it are never reached"#
    ])
  }

  @Test func webhookURLs() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "hooks").groupBy(["alertname"])
      Receiver("hooks") {
        WebhookConfig(url: "alert-router:8080/alerts")
        WebhookConfig(url: "https://am:hunter2@hooks.internal/alerts")
        WebhookConfig(url: "https://hooks.internal/alerts?channel=ops&api_key=abc")
        WebhookConfig(url: "http:///alerts").maxAlerts(-1)
      }
    })
    #expect(problems == [
      #"alertmanager "am.yml" › receiver "hooks" › webhook_configs[0]: url "alert-router:8080/alerts" must start with http:// or https://"#,
      #"alertmanager "am.yml" › receiver "hooks" › webhook_configs[1]: url has credentials in it; use .basicAuth(username:passwordFile:) or .bearerToken(file:)"#,
      #"alertmanager "am.yml" › receiver "hooks" › webhook_configs[2]: url has a secret-looking query parameter "api_key"; use .bearerToken(file:) or .basicAuth(username:passwordFile:)"#,
      #"alertmanager "am.yml" › receiver "hooks" › webhook_configs[3]: url "http:///alerts" has no host"#,
      #"alertmanager "am.yml" › receiver "hooks" › webhook_configs[3]: max_alerts -1 is negative"#,
    ])
  }

  @Test func emailWithoutSenderOrServer() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "mail").groupBy(["alertname"])
      Receiver("mail") {
        EmailConfig(to: "ops@example.org")
        EmailConfig(to: "").from("am@example.org").smarthost("smtp.example.org")
      }
    })
    #expect(problems == [
      #"alertmanager "am.yml" › receiver "mail" › email_configs[0]: has no sender: set .from(…) on it or .smtp(…) on the config"#,
      #"alertmanager "am.yml" › receiver "mail" › email_configs[0]: has no SMTP server: set .smarthost(…) on it or .smtp(…) on the config"#,
      #"alertmanager "am.yml" › receiver "mail" › email_configs[1]: to is empty"#,
      #"alertmanager "am.yml" › receiver "mail" › email_configs[1]: smarthost "smtp.example.org" is not host:port"#,
    ])
  }

  @Test func globalSMTPSettings() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "mail").groupBy(["alertname"])
      Receiver("mail") { EmailConfig(to: "ops@example.org") }
    }.smtp(SMTPSettings(from: "", smarthost: "smtp.example.org:0").auth(username: "am", passwordFile: "")))
    #expect(problems == [
      #"alertmanager "am.yml": smtp_from is empty"#,
      #"alertmanager "am.yml": smtp_smarthost "smtp.example.org:0" is not host:port"#,
      #"alertmanager "am.yml": smtp_auth_password_file is empty"#,
    ])
  }

  @Test func emptySecretFilePaths() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "all").groupBy(["alertname"])
      Receiver("all") {
        PagerDutyConfig(routingKeyFile: "")
        SlackConfig(channel: "#alerts", apiURLFile: " ")
        WebhookConfig(url: "http://hook:80/").bearerToken(file: "")
        WebhookConfig(url: "http://hook:80/").basicAuth(username: "", passwordFile: "")
        EmailConfig(to: "ops@example.org").from("am@example.org").smarthost("smtp:25").auth(username: "am", passwordFile: "")
      }
    })
    #expect(problems == [
      #"alertmanager "am.yml" › receiver "all" › pagerduty_configs[0]: routing_key_file is empty"#,
      #"alertmanager "am.yml" › receiver "all" › slack_configs[0]: api_url_file is empty"#,
      #"alertmanager "am.yml" › receiver "all" › webhook_configs[0]: credentials_file is empty"#,
      #"alertmanager "am.yml" › receiver "all" › webhook_configs[1]: basic auth username is empty"#,
      #"alertmanager "am.yml" › receiver "all" › webhook_configs[1]: password_file is empty"#,
      #"alertmanager "am.yml" › receiver "all" › email_configs[0]: auth_password_file is empty"#,
    ])
  }

  @Test func inhibitRulesWithoutMatchers() {
    let problems = diagnostics(alertmanager {
      Route(receiver: "default").groupBy(["alertname"])
      Receiver("default")
      InhibitRule(source: [], target: [], equal: ["alertname"])
    })
    #expect(problems == [
      #"alertmanager "am.yml" › inhibit_rules[0]: has no source matchers: every alert would mute its targets"#,
      #"alertmanager "am.yml" › inhibit_rules[0]: has no target matchers: it would mute every alert"#,
    ])
  }

  @Test func duplicateFileNames() {
    let config = AlertmanagerConfig("am.yml") {
      Route(receiver: "default").groupBy(["alertname"])
      Receiver("default")
    }
    #expect(diagnostics(Catalog { config; config }) == [#"alertmanager "am.yml": file name is used by more than one config"#])
  }

}

/// An Alertmanager config named `am.yml` with `items` as its body.
private func alertmanager(@AlertmanagerBuilder _ items: () -> [AlertmanagerItem]) -> AlertmanagerConfig {
  AlertmanagerConfig("am.yml", items)
}

/// The diagnostics of a catalog holding only `config`.
private func diagnostics(_ config: AlertmanagerConfig) -> [String] {
  diagnostics(Catalog { config })
}

/// The routing function, by Alertmanager's rules; `AmtoolTests` checks it against the real thing.
@Suite struct AlertmanagerRoutingTests {
  static let config = AlertmanagerConfig("alertmanager.yml") {
    Route(receiver: "default") {
      Route(receiver: "pager", matchers: [.equal("severity", "critical")]).continue()
      Route(matchers: [.regex("team", "web|api")]) {
        Route(receiver: "web-db", matchers: [.regex("job", "postgres.*")])
        Route(receiver: "web-slack", matchers: [.notEqual("env", "dev")])
      }
      Route(receiver: "db", matchers: [.equal("team", "db"), .notRegex("env", "dev|test")])
      Route(receiver: "catch-all-web", matchers: [.regex("team", "web")])
    }
    .groupBy(["alertname", "job"])
    Receiver("default")
    Receiver("pager")
    Receiver("web-db")
    Receiver("web-slack")
    Receiver("db")
    Receiver("catch-all-web")
  }

  /// Label sets and where Alertmanager sends them; shared with the amtool test.
  static let expectations: [(labels: [String: String], receivers: [String])] = [
    (["alertname": "Up"], ["default"]),
    (["alertname": "Up", "severity": "critical"], ["pager"]),
    (["alertname": "Up", "severity": "critical", "team": "db"], ["pager", "db"]),
    (["alertname": "Up", "team": "db", "env": "test"], ["default"]),
    (["alertname": "Up", "team": "web", "job": "postgres-main"], ["web-db"]),
    (["alertname": "Up", "team": "api", "env": "prod"], ["web-slack"]),
    // team=~"web|api" matched, but none of its children did: the route itself, inheriting "default".
    (["alertname": "Up", "team": "web", "env": "dev"], ["default"]),
    // Anchored: "webapp" is not "web".
    (["alertname": "Up", "team": "webapp"], ["default"]),
    (["alertname": "Up", "severity": "critical", "team": "web", "job": "postgres"], ["pager", "web-db"]),
  ]

  @Test func receiversFollowAlertmanagersRules() {
    for (labels, receivers) in Self.expectations {
      #expect(AlertmanagerRouting.receiver(for: labels, in: Self.config) == receivers, "\(labels)")
    }
  }

  @Test func missingLabelsCompareAsEmpty() {
    #expect(AlertmanagerRouting.matches(.equal("team", ""), [:]))
    #expect(AlertmanagerRouting.matches(.notEqual("team", "web"), [:]))
    #expect(AlertmanagerRouting.matches(.regex("team", "web|"), [:]))
    #expect(!AlertmanagerRouting.matches(.notRegex("team", ".*"), [:]))
  }

  @Test func noRouteNoReceiver() {
    #expect(AlertmanagerRouting.receiver(for: ["a": "b"], in: AlertmanagerConfig("x.yml") { Receiver("r") }) == [])
  }
}

/// The real `amtool` (Alertmanager 0.25) on rendered configs: `check-config`, and
/// `config routes test` agreeing with ``AlertmanagerRouting``.
@Suite struct AmtoolTests {
  static let amtool = "/usr/bin/amtool"

  @Test func amtoolAcceptsTheRenderedConfigAndRoutesLikeAlertmanagerRouting() throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.amtool),
      "amtool not found at \(Self.amtool): install Debian's prometheus-alertmanager (scripts/test does)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amtool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func secret(_ name: String) throws -> String {
      let url = folder.appendingPathComponent(name)
      try Data("not-a-real-secret\n".utf8).write(to: url)
      return url.path
    }

    let (token, pagerDuty, dbSMTP, slack, audit, smtp) =
      (try secret("router-token"), try secret("pagerduty"), try secret("db-smtp"), try secret("slack"), try secret("audit"), try secret("smtp"))
    var config = AlertmanagerRoutingTests.config
      .smtp(SMTPSettings(from: "am@example.org", smarthost: "smtp.example.org:587").auth(username: "am", passwordFile: smtp))
    config.receivers = [
      Receiver("default") { WebhookConfig(url: "http://alert-router:8080/alerts").bearerToken(file: token) },
      Receiver("pager") { PagerDutyConfig(routingKeyFile: pagerDuty).severity("{{ .CommonLabels.severity }}") },
      Receiver("web-db") { EmailConfig(to: "db@example.org").auth(username: "am", passwordFile: dbSMTP) },
      Receiver("web-slack") { SlackConfig(channel: "#web", apiURLFile: slack).sendResolved() },
      Receiver("db") { WebhookConfig(url: "https://audit.internal/hook").basicAuth(username: "am", passwordFile: audit) },
      Receiver("catch-all-web"),
    ]
    config.inhibitRules = [.warningMutedWhileCritical()]
    let files = try Renderer.render(Catalog { config })
    let file = folder.appendingPathComponent("alertmanager.yml")
    try Data(try #require(files.first).contents.utf8).write(to: file)

    let check = try run(["check-config", file.path])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("SUCCESS"), "\(check.output)")

    for (labels, receivers) in AlertmanagerRoutingTests.expectations {
      #expect(AlertmanagerRouting.receiver(for: labels, in: config) == receivers)
      let arguments = labels.keys.sorted().map { LabelMatcher.equal($0, labels[$0] ?? "").text }
      let test = try run(
        ["config", "routes", "test", "--config.file=\(file.path)", "--verify.receivers=\(receivers.joined(separator: ","))"]
          + arguments)
      #expect(test.status == 0, "amtool routes \(labels) elsewhere than \(receivers): \(test.output)")
    }
  }

  @Test func amtoolReadsEscapedMatcherValuesAsWeMeanThem() throws {
    try #require(FileManager.default.isExecutableFile(atPath: Self.amtool), "amtool not found at \(Self.amtool)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("amtool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let tricky = #"say "hi" \o/ C:\path"#
    let config = AlertmanagerConfig("alertmanager.yml") {
      Route(receiver: "default") {
        Route(receiver: "quoted", matchers: [.equal("summary", tricky)])
        Route(receiver: "digits", matchers: [.regex("path", #"/api/\d+"#)])
      }
      .groupBy(["alertname"])
      Receiver("default")
      Receiver("quoted")
      Receiver("digits")
    }
    let file = folder.appendingPathComponent("alertmanager.yml")
    try Data(YAMLTree.document(AlertmanagerLowering.config(config)).utf8).write(to: file)
    let cases: [([String: String], String)] = [
      (["summary": tricky], "quoted"), (["summary": "say hi"], "default"), (["path": "/api/42"], "digits"),
      (["path": "/api/x"], "default"),
    ]
    for (labels, receiver) in cases {
      #expect(AlertmanagerRouting.receiver(for: labels, in: config) == [receiver])
      let arguments = labels.map { LabelMatcher.equal($0.key, $0.value).text }
      let test = try run(["config", "routes", "test", "--config.file=\(file.path)", "--verify.receivers=\(receiver)"] + arguments)
      #expect(test.status == 0, "\(labels): \(test.output)")
    }
  }

  /// Runs amtool, returning its exit status and its standard output and error together.
  private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.amtool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
