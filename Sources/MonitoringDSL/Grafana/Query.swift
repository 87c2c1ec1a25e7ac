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
  public enum Language: Hashable, Sendable {
    case prometheus
    case loki(Loki)
    case tempo(Tempo)
  }

  /// The query text: PromQL, LogQL or TraceQL (``language``).
  @inlinable public var expr: String {
    _read { yield box.members.expr }
    _modify { yield &members.expr }
  }
  @inlinable public var language: Language {
    _read { yield box.members.language }
    _modify { yield &members.language }
  }
  /// The series name (`legendFormat`) of Prometheus and Loki queries.
  @inlinable public var legend: String? {
    _read { yield box.members.legend }
    _modify { yield &members.legend }
  }
  /// The settings below apply to Prometheus queries only; validation reports them on another language.
  @inlinable public var mode: RangeMode {
    _read { yield box.members.mode }
    _modify { yield &members.mode }
  }
  /// The result format; without one, `time_series` (not written).
  @inlinable public var format: Format? {
    _read { yield box.members.format }
    _modify { yield &members.format }
  }
  /// Minimum step for this query (Grafana's per-query "Min step"): a duration, a dashboard variable
  /// (`$resolution`), or empty, as Grafana's editor saves a field left blank.
  @inlinable public var interval: PromDuration? {
    _read { yield box.members.interval }
    _modify { yield &members.interval }
  }
  /// Overrides the panel's datasource for this query.
  @inlinable public var datasource: DatasourceRef? {
    _read { yield box.members.datasource }
    _modify { yield &members.datasource }
  }
  /// An explicit refId; queries without one get the next free letter (A, B, C…).
  @inlinable public var refID: String? {
    _read { yield box.members.refID }
    _modify { yield &members.refID }
  }
  @inlinable public var isHidden: Bool {
    _read { yield box.members.isHidden }
    _modify { yield &members.isHidden }
  }
  /// Whether exemplars are queried; without a value, not written (off).
  @inlinable public var exemplars: Bool? {
    _read { yield box.members.exemplars }
    _modify { yield &members.exemplars }
  }
  /// The step of Grafana 5's query editor, in seconds: old dashboards keep it; Grafana now reads `interval`.
  @inlinable public var legacyStep: Int? {
    _read { yield box.members.legacyStep }
    _modify { yield &members.legacyStep }
  }
  /// Grafana's "Resolution" (1/N of the panel's width in points), kept by older dashboards.
  @inlinable public var intervalFactor: Int? {
    _read { yield box.members.intervalFactor }
    _modify { yield &members.intervalFactor }
  }
  /// Editor members this query leaves out (``EditorMember``).
  @inlinable public var omittedMembers: Set<EditorMember> {
    _read { yield box.members.omittedMembers }
    _modify { yield &members.omittedMembers }
  }
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  @inlinable public var rawJSON: RawJSON? {
    _read { yield box.members.rawJSON }
    _modify { yield &members.rawJSON }
  }
  /// The typed expression, when the query was built from one; validation checks it.
  @inlinable public var promQL: PromQL? {
    _read { yield box.members.promQL }
    _modify { yield &members.promQL }
  }

  public init(_ expr: String, legend: String? = nil) {
    box = Box(Members(expr: expr, legend: legend))
  }

  /// A query from a typed expression.
  /// ```swift
  /// Query(App.messages.rate(.rateInterval).sum(), legend: "messages/s")
  /// ```
  public init(_ expr: PromQL, legend: String? = nil) {
    box = Box(Members(expr: expr.description, legend: legend, promQL: expr))
  }

  // NB: the members live in one box that copies share until one of them changes (copy on write), as
  // a panel's do: the builders, validation and the lowering copy queries, and a copy of every member
  // cost a reference-count operation per member and a 248-byte copy; it is now one retain.
  @usableFromInline var box: Box

  /// The members, made unique before a change. NB: the accessors are inlinable and `_read`, so that
  /// reading one member of a member (`panel.field.unit`) in another module copies only that.
  @inlinable var members: Members {
    _read { yield box.members }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.members) }
      yield &box.members
    }
  }

  // Unchecked Sendable: a box is changed only while one query holds it. Unchecked exclusivity: a class's
  // stored property is otherwise checked at run time on every access (`swift_beginAccess`, more than
  // the copies the box saves); `members` changes it only while it is unique.
  @usableFromInline final class Box: @unchecked Sendable {
    @exclusivity(unchecked) @usableFromInline var members: Members
    @usableFromInline init(_ members: Members) { self.members = members }
  }

  @usableFromInline struct Members: Hashable, Sendable {
    @usableFromInline var expr: String
    @usableFromInline var language: Language = .prometheus
    @usableFromInline var legend: String?
    @usableFromInline var mode: RangeMode = .range
    @usableFromInline var format: Format?
    @usableFromInline var interval: PromDuration?
    @usableFromInline var datasource: DatasourceRef?
    @usableFromInline var refID: String?
    @usableFromInline var isHidden: Bool = false
    @usableFromInline var exemplars: Bool?
    @usableFromInline var legacyStep: Int?
    @usableFromInline var intervalFactor: Int?
    @usableFromInline var omittedMembers: Set<EditorMember> = []
    @usableFromInline var rawJSON: RawJSON?
    @usableFromInline var promQL: PromQL?
  }

  public static func == (lhs: Query, rhs: Query) -> Bool { lhs.box === rhs.box || lhs.box.members == rhs.box.members }
  public func hash(into hasher: inout Hasher) { box.members.hash(into: &hasher) }

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
