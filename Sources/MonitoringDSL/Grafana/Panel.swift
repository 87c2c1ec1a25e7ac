/// One visualization on a dashboard. Build it with a kind's entry point (`TimeSeries`, `Stat`,
/// `Gauge`, … one per ``PanelKind``) and refine it with modifiers that return a copy.
/// ```swift
/// Gauge("Active Connections") { Query("sum(app_active_connections)") }
///   .unit(.short)
///   .thresholds { Step(.red); Step(.yellow, from: 1); Step(.green, from: 10) }
///   .size(width: 6, height: 8)
/// ```
public struct Panel: Hashable, Sendable, RawJSONCarrying {
  // NB: the members most panels set are stored in the panel, the others in `rare` (``SharedMembers``):
  // a dashboard's rows hold their panels inline, and a smaller panel is fewer pages to fault in.
  public var title: String
  public var description: String?
  /// The panel's kind with its options and field config (``PanelKind``).
  public var kind: AnyPanelKind
  public var datasource: DatasourceRef?
  public var queries: [Query]
  public var field = FieldDefaults()
  public var layout = PanelLayout()
  @inlinable public var overrides: [FieldOverride] {
    get { rare.box.members.overrides }
    _modify { yield &rare.unique.overrides }
  }
  @inlinable public var links: [Link] {
    get { rare.box.members.links }
    _modify { yield &rare.unique.links }
  }
  /// Grafana's transformations of the query results, applied in order.
  @inlinable public var transformations: [Transformation] {
    get { rare.box.members.transformations }
    _modify { yield &rare.unique.transformations }
  }
  @inlinable public var repeatBy: Repeat? {
    get { rare.box.members.repeatBy }
    _modify { yield &rare.unique.repeatBy }
  }
  @inlinable public var isTransparent: Bool {
    get { rare.box.members.isTransparent }
    _modify { yield &rare.unique.isTransparent }
  }
  /// Lower bound for `$__interval` in this panel's queries.
  @inlinable public var minInterval: PromDuration? {
    get { rare.box.members.minInterval }
    _modify { yield &rare.unique.minInterval }
  }
  @inlinable public var maxDataPoints: Int? {
    get { rare.box.members.maxDataPoints }
    _modify { yield &rare.unique.maxDataPoints }
  }
  /// Grafana's "Relative time" (`timeFrom`): the panel shows this last stretch instead of the
  /// dashboard's range, e.g. `1h`.
  @inlinable public var relativeTime: String? {
    get { rare.box.members.relativeTime }
    _modify { yield &rare.unique.relativeTime }
  }
  /// Grafana's "Time shift" (`timeShift`): the panel's range moved back by this much, e.g. `1d`.
  @inlinable public var timeShift: String? {
    get { rare.box.members.timeShift }
    _modify { yield &rare.unique.timeShift }
  }
  /// Whether the panel hides the note of its own time range (`hideTimeOverride`); without a value, not written.
  @inlinable public var hidesTimeOverride: Bool? {
    get { rare.box.members.hidesTimeOverride }
    _modify { yield &rare.unique.hidesTimeOverride }
  }
  /// How long the datasource may cache the panel's results (`cacheTimeout`, e.g. `60`), where it caches.
  @inlinable public var cacheTimeout: String? {
    get { rare.box.members.cacheTimeout }
    _modify { yield &rare.unique.cacheTimeout }
  }
  /// A fixed panel id, for links and library panels that name it; without one the layout gives the
  /// next id no other panel or row holds.
  @inlinable public var id: Int? {
    get { rare.box.members.id }
    _modify { yield &rare.unique.id }
  }
  /// The `pluginVersion` written; without one, the dashboard's Grafana version (``GrafanaTarget``).
  @inlinable public var pluginVersion: String? {
    get { rare.box.members.pluginVersion }
    _modify { yield &rare.unique.pluginVersion }
  }
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  @inlinable public var rawJSON: RawJSON? {
    get { rare.box.members.rawJSON }
    _modify { yield &rare.unique.rawJSON }
  }
  /// Modifiers that were applied to a panel kind they do not fit, reported by validation.
  @inlinable public var misapplied: [String] {
    get { rare.box.members.misapplied }
    _modify { yield &rare.unique.misapplied }
  }
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  @inlinable public var lintIgnores: [LintIgnore] {
    get { rare.box.members.lintIgnores }
    _modify { yield &rare.unique.lintIgnores }
  }
  /// Why the panel may show nothing: `gen verify` reports its empty results as expected.
  @inlinable public var expectedEmptyReason: String? {
    get { rare.box.members.expectedEmptyReason }
    _modify { yield &rare.unique.expectedEmptyReason }
  }

  @usableFromInline var rare = SharedMembers(Self.defaultRareMembers)
  @usableFromInline static let defaultRareMembers = SharedMembers.Box(RareMembers())

  @usableFromInline struct RareMembers: Hashable, Sendable {
    @usableFromInline var overrides: [FieldOverride] = []
    @usableFromInline var links: [Link] = []
    @usableFromInline var transformations: [Transformation] = []
    @usableFromInline var repeatBy: Repeat?
    @usableFromInline var isTransparent: Bool = false
    @usableFromInline var minInterval: PromDuration?
    @usableFromInline var maxDataPoints: Int?
    @usableFromInline var relativeTime: String?
    @usableFromInline var timeShift: String?
    @usableFromInline var hidesTimeOverride: Bool?
    @usableFromInline var cacheTimeout: String?
    @usableFromInline var id: Int?
    @usableFromInline var pluginVersion: String?
    @usableFromInline var rawJSON: RawJSON?
    @usableFromInline var misapplied: [String] = []
    @usableFromInline var lintIgnores: [LintIgnore] = []
    @usableFromInline var expectedEmptyReason: String?
  }

  public init(_ title: String, kind: any PanelKind, queries: [Query]) {
    self.init(title, kind: AnyPanelKind(kind), queries: queries)
  }

  /// A panel on a kind made beforehand (a kind's `newPanelKind`), whose options it shares.
  init(_ title: String, kind: AnyPanelKind, queries: [Query]) {
    self.title = title
    self.kind = kind
    self.queries = queries
  }
}

/// The options shared by every field of a panel (`fieldConfig.defaults`).
public struct FieldDefaults: Hashable, Sendable {
  public var unit: ValueUnit?
  public var decimals: Int?
  public var min: Double?
  public var max: Double?
  public var thresholds: Thresholds?
  public var color: ColorMode?
  public var mappings: [ValueMapping] = []
  /// Links on the values (``DataLink``); without a list, none written.
  public var links: [DataLink]?
  public var noValue: String?
  public var displayName: String?
  public init() {}
}

/// Repeats a panel or row once per value of a variable.
public struct Repeat: Hashable, Sendable {
  public enum Direction: String, Sendable {
    case horizontal = "h"
    case vertical = "v"
  }
  public var variable: String
  public var direction: Direction
  public var maxPerRow: Int?
}

/// Where a panel sits on the 24-column grid. Unset values are chosen by the layout pass.
public struct PanelLayout: Hashable, Sendable {
  public var width: Int?
  public var height: Int?
  /// Column and line relative to the start of the panel's section (the dashboard top or its row).
  public var position: GridPoint?
  public init() {}
}

public struct GridPoint: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

@resultBuilder public enum PanelBuilder: ListBuilder { public typealias Element = Panel }
