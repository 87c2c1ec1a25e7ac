/// One visualization on a dashboard. Build it with a kind's entry point (`TimeSeries`, `Stat`,
/// `Gauge`, … one per ``PanelKind``) and refine it with modifiers that return a copy.
/// ```swift
/// Gauge("Active Connections") { Query("sum(app_active_connections)") }
///   .unit(.short)
///   .thresholds { Step(.red); Step(.yellow, from: 1); Step(.green, from: 10) }
///   .size(width: 6, height: 8)
/// ```
public struct Panel: Hashable, Sendable, RawJSONCarrying {
  public var title: String
  public var description: String?
  /// The panel's kind with its options and field config (``PanelKind``).
  public var kind: AnyPanelKind
  public var datasource: DatasourceRef?
  public var queries: [Query]
  public var field = FieldDefaults()
  public var overrides: [FieldOverride] = []
  public var links: [Link] = []
  /// Grafana's transformations of the query results, applied in order.
  public var transformations: [Transformation] = []
  public var repeatBy: Repeat?
  public var isTransparent = false
  /// Lower bound for `$__interval` in this panel's queries.
  public var minInterval: PromDuration?
  public var maxDataPoints: Int?
  public var layout = PanelLayout()
  /// Grafana's "Relative time" (`timeFrom`): the panel shows this last stretch instead of the
  /// dashboard's range, e.g. `1h`.
  public var relativeTime: String?
  /// Grafana's "Time shift" (`timeShift`): the panel's range moved back by this much, e.g. `1d`.
  public var timeShift: String?
  /// Whether the panel hides the note of its own time range (`hideTimeOverride`); without a value, not written.
  public var hidesTimeOverride: Bool?
  /// How long the datasource may cache the panel's results (`cacheTimeout`, e.g. `60`), where it caches.
  public var cacheTimeout: String?
  /// A fixed panel id, for links and library panels that name it; without one the layout gives the
  /// next id no other panel or row holds.
  public var id: Int?
  /// The `pluginVersion` written; without one, the dashboard's Grafana version (``GrafanaTarget``).
  public var pluginVersion: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?
  /// Modifiers that were applied to a panel kind they do not fit, reported by validation.
  public var misapplied: [String] = []
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []
  /// Why the panel may show nothing: `gen verify` reports its empty results as expected.
  public var expectedEmptyReason: String?

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
