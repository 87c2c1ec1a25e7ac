import MonitoringDSL

/// Takes plain-text secrets out of an imported config before anything is typed or printed, so no
/// password reaches the Swift source (the project's rule: secrets live in files, never in specs).
/// A secret whose key has a file form (`password` → `password_file`) becomes that form, pointing
/// at a file under `folder` named after the job or receiver; one without becomes an environment
/// placeholder (`${ALERTMANAGER_SMTP_AUTH_SECRET}`) that the tool does not expand — the deployment
/// must fill it in. Each replacement is a warning naming the secret's path; the round trip then
/// reports the key as a difference, honestly.
/// ```swift
/// let clean = SecretScrubber.prometheus.scrub(config, notes: &notes)
/// ```
struct SecretScrubber {
  /// One kind of secret: its key, the list it must sit in (`nil`: anywhere) and its file form
  /// (`outer.inner`: a member of another mapping, as `authorization.credentials_file`).
  struct Secret {
    var key: String
    var within: String?
    var fileKey: String?
  }

  var secrets: [Secret]
  /// Where the secret files go, as the tool sees it (inside its container).
  var folder: String
  /// Prefix of environment placeholders.
  var tool: String

  /// HTTP client secrets, in any `basic_auth`, `authorization`, `oauth2` or legacy key.
  static let httpClient = [
    Secret(key: "password", within: nil, fileKey: "password_file"),
    Secret(key: "credentials", within: nil, fileKey: "credentials_file"),
    Secret(key: "bearer_token", within: nil, fileKey: "bearer_token_file"),
    Secret(key: "client_secret", within: nil, fileKey: "client_secret_file"),
  ]

  static let prometheus = SecretScrubber(
    // Consul's ACL token has no file form in 2.42: it moves to the bearer token file Consul also accepts.
    secrets: httpClient + [
      Secret(key: "secret_key", within: nil, fileKey: nil),
      Secret(key: "token", within: "consul_sd_configs", fileKey: "authorization.credentials_file"),
    ], folder: "/etc/prometheus/secrets",
    tool: "PROMETHEUS")

  /// Alertmanager 0.25's secrets and the file forms it reads (`amtool check-config` accepts each).
  static let alertmanager = SecretScrubber(
    secrets: httpClient + [
      Secret(key: "smtp_auth_password", within: nil, fileKey: "smtp_auth_password_file"),
      Secret(key: "smtp_auth_secret", within: nil, fileKey: nil),
      Secret(key: "slack_api_url", within: nil, fileKey: "slack_api_url_file"),
      Secret(key: "opsgenie_api_key", within: nil, fileKey: "opsgenie_api_key_file"),
      Secret(key: "victorops_api_key", within: nil, fileKey: nil),
      Secret(key: "wechat_api_secret", within: nil, fileKey: nil),
      Secret(key: "api_url", within: "slack_configs", fileKey: "api_url_file"),
      Secret(key: "routing_key", within: "pagerduty_configs", fileKey: "routing_key_file"),
      Secret(key: "service_key", within: "pagerduty_configs", fileKey: "service_key_file"),
      Secret(key: "auth_password", within: "email_configs", fileKey: "auth_password_file"),
      Secret(key: "auth_secret", within: "email_configs", fileKey: nil),
      Secret(key: "api_key", within: "opsgenie_configs", fileKey: "api_key_file"),
      Secret(key: "api_key", within: "victorops_configs", fileKey: "api_key_file"),
      Secret(key: "api_secret", within: "wechat_configs", fileKey: nil),
      Secret(key: "bot_token", within: "telegram_configs", fileKey: nil),
      Secret(key: "token", within: "pushover_configs", fileKey: nil),
      Secret(key: "user_key", within: "pushover_configs", fileKey: nil),
      Secret(key: "webhook_url", within: "discord_configs", fileKey: nil),
      Secret(key: "webhook_url", within: "msteams_configs", fileKey: nil),
    ], folder: "/etc/alertmanager/secrets", tool: "ALERTMANAGER")

  func scrub(_ value: JSONValue, notes: inout [ImportNote]) -> JSONValue {
    var used: Set<String> = []
    return scrub(value, path: "", list: nil, owner: nil, redacting: false, used: &used, notes: &notes)
  }

  /// `value` with each secret's text replaced by `<redacted>`, its key kept: the model a round
  /// trip compares with, so the comparison reports the secret's path without ever showing it.
  func redacted(_ value: JSONValue) -> JSONValue {
    var used: Set<String> = []
    var notes: [ImportNote] = []
    return scrub(value, path: "", list: nil, owner: nil, redacting: true, used: &used, notes: &notes)
  }

  /// `list` is the key of the list the value is an element of; `owner` the nearest job or receiver name.
  private func scrub(
    _ value: JSONValue, path: String, list: String?, owner: String?, redacting: Bool, used: inout Set<String>,
    notes: inout [ImportNote]
  ) -> JSONValue {
    switch value {
    case .array(let elements):
      let list = path.split(separator: ".").last.map(String.init)
      return .array(elements.enumerated().map { index, element in
        scrub(element, path: "\(path)[\(index)]", list: list, owner: owner, redacting: redacting, used: &used, notes: &notes)
      })
    case .object(var members):
      let owner = members["job_name"]?.text ?? members["name"]?.text ?? owner
      for key in members.keys.sorted() {
        let inner = path.isEmpty ? key : "\(path).\(key)"
        let secret = secrets.first { $0.key == key && ($0.within == nil || $0.within == list) }
        guard case .string = members[key], let secret else {
          members[key] = members[key].map {
            scrub($0, path: inner, list: nil, owner: owner, redacting: redacting, used: &used, notes: &notes)
          }
          continue
        }
        if redacting {
          members[key] = "<redacted>"
          continue
        }
        members[key] = nil
        // Named after the job or receiver, else the list entry it is in (`remote_write[0]`).
        let entry = path.split(separator: ".").first.map(String.init).flatMap { $0.contains("[") ? $0 : nil }
        let stem = [owner ?? entry, key].compactMap { $0 }.joined(separator: "-")
        if let fileKey = secret.fileKey {
          var file = "\(folder)/\(slug(stem))"
          var counter = 2
          while !used.insert(file).inserted {
            file = "\(folder)/\(slug(stem))-\(counter)"
            counter += 1
          }
          let parts = fileKey.split(separator: ".").map(String.init)
          if parts.count == 2 {
            // An `authorization` gets the type Prometheus gives it on load (the model is normalised already).
            let type: JSONValue = parts[0] == "authorization" ? ["type": "Bearer"] : [:]
            members[parts[0]] = type.merging(members[parts[0]] ?? [:]).merging([parts[1]: .string(file)])
          } else {
            members[fileKey] = .string(file)
          }
          notes.append(.warning("plain-text secret \(inner) replaced by \(fileKey): \(file); put the secret in that file"))
        } else {
          let variable = tool + "_" + slug(stem, separator: "_").uppercased()
          members[key] = .string("${\(variable)}")
          notes.append(.warning(
            "plain-text secret \(inner) replaced by the placeholder ${\(variable)} (no file form in this version): "
              + "the tool does not expand it, so fill it in when deploying"))
        }
      }
      return .object(members)
    default:
      return value
    }
  }

  private func slug(_ text: String, separator: String = "-") -> String {
    text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: separator)
  }
}
