import MonitoringDSL
public import MonitoringRender

/// What the running servers have loaded, as files at the paths `gen` renders them to, so that
/// `SemanticDiff` compares them with what the specs render item by item (`gen diff --live`):
/// Prometheus' configuration (`/api/v1/status/config`) and rule groups (`/api/v1/rules`), and
/// Alertmanager's configuration (`/api/v2/status`).
///
/// A server shows what it loaded with its defaults filled in and its secrets masked, so each loaded
/// file is read through the rendered one (`projected(_:onto:)`): keys the specs do not set are the
/// server's defaults and are left out, `<secret>` stands for the rendered value, durations are equal
/// by length (`60s` and `1m`), and a rule's expression by its syntax tree (Prometheus prints the
/// expressions it loaded in its own form).
/// ```swift
/// let loaded = try await LiveConfigs.loaded(rendered: files, prometheus: prometheus, alertmanager: alertmanager)
/// print(ChangeReport.text(SemanticDiff.changes(old: loaded, new: renderedByPath)))
/// ```
public enum LiveConfigs {
  /// The changes from what the servers loaded to what the specs render (``loaded(rendered:prometheus:alertmanager:)``).
  /// A server writes a file's sections in its own order, so an item that keeps its place among its
  /// kind (`#2 → #2`) is not reported as moved.
  public static func changes(loaded: [String: String], rendered: [OutputFile]) -> [Change] {
    let new = Dictionary(rendered.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    return SemanticDiff.changes(old: loaded, new: new).filter { $0.kind != .moved || $0.old != $0.new }
  }

  /// The loaded files by rendered path, for the rendered Prometheus configs, rule files and
  /// Alertmanager configs of one environment (paths `env/prometheus/…`, `env/alertmanager/…`).
  public static func loaded(rendered: [OutputFile], prometheus: LiveEndpoint?, alertmanager: LiveEndpoint?) async throws(LiveError)
    -> [String: String]
  {
    var loaded: [String: String] = [:]
    if let prometheus {
      let configs = rendered.filter { isPrometheusConfig($0.path) }
      if !configs.isEmpty {
        let text = try await prometheus.data("/api/v1/status/config")["yaml"]?.text ?? ""
        let live = try parsed(text, what: "Prometheus' loaded configuration")
        // The rendered config the server runs: the one it differs least from (an environment may render several).
        let scored = configs.map { file -> (String, String, Int) in
          let ours = (try? YAMLTree.value(parsing: file.contents)) ?? .null
          let projected = YAMLTree.document(YAMLTree.json(projected(live, onto: ours)))
          return (file.path, projected, SemanticDiff.changes(old: [file.path: projected], new: [file.path: file.contents]).count)
        }
        if let best = scored.min(by: { $0.2 < $1.2 }) { loaded[best.0] = best.1 }
      }
      let ruleFiles = rendered.filter { $0.path.contains("/prometheus/rules/") }
      let groups = try await prometheus.data("/api/v1/rules")["groups"]?.elements ?? []
      loaded.merge(ruleFilesLoaded(groups, rendered: ruleFiles, environment: environment(of: rendered))) { first, _ in first }
    }
    if let alertmanager, let file = rendered.first(where: { $0.path.contains("/alertmanager/") && $0.path.hasSuffix(".yml") }) {
      let text = try await alertmanager.get("/api/v2/status")
      guard let status = try? JSONParser.parse(text), let original = status["config"]?["original"]?.text else {
        throw LiveError("Alertmanager's /api/v2/status has no config.original")
      }
      let ours = (try? YAMLTree.value(parsing: file.contents)) ?? .null
      loaded[file.path] = YAMLTree.document(YAMLTree.json(projected(try parsed(original, what: "Alertmanager's loaded configuration"), onto: ours)))
    }
    return loaded
  }

  private static func isPrometheusConfig(_ path: String) -> Bool {
    let parts = path.split(separator: "/")
    return parts.count == 3 && parts[1] == "prometheus" && (path.hasSuffix(".yml") || path.hasSuffix(".yaml"))
  }

  private static func environment(of rendered: [OutputFile]) -> String {
    rendered.first.map { String($0.path.prefix { $0 != "/" }) } ?? ""
  }

  private static func parsed(_ text: String, what: String) throws(LiveError) -> JSONValue {
    do {
      return try YAMLTree.value(parsing: text)
    } catch {
      throw LiveError("\(what) is not YAML: \(error)")
    }
  }

  /// Loaded rule groups as rule files, by the rendered path of the file of the same name.
  private static func ruleFilesLoaded(_ groups: [JSONValue], rendered: [OutputFile], environment: String) -> [String: String] {
    var byFile: [String: [JSONValue]] = [:]
    var order: [String] = []
    for group in groups {
      let file = String((group["file"]?.text ?? "").split(separator: "/").last ?? "")
      if byFile[file] == nil { order.append(file) }
      var members: [String: JSONValue] = ["name": group["name"] ?? .null]
      if let interval = group["interval"]?.number { members["interval"] = .string(PromDuration(milliseconds: Int(interval * 1000)).text) }
      if let limit = group["limit"]?.integer, limit > 0 { members["limit"] = .int(limit) }
      members["rules"] = .array((group["rules"]?.elements ?? []).map(ruleLoaded))
      byFile[file, default: []].append(.object(members))
    }
    var files: [String: String] = [:]
    for file in order {
      let path = rendered.first { $0.path.hasSuffix("/prometheus/rules/" + file) }?.path ?? "\(environment)/prometheus/rules/\(file)"
      let ours = rendered.first { $0.path == path }.flatMap { try? YAMLTree.value(parsing: $0.contents) } ?? .null
      files[path] = YAMLTree.document(YAMLTree.json(projected(.object(["groups": .array(byFile[file] ?? [])]), onto: ours)))
    }
    return files
  }

  /// A rule of `/api/v1/rules` as a rule file has it.
  private static func ruleLoaded(_ rule: JSONValue) -> JSONValue {
    var members: [String: JSONValue] = [:]
    if rule["type"]?.text == "alerting" {
      members["alert"] = rule["name"]
      if let duration = rule["duration"]?.number, duration > 0 { members["for"] = .string(PromDuration(milliseconds: Int(duration * 1000)).text) }
      if let keep = rule["keepFiringFor"]?.number, keep > 0 { members["keep_firing_for"] = .string(PromDuration(milliseconds: Int(keep * 1000)).text) }
      if case .object(let annotations)? = rule["annotations"], !annotations.isEmpty { members["annotations"] = .object(annotations) }
    } else {
      members["record"] = rule["name"]
    }
    members["expr"] = rule["query"]
    if case .object(let labels)? = rule["labels"], !labels.isEmpty { members["labels"] = .object(labels) }
    return .object(members)
  }

  /// `live` read through `ours`: members `ours` does not have left out (the server's defaults),
  /// list items paired by their name (`job_name`, `name`, `alert`, `record`) or else by position,
  /// and values that are the same as far as the server can say taken from `ours`.
  static func projected(_ live: JSONValue, onto ours: JSONValue) -> JSONValue {
    switch (live, ours) {
    case (.object(let liveMembers), .object(let ourMembers)):
      var kept: [String: JSONValue] = [:]
      for (key, value) in liveMembers {
        if let our = ourMembers[key] { kept[key] = projected(value, onto: our) }
      }
      return .object(kept)
    case (.array(let liveItems), .array(let ourItems)):
      return .array(pairedItems(liveItems, ourItems))
    default:
      return sameAsFarAsTheServerSays(live, ours) ? ours : live
    }
  }

  private static let identityKeys = ["job_name", "name", "alert", "record"]

  private static func pairedItems(_ live: [JSONValue], _ ours: [JSONValue]) -> [JSONValue] {
    func identity(_ item: JSONValue) -> String? {
      identityKeys.lazy.compactMap { key in item[key]?.text.map { "\(key)=\($0)" } }.first
    }
    let oursByIdentity = Dictionary(ours.compactMap { item in identity(item).map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
    return live.enumerated().map { index, item in
      if let key = identity(item) { return oursByIdentity[key].map { projected(item, onto: $0) } ?? item }
      return index < ours.count ? projected(item, onto: ours[index]) : item
    }
  }

  private static func sameAsFarAsTheServerSays(_ live: JSONValue, _ ours: JSONValue) -> Bool {
    if live == ours || live == .string("<secret>") { return true }
    guard let liveText = live.text, let ourText = ours.text else { return false }
    if liveText == ourText { return true }
    // A path the server resolved against its config folder (`rule_files`, `*_file`).
    if liveText.hasPrefix("/"), !ourText.hasPrefix("/"), liveText.hasSuffix("/" + ourText) { return true }
    if let a = PromDuration(liveText).milliseconds, let b = PromDuration(ourText).milliseconds { return a == b }
    // An expression: the same syntax tree, parentheses aside.
    if let a = try? PromQLParser.parse(liveText), let b = try? PromQLParser.parse(ourText) {
      return a.withoutParentheses == b.withoutParentheses
    }
    return false
  }
}
