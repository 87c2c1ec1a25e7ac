/// A datasource that Grafana provisions from `provisioning/datasources/`.
/// ```swift
/// Datasource.prometheus(name: "Prometheus", uid: "prometheus", url: "http://prometheus:9090",
///                       scrapeInterval: "15s", isDefault: true)
/// ```
public struct Datasource: Hashable, Sendable, RawJSONCarrying {
  public enum Access: String, Sendable {
    /// Grafana's server queries the datasource (the usual choice).
    case proxy
    /// The browser queries the datasource directly.
    case direct
  }

  public var name: String
  public var type: DatasourceType
  public var uid: String
  public var url: String
  public var access: Access = .proxy
  public var isDefault = false
  public var isEditable = false
  /// Plugin settings (`jsonData`), written with sorted keys.
  public var jsonData: [String: JSONValue] = [:]
  /// Basic auth towards the datasource. The password is an environment variable of Grafana's
  /// process, which Grafana expands in provisioning files, so no secret is in the file.
  public var basicAuthUser: String?
  public var basicAuthPasswordVariable: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(name: String, type: DatasourceType, uid: String, url: String) {
    self.name = name
    self.type = type
    self.uid = uid
    self.url = url
  }

  /// The reference panels use to query this datasource.
  public var ref: DatasourceRef { DatasourceRef(type: type, uid: uid) }

  /// A Prometheus datasource. `scrapeInterval` becomes `jsonData.timeInterval`, which Grafana uses
  /// for `$__rate_interval`; pass the scrape interval of the Prometheus it points at.
  public static func prometheus(
    name: String, uid: String, url: String, scrapeInterval: PromDuration, isDefault: Bool = false,
    access: Access = .proxy
  ) -> Datasource {
    var source = Datasource(name: name, type: .prometheus, uid: uid, url: url)
    source.isDefault = isDefault
    source.access = access
    source.jsonData = ["timeInterval": .string(scrapeInterval.text), "httpMethod": "POST"]
    return source
  }

  /// An Alertmanager datasource, for silences and alert state in Grafana.
  public static func alertmanager(
    name: String, uid: String, url: String, implementation: String = "prometheus"
  ) -> Datasource {
    var source = Datasource(name: name, type: .alertmanager, uid: uid, url: url)
    source.jsonData = ["implementation": .string(implementation), "handleGrafanaManagedAlerts": false]
    return source
  }

  /// A Loki datasource: `maxLines` caps the lines of a logs query (Grafana's default is 1000),
  /// `timeoutSeconds` the time of a query, and `derivedFields` turn values of log lines into links
  /// (trace ids to Tempo).
  /// ```swift
  /// Datasource.loki(name: "Loki", uid: "loki", url: "http://loki:3100", maxLines: 1000,
  ///                 derivedFields: [LokiDerivedField(name: "TraceID", matcherRegex: #"trace_id=(\w+)"#,
  ///                                                  url: "${__value.raw}", datasourceUID: "tempo")])
  /// ```
  public static func loki(
    name: String, uid: String, url: String, maxLines: Int? = nil, timeoutSeconds: Int? = nil,
    derivedFields: [LokiDerivedField] = []
  ) -> Datasource {
    var source = Datasource(name: name, type: .loki, uid: uid, url: url)
    if let maxLines { source.jsonData["maxLines"] = .int(maxLines) }
    if let timeoutSeconds { source.jsonData["timeout"] = .int(timeoutSeconds) }
    if !derivedFields.isEmpty { source.jsonData["derivedFields"] = .array(derivedFields.map(\.json)) }
    return source
  }

  /// A Tempo datasource, linked to the other signals: spans to their logs (`tracesToLogs`), the
  /// service graph and node graph from the Prometheus datasource `serviceMapUID`, and Loki search
  /// (`lokiSearchUID`); `hidesSearch` hides the search tab.
  /// ```swift
  /// Datasource.tempo(name: "Tempo", uid: "tempo", url: "http://tempo:3200",
  ///                  tracesToLogs: TempoTracesToLogs(datasourceUID: "loki", filterByTraceID: true),
  ///                  serviceMapUID: "prometheus", nodeGraph: true)
  /// ```
  public static func tempo(
    name: String, uid: String, url: String, tracesToLogs: TempoTracesToLogs? = nil, serviceMapUID: String? = nil,
    nodeGraph: Bool = false, hidesSearch: Bool = false, lokiSearchUID: String? = nil
  ) -> Datasource {
    var source = Datasource(name: name, type: .tempo, uid: uid, url: url)
    if let tracesToLogs { source.jsonData["tracesToLogsV2"] = tracesToLogs.json }
    if let serviceMapUID { source.jsonData["serviceMap"] = ["datasourceUid": .string(serviceMapUID)] }
    if nodeGraph { source.jsonData["nodeGraph"] = ["enabled": true] }
    if hidesSearch { source.jsonData["search"] = ["hide": true] }
    if let lokiSearchUID { source.jsonData["lokiSearch"] = ["datasourceUid": .string(lokiSearchUID)] }
    return source
  }

  /// `text` with each `$` doubled: Grafana expands `$NAME` and `${NAME}` from its environment in
  /// provisioning files, and reads `$$` as a literal `$`.
  static func escapingExpansion(_ text: String) -> String {
    text.split(separator: "$", omittingEmptySubsequences: false).joined(separator: "$$")
  }

  /// Basic auth with the password from Grafana's environment variable `passwordVariable`.
  /// ```swift
  /// .basicAuth(user: "grafana", passwordVariable: "PROMETHEUS_BASIC_AUTH_PASSWORD")
  /// ```
  public func basicAuth(user: String, passwordVariable: String) -> Datasource {
    with {
      $0.basicAuthUser = user
      $0.basicAuthPasswordVariable = passwordVariable
    }
  }

  /// Lets users edit the datasource in Grafana's UI (lost on the next provisioning run).
  public func editable(_ editable: Bool = true) -> Datasource {
    with { $0.isEditable = editable }
  }

  /// The datasource panels use when they name none.
  public func isDefault(_ isDefault: Bool = true) -> Datasource { with { $0.isDefault = isDefault } }
  public func access(_ access: Access) -> Datasource { with { $0.access = access } }
  /// ```swift
  /// .jsonData(["timeInterval": "15s", "httpMethod": "POST"])
  /// ```
  public func jsonData(_ data: [String: JSONValue]) -> Datasource { with { $0.jsonData = data } }
}
