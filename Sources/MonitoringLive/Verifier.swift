import Foundation
public import MonitoringDSL
import MonitoringRender

/// `gen verify`: asks a running Prometheus about every ``VerifyItem``. For each it resolves the
/// dashboard's variables from the server as Grafana would, checks that every selector of the expression
/// matches series in the window (and, when one does not, finds out why: no such metric, a label the
/// series do not have, a value no series has), that the labels it groups or matches on and its
/// legend names exist, that the server's metric metadata agrees with the catalogue, and evaluates
/// it once. Requests run concurrently, at most ``concurrency`` at a time.
/// ```swift
/// let verifier = Verifier(prometheus: endpoint, catalog: catalog)
/// let results = await verifier.verify(VerifyItem.items(of: catalog)) { done, total in print("\(done)/\(total)") }
/// ```
public struct Verifier: Sendable {
  public var prometheus: LiveEndpoint
  /// The Alertmanager the alerts should reach: with it, a firing alert must be there, and Prometheus
  /// must send to an Alertmanager (one more item, its path `alertmanager "URL"`).
  public var alertmanager: LiveEndpoint?
  public var catalog: Catalog
  /// The recent window selectors must match series in, in seconds.
  public var window = 3600
  /// The scrape interval `$__interval` stands for, in seconds.
  public var scrapeInterval = 15
  public var concurrency = 8

  public init(prometheus: LiveEndpoint, catalog: Catalog) {
    self.prometheus = prometheus
    self.catalog = catalog
    // Grafana's `$__interval` floor: the Prometheus datasource's scrape interval (`jsonData.timeInterval`).
    let intervals = catalog.datasources.lazy.filter { $0.type == .prometheus }.compactMap { $0.jsonData["timeInterval"]?.text }
    if let interval = intervals.compactMap({ PromDuration($0).milliseconds }).first { scrapeInterval = max(1, interval / 1000) }
  }

