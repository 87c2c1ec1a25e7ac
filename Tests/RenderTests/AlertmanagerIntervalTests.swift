import MonitoringDSL
import MonitoringRender
import Testing
import Yams

/// Alertmanager 0.25's time intervals and the receivers beyond the first four: one test per kind of
/// bad input. The golden case `alertmanager-intervals` holds the valid rendering amtool accepts.
@Suite struct AlertmanagerIntervalTests {
  @Test func validIntervalsAndReceiversHaveNoDiagnostics() {
    #expect(problems(withIntervals: [
      TimeIntervals("hours") {
        TimePeriod(times: [.init("00:00", "24:00")], weekdays: ["Monday:friday"], daysOfMonth: ["1:-1", "-7:-1"], months: ["1:december"], years: ["2025"])
          .location("Local")
      }
    ]) == [])
  }

  @Test func unknownIntervalNameOnARoute() {
    #expect(problems(withIntervals: [TimeIntervals("hours") { TimePeriod(weekdays: ["monday"]) }], mute: ["hour"], active: ["night"]) == [
      #"alertmanager "am.yml" › route root › route {team="web"}: mute_time_intervals: time interval "hour" is not defined (did you mean "hours"?) (time intervals: hours)"#,
      #"alertmanager "am.yml" › route root › route {team="web"}: active_time_intervals: time interval "night" is not defined (time intervals: hours)"#,
    ])
  }

  @Test func intervalsOnTheRootRoute() {
    let config = AlertmanagerConfig("am.yml") {
      Route(receiver: "default").groupBy(["alertname"]).muteDuring(["hours"]).activeDuring(["hours"])
      Receiver("default")
      TimeIntervals("hours") { TimePeriod(weekdays: ["monday"]) }
    }
    #expect(diagnostics(Catalog { config }) == [
      #"alertmanager "am.yml" › route root: the root route cannot have mute_time_intervals: mute a child route"#,
      #"alertmanager "am.yml" › route root: the root route cannot have active_time_intervals: give them to a child route"#,
    ])
  }

  @Test func duplicateAndEmptyIntervalNames() {
    #expect(problems(withIntervals: [
      TimeIntervals("hours") { TimePeriod(weekdays: ["monday"]) },
      TimeIntervals("hours") { TimePeriod(weekdays: ["tuesday"]) },
      TimeIntervals(" ") {},
    ]) == [
      #"alertmanager "am.yml" › time_intervals "hours": name is used by more than one time interval"#,
      #"alertmanager "am.yml" › time_intervals " ": name is empty"#,
      #"alertmanager "am.yml" › time_intervals " ": has no time period: add a TimePeriod"#,
    ])
  }

  @Test func malformedTimes() {
    #expect(problems(withIntervals: [
      TimeIntervals("hours") {
        TimePeriod(times: [.init("25:00", "26:00"), .init("17:00", "09:00"), .init("9:00", "10:60"), .init("24:00", "24:00"), .init("10:00", "10:00")])
      }
    ]) == [
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: start_time "25:00" is not a time of day HH:MM (00:00 to 23:59)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: end_time "26:00" is not a time of day HH:MM (00:00 to 24:00)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: end_time 09:00 is not after start_time 17:00"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: start_time "9:00" is not a time of day HH:MM (00:00 to 23:59)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: end_time "10:60" is not a time of day HH:MM (00:00 to 24:00)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: start_time "24:00" is not a time of day HH:MM (00:00 to 23:59)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: end_time 10:00 is not after start_time 10:00"#,
    ])
  }

  @Test func weekdayAndMonthTypos() {
    #expect(problems(withIntervals: [
      TimeIntervals("hours") { TimePeriod(weekdays: ["mondy:friday", "funday"], months: ["febuary", "13", "march:january"]) }
    ]) == [
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: weekday "mondy" is not a weekday name (did you mean "monday"?)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: weekday "funday" is not a weekday name (did you mean "sunday"?)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: month "febuary" is not a month name (did you mean "february"?)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: months: 13 is not a month (1 to 12)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: months: "march:january" ends before it starts"#,
    ])
  }

  @Test func badDaysYearsRangesAndLocation() {
    #expect(problems(withIntervals: [
      TimeIntervals("hours") {
        TimePeriod(weekdays: ["friday:monday", "monday:tuesday:friday"], daysOfMonth: ["0", "32", "10:5", "-1:-5"], years: ["2027:2025", "y2k"])
          .location("Mars/Olympus")
      }
    ]) == [
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: weekdays: "friday:monday" ends before it starts"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: weekdays: "monday:tuesday:friday" is not a value or a range a:b"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: days_of_month: "0" is not a day of the month (1 to 31, or -31 to -1 from the end)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: days_of_month: "32" is not a day of the month (1 to 31, or -31 to -1 from the end)"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: days_of_month: "10:5" ends before it starts"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: days_of_month: "-1:-5" ends before it starts"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: years: "2027:2025" ends before it starts"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: years: "y2k" is not a year"#,
      #"alertmanager "am.yml" › time_intervals "hours" › time_intervals[0]: location "Mars/Olympus" is not an IANA time zone (like Europe/Berlin or UTC)"#,
    ])
  }

  static let fileOnlySecrets = Receiver("web") {
    PushoverConfig(userKeyFile: "/s/user", tokenFile: "/s/token")
    TelegramConfig(botTokenFile: "/s/bot", chatID: -100)
    WeChatConfig(apiSecretFile: "/s/wechat", corpID: "ww1", toUser: "@all")
    DiscordConfig(webhookURLFile: "/s/discord")
  }

  @Test func secretsAlertmanager025ReadsOnlyAsPlainText() {
    #expect(problems(receiver: Self.fileOnlySecrets) == [
      #"alertmanager "am.yml" › receiver "web" › pushover_configs[0]: user_key: Alertmanager 0.25 has no user_key_file and reads it only as plain text, and the DSL writes no secret; user_key_file came in Alertmanager 0.26 (.target(.v0_26))"#,
      #"alertmanager "am.yml" › receiver "web" › pushover_configs[0]: token: Alertmanager 0.25 has no token_file and reads it only as plain text, and the DSL writes no secret; token_file came in Alertmanager 0.26 (.target(.v0_26))"#,
      #"alertmanager "am.yml" › receiver "web" › telegram_configs[0]: bot_token: Alertmanager 0.25 has no bot_token_file and reads it only as plain text, and the DSL writes no secret; bot_token_file came in Alertmanager 0.26 (.target(.v0_26))"#,
      #"alertmanager "am.yml" › receiver "web" › wechat_configs[0]: api_secret: Alertmanager 0.25 has no api_secret_file and reads it only as plain text, and the DSL writes no secret; api_secret_file came in Alertmanager 0.31 (.target(.v0_31))"#,
      #"alertmanager "am.yml" › receiver "web" › discord_configs[0]: webhook_url: Alertmanager 0.25 has no webhook_url_file and reads it only as plain text, and the DSL writes no secret; webhook_url_file came in Alertmanager 0.27 (.target(.v0_27))"#,
    ])
  }

  /// Each `*_file` field is accepted from the release that added it on, and checked like any other file.
  @Test func laterTargetsReadTheseSecretsFromFiles() throws {
    #expect(problems(receiver: Self.fileOnlySecrets, target: .v0_27) == [
      #"alertmanager "am.yml" › receiver "web" › wechat_configs[0]: api_secret: Alertmanager 0.27 has no api_secret_file and reads it only as plain text, and the DSL writes no secret; api_secret_file came in Alertmanager 0.31 (.target(.v0_31))"#
    ])
    #expect(problems(receiver: Self.fileOnlySecrets, target: .v0_31) == [])
    #expect(problems(receiver: Receiver("web") { DiscordConfig(webhookURLFile: " ") }, target: .v0_31) == [
      #"alertmanager "am.yml" › receiver "web" › discord_configs[0]: webhook_url_file is empty"#
    ])
    let text = YAMLTree.document(AlertmanagerLowering.config(config(receiver: Self.fileOnlySecrets, target: .v0_31)))
    let receivers = try #require((try Yams.load(yaml: text) as? [String: Any])?["receivers"] as? [[String: Any]])
    let web = try #require(receivers.first)
    let files = ["pushover_configs": ["user_key_file", "token_file"], "telegram_configs": ["bot_token_file"],
                 "wechat_configs": ["api_secret_file"], "discord_configs": ["webhook_url_file"]]
    for (kind, keys) in files {
      let integration = try #require((web[kind] as? [[String: Any]])?.first, "\(kind)")
      for key in keys { #expect(integration[key] is String, "\(kind).\(key)") }
    }
    #expect(!text.contains("user_key:") && !text.contains("bot_token:") && !text.contains("api_secret:"), "no plain secret key")
  }

  @Test func snsPlainKeysAndTopic() {
    #expect(problems(receiver: Receiver("web") {
      SNSConfig(topicARN: "alerts").extraJSON(["sigv4": ["access_key": "AKIA", "secret_key": "shh"]])
    }) == [
      #"alertmanager "am.yml" › receiver "web" › sns_configs[0]: topic_arn "alerts" is not an ARN (arn:aws:sns:…)"#,
      #"alertmanager "am.yml" › receiver "web" › sns_configs[0]: sigv4.access_key: Alertmanager 0.25 reads it only as plain text and the DSL writes no secret; use the ambient AWS credentials and .sigV4(region:roleARN:)"#,
      #"alertmanager "am.yml" › receiver "web" › sns_configs[0]: sigv4.secret_key: Alertmanager 0.25 reads it only as plain text and the DSL writes no secret; use the ambient AWS credentials and .sigV4(region:roleARN:)"#,
    ])
  }

  @Test func opsGenieVictorOpsAndWebexFields() {
    #expect(problems(receiver: Receiver("web") {
      OpsGenieConfig(apiKeyFile: "").apiURL("api.opsgenie.com").responders([.init(type: "teem", name: " ")])
      VictorOpsConfig(apiKeyFile: " ", routingKey: "")
      WebexConfig(roomID: "", credentialsFile: "")
    }) == [
      #"alertmanager "am.yml" › receiver "web" › opsgenie_configs[0]: api_key_file is empty"#,
      #"alertmanager "am.yml" › receiver "web" › opsgenie_configs[0]: url "api.opsgenie.com" must start with http:// or https://"#,
      #"alertmanager "am.yml" › receiver "web" › opsgenie_configs[0]: responder type "teem" is not one of team, teams, user, escalation, schedule (did you mean "team"?)"#,
      #"alertmanager "am.yml" › receiver "web" › opsgenie_configs[0]: a responder's name is empty"#,
      #"alertmanager "am.yml" › receiver "web" › victorops_configs[0]: api_key_file is empty"#,
      #"alertmanager "am.yml" › receiver "web" › victorops_configs[0]: routing_key is empty"#,
      #"alertmanager "am.yml" › receiver "web" › webex_configs[0]: room_id is empty"#,
      #"alertmanager "am.yml" › receiver "web" › webex_configs[0]: credentials_file is empty"#,
    ])
  }
}

/// The diagnostics of `am.yml` with a root route, one child route muted/active during the given
/// intervals, and `intervals`.
private func problems(withIntervals intervals: [TimeIntervals], mute: [String] = [], active: [String] = []) -> [String] {
  var config = AlertmanagerConfig("am.yml") {
    Route(receiver: "default") { Route(matchers: [.equal("team", "web")]).muteDuring(mute).activeDuring(active) }
      .groupBy(["alertname"])
    Receiver("default")
  }
  config.timeIntervals = intervals
  return diagnostics(Catalog { config })
}

/// `am.yml` for `target`, whose root routes every alert to `receiver`.
private func config(receiver: Receiver, target: AlertmanagerVersion = .default) -> AlertmanagerConfig {
  AlertmanagerConfig("am.yml") {
    Route(receiver: receiver.name).groupBy(["alertname"])
    receiver
  }
  .target(target)
}

/// The diagnostics of `am.yml` whose root routes every alert to `receiver`.
private func problems(receiver: Receiver, target: AlertmanagerVersion = .default) -> [String] {
  diagnostics(Catalog { config(receiver: receiver, target: target) })
}
