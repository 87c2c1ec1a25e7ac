/// A query of a panel (one Grafana target): PromQL by default, LogQL from ``LokiQuery(_:legend:type:maxLines:direction:step:resolution:editorMode:)``
/// or TraceQL from ``TempoQuery(_:type:limit:spansPerSpanSet:tableType:filters:)``, side by side in
/// one query list. `refId`s are assigned A, B, C… in order at render time.
/// ```swift
/// TimeSeries("Messages") {
///   Query("sum(rate(app_messages_total[$__rate_interval]))", legend: "messages/s")
///   Query("app_active_connections", legend: "{{instance}}").instant()
///   LokiQuery(#"sum(count_over_time({app="websocket"} |= "error" [$__auto]))"#, legend: "errors")
///     .datasource(.loki("loki"))
/// }
/// ```
public struct Query: Hashable, Sendable, RawJSONCarrying {
  public enum RangeMode: String, Sendable {
    /// A series over the dashboard's time range.
    case range
    /// One value at the end of the range.
    case instant
    /// Both, as Grafana's "Both" option.
    case both
  }

  public enum Format: String, Sendable {
    case timeSeries = "time_series"
    case table
    /// Prometheus histogram buckets for a heatmap (sorted by `le`).
    case heatmap
  }

  /// Members Grafana's query editor writes on every Prometheus query, which dashboards saved by older
  /// versions (or written by hand) leave out; Grafana reads a missing one as its default.
  public enum EditorMember: String, CaseIterable, Sendable {
    /// Without one, the query takes the panel's datasource.
    case datasource
    /// `editorMode: "code"`.
    case editorMode
    case instant
    case range
    /// `legendFormat`; without one Grafana names series by their labels.
    case legendFormat
    /// `refId`; Grafana gives a query without one the next free letter.
    case refId
  }

  /// The query language, with the settings of Loki and Tempo queries.
  /// (The settings are boxed: a Prometheus query, most queries, carries a word for its language.)
  public enum Language: Hashable, Sendable {
    case prometheus
    indirect case loki(Loki)
    indirect case tempo(Tempo)
  }

  // NB: the members nearly every query sets are stored in the query, the others in `rare`
  // (``SharedMembers``): a Prometheus query of text and legend allocates nothing but its strings.

  /// The query text: PromQL, LogQL or TraceQL (``language``).
  public var expr: String
  public var language: Language = .prometheus
  /// The series name (`legendFormat`) of Prometheus and Loki queries.
  public var legend: String?
  /// The settings below apply to Prometheus queries only; validation reports them on another language.
  public var mode: RangeMode = .range
  /// The result format; without one, `time_series` (not written).
  @inlinable public var format: Format? {
    get { rare.box.members.format }
    _modify { yield &rare.unique.format }
  }
  /// Minimum step for this query (Grafana's per-query "Min step"): a duration, a dashboard variable
  /// (`$resolution`), or empty, as Grafana's editor saves a field left blank.
  @inlinable public var interval: PromDuration? {
    get { rare.box.members.interval }
    _modify { yield &rare.unique.interval }
  }
  /// Overrides the panel's datasource for this query.
  @inlinable public var datasource: DatasourceRef? {
    get { rare.box.members.datasource }
    _modify { yield &rare.unique.datasource }
  }
  /// An explicit refId; queries without one get the next free letter (A, B, C…).
  @inlinable public var refID: String? {
    get { rare.box.members.refID }
    _modify { yield &rare.unique.refID }
  }
  @inlinable public var isHidden: Bool {
    get { rare.box.members.isHidden }
    _modify { yield &rare.unique.isHidden }
  }
  /// Whether exemplars are queried; without a value, not written (off).
  @inlinable public var exemplars: Bool? {
    get { rare.box.members.exemplars }
    _modify { yield &rare.unique.exemplars }
  }
  /// The step of Grafana 5's query editor, in seconds: old dashboards keep it; Grafana now reads `interval`.
  @inlinable public var legacyStep: Int? {
    get { rare.box.members.legacyStep }
    _modify { yield &rare.unique.legacyStep }
  }
  /// Grafana's "Resolution" (1/N of the panel's width in points), kept by older dashboards.
  @inlinable public var intervalFactor: Int? {
    get { rare.box.members.intervalFactor }
    _modify { yield &rare.unique.intervalFactor }
  }
  /// Editor members this query leaves out (``EditorMember``).
  @inlinable public var omittedMembers: Set<EditorMember> {
    get { rare.box.members.omittedMembers }
    _modify { yield &rare.unique.omittedMembers }
  }
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  @inlinable public var rawJSON: RawJSON? {
    get { rare.box.members.rawJSON }
    _modify { yield &rare.unique.rawJSON }
  }
  /// The typed expression, when the query was built from one; validation checks it.
  @inlinable public var promQL: PromQL? {
    get { rare.box.members.promQL }
    _modify { yield &rare.unique.promQL }
  }

  public init(_ expr: String, legend: String? = nil) {
    self.expr = expr
    self.legend = legend
  }

  /// A query from a typed expression.
  /// ```swift
  /// Query(App.messages.rate(.rateInterval).sum(), legend: "messages/s")
  /// ```
  public init(_ expr: PromQL, legend: String? = nil) {
    self.init(expr.description, legend: legend)
    self.promQL = expr
  }

  /// The members most queries leave at their defaults: one box that all queries share until they change one.
  @usableFromInline var rare = SharedMembers(Self.defaultRareMembers)
  @usableFromInline static let defaultRareMembers = SharedMembers.Box(RareMembers())

  @usableFromInline struct RareMembers: Hashable, Sendable {
    @usableFromInline var format: Format?
    @usableFromInline var interval: PromDuration?
    @usableFromInline var datasource: DatasourceRef?
    @usableFromInline var refID: String?
    @usableFromInline var isHidden = false
    @usableFromInline var exemplars: Bool?
    @usableFromInline var legacyStep: Int?
    @usableFromInline var intervalFactor: Int?
    @usableFromInline var omittedMembers: Set<EditorMember> = []
    @usableFromInline var rawJSON: RawJSON?
    @usableFromInline var promQL: PromQL?
  }

  public func instant() -> Query { with { $0.mode = .instant } }
  public func rangeAndInstant() -> Query { with { $0.mode = .both } }
  public func format(_ format: Format) -> Query { with { $0.format = format } }
  public func interval(_ interval: PromDuration) -> Query { with { $0.interval = interval } }
  public func datasource(_ datasource: DatasourceRef) -> Query { with { $0.datasource = datasource } }
  public func refID(_ refID: String) -> Query { with { $0.refID = refID } }
  public func hidden(_ hidden: Bool = true) -> Query { with { $0.isHidden = hidden } }
  public func exemplars(_ enabled: Bool = true) -> Query { with { $0.exemplars = enabled } }
  /// Grafana 5's per-query step in seconds (``legacyStep``): `.legacyStep(240)`.
  public func legacyStep(_ seconds: Int) -> Query { with { $0.legacyStep = seconds } }
  /// Grafana's "Resolution" 1/N (``intervalFactor``): `.intervalFactor(2)`.
  public func intervalFactor(_ factor: Int) -> Query { with { $0.intervalFactor = factor } }
  /// Leaves out editor members, as dashboards of older Grafana versions do: `.omitting(.editorMode, .range)`.
  public func omitting(_ members: EditorMember...) -> Query { with { $0.omittedMembers.formUnion(members) } }

}

@resultBuilder public enum QueryBuilder: ListBuilder { public typealias Element = Query }