  public func verify(_ items: [VerifyItem], progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) async -> [VerifyResult] {
    let now = Date().timeIntervalSince1970
    let server = ServerState(prometheus: prometheus, alertmanager: alertmanager, window: window, now: now)
    let items = items + (alertmanager.map { [VerifyItem.delivery(to: $0)] } ?? [])
    var variables: [Int: DashboardVariables] = [:]
    for index in Set(items.compactMap(\.dashboard)).sorted() {
      variables[index] = await DashboardVariables.resolve(
        catalog.dashboards[index], on: prometheus, window: window, scrapeInterval: scrapeInterval, now: now)
    }
    let resolved = variables
    let catalogue = Dictionary(catalog.metrics.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var results = [VerifyResult?](repeating: nil, count: items.count)
    await withTaskGroup(of: (Int, VerifyResult).self) { group in
      var next = 0
      var done = 0
      func start() {
        let index = next
        let item = items[index]
        next += 1
        group.addTask {
          let check = Check(
            item: item, variables: item.dashboard.flatMap { resolved[$0] }, server: server, catalogue: catalogue,
            scrapeInterval: scrapeInterval)
          return (index, await check.run())
        }
      }
      while next < min(concurrency, items.count) { start() }
      for await (index, result) in group {
        results[index] = result
        done += 1
        progress(done, items.count)
        if next < items.count { start() }
      }
    }
    return results.compactMap { $0 }
  }
}

/// What the server says, asked once per selector and once for the metadata, shared by the checks.
actor ServerState {
  let prometheus: LiveEndpoint
  let alertmanager: LiveEndpoint?
  let window: Int
  let now: Double
  /// A request's answer by the request: while the first asker waits for it, those who ask the same wait with it.
  private var answers: [String: Answer] = [:]

  private enum Answer {
    case pending(waiters: [CheckedContinuation<Result<JSONValue, LiveError>, Never>])
    case received(Result<JSONValue, LiveError>)
  }

  init(prometheus: LiveEndpoint, alertmanager: LiveEndpoint?, window: Int, now: Double) {
    self.prometheus = prometheus
    self.alertmanager = alertmanager
    self.window = window
    self.now = now
  }

  var range: [(String, String)] { [("start", String(Int(now) - window)), ("end", String(Int(now)))] }

  /// The label sets of the series `selector` matches in the window.
  func series(_ selector: String) async throws -> [[String: String]] {
    try await askedOnce(prometheus, "/api/v1/series", [("match[]", selector)] + range).elements.map(Self.labels)
  }

  /// Metric name → the type its targets declare (`counter`, `gauge`, `histogram`, …).
  func metricTypes() async throws -> [String: String] {
    guard case .object(let members) = try await askedOnce(prometheus, "/api/v1/metadata", []) else { return [:] }
    return members.compactMapValues { $0.elements.first?["type"]?.text }
  }

  /// Every metric name the server has, for "did you mean".
  func metricNames() async throws -> [String] {
    try await askedOnce(prometheus, "/api/v1/label/__name__/values", range).elements.compactMap(\.text)
  }

  /// The states (`firing`, `pending`) of the alerts named `name` Prometheus holds now.
  func alertStates(_ name: String) async throws -> [String] {
    let alerts = try await askedOnce(prometheus, "/api/v1/alerts", [])["alerts"]?.elements ?? []
    return alerts.filter { $0["labels"]?["alertname"]?.text == name }.compactMap { $0["state"]?.text }
  }

  /// The receivers Alertmanager routed its alerts named `name` to (none: it has no such alert).
  func receivers(ofAlert name: String, on alertmanager: LiveEndpoint) async throws -> [String] {
    let alerts = try await askedOnce(alertmanager, "/api/v2/alerts", []).elements
    let receivers = alerts.filter { $0["labels"]?["alertname"]?.text == name }.flatMap { $0["receivers"]?.elements ?? [] }
    return Array(Set(receivers.compactMap { $0["name"]?.text })).sorted()
  }

  /// The Alertmanagers Prometheus sends its alerts to.
  func activeAlertmanagers() async throws -> [String] {
    let data = try await askedOnce(prometheus, "/api/v1/alertmanagers", [])
    return (data["activeAlertmanagers"]?.elements ?? []).compactMap { $0["url"]?.text }
  }

  /// The server's answer to a request, sent once however many checks ask it, at the same time or later.
  /// (Waiters rather than a cached `Task`: an unstructured task would leave the caller's executor.)
  private func askedOnce(_ server: LiveEndpoint, _ path: String, _ parameters: [(String, String)]) async throws(LiveError) -> JSONValue {
    let key = ([server.url.absoluteString + path] + parameters.map { $0.0 + "=" + $0.1 }).joined(separator: "&")
    switch answers[key] {
    case .received(let result)?:
      return try result.get()
    case .pending(let waiters)?:
      return try await withCheckedContinuation { answers[key] = .pending(waiters: waiters + [$0]) }.get()
    case nil:
      answers[key] = .pending(waiters: [])
      let result: Result<JSONValue, LiveError>
      do { result = .success(try await server.data(path, parameters)) } catch { result = .failure(error) }
      if case .pending(let waiters)? = answers[key] { for waiter in waiters { waiter.resume(returning: result) } }
      answers[key] = .received(result)
      return try result.get()
    }
  }

  /// The series of `expr` as label sets, a scalar or string one: at this instant, or over the window
  /// in about 120 steps (no finer than `step` seconds), as a panel's graph asks.
  func evaluate(_ expr: String, instant: Bool, step: Int) async throws -> [[String: String]] {
    let data =
      instant
      ? try await prometheus.data("/api/v1/query", [("query", expr), ("time", String(now))])
      : try await prometheus.data("/api/v1/query_range", [("query", expr), ("step", String(max(step, window / 120)))] + range)
    if data["resultType"]?.text == "scalar" || data["resultType"]?.text == "string" { return [[:]] }
    return (data["result"]?.elements ?? []).map { Self.labels($0["metric"] ?? .null) }
  }

  static func labels(_ value: JSONValue) -> [String: String] {
    guard case .object(let members) = value else { return [:] }
    return members.compactMapValues(\.text)
  }
}
