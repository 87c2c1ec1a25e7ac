/// A reference from a panel, query or variable to a Grafana datasource, by plugin type and uid.
///
/// The uid is either a provisioned datasource's uid or a datasource variable (`${datasource}`);
/// validation checks that one of the two exists.
/// ```swift
/// TimeSeries("Rate") { Query("rate(x[5m])") }.datasource(.prometheus("prometheus"))
/// ```
public struct DatasourceRef: Hashable, Sendable {
  public var type: DatasourceType
  public var uid: String

  public init(type: DatasourceType, uid: String) {
    self.type = type
    self.uid = uid
  }

  /// A Prometheus datasource by uid.
  public static func prometheus(_ uid: String) -> DatasourceRef { DatasourceRef(type: .prometheus, uid: uid) }

  /// A Loki datasource by uid.
  /// ```swift
  /// Logs("Errors") { LokiQuery(#"{app="ws"} |= "error""#) }.datasource(.loki("loki"))
  /// ```
  public static func loki(_ uid: String) -> DatasourceRef { DatasourceRef(type: .loki, uid: uid) }

  /// A Tempo datasource by uid.
  /// ```swift
  /// Table("Traces") { TempoQuery("{ status = error }") }.datasource(.tempo("tempo"))
  /// ```
  public static func tempo(_ uid: String) -> DatasourceRef { DatasourceRef(type: .tempo, uid: uid) }

  /// A datasource picked by the dashboard variable `name`, for example `.variable("datasource")`.
  public static func variable(_ name: String, type: DatasourceType = .prometheus) -> DatasourceRef {
    DatasourceRef(type: type, uid: "${\(name)}")
  }

  /// Grafana's built-in annotations and alerts source.
  public static let grafana = DatasourceRef(type: .grafana, uid: "-- Grafana --")
  /// Grafana's own annotations as Grafana 9 and later name them (``Annotation/grafanaTags(_:tags:matchAny:limit:color:)``).
  public static let grafanaAnnotations = DatasourceRef(type: .builtIn, uid: "grafana")
  /// Grafana's "Mixed" pseudo-datasource: each query names its own.
  public static let mixed = DatasourceRef(type: .builtIn, uid: "-- Mixed --")

  /// The variable name when the uid is `$name` or `${name}`, otherwise `nil`.
  public var variableName: String? {
    if uid.hasPrefix("${"), uid.hasSuffix("}") { return String(uid.dropFirst(2).dropLast()) }
    if uid.hasPrefix("$") { return String(uid.dropFirst()) }
    return nil
  }
}

/// A datasource plugin id. An open set: the common ones are static members.
public struct DatasourceType: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  public static let prometheus: DatasourceType = "prometheus"
  public static let alertmanager: DatasourceType = "alertmanager"
  public static let grafana: DatasourceType = "grafana"
  public static let loki: DatasourceType = "loki"
  public static let tempo: DatasourceType = "tempo"
  /// Grafana's pseudo-datasources (`-- Mixed --`, `-- Dashboard --`), provisioned by Grafana itself.
  public static let builtIn: DatasourceType = "datasource"
}
