/// A Grafana dashboard with a fixed uid, its variables, annotations, links and body.
/// ```swift
/// Dashboard("WebSocket Service", uid: "websocket") {
///   Row("Real-time") { Gauge("Active Connections") { Query("sum(app_active_connections)") } }
/// }
/// .tags(["websocket"])
/// .time(from: "now-1h")
/// .refresh("30s")
/// ```
public struct Dashboard: Hashable, Sendable, RawJSONCarrying {
  public enum Timezone: Hashable, Sendable {
    case browser, utc
    case zone(String)
    public var text: String {
      switch self {
      case .browser: "browser"
      case .utc: "utc"
      case .zone(let name): name
      }
    }
  }

  /// Crosshair and tooltip sharing between panels (`graphTooltip`).
  public enum CursorSync: Int, Sendable {
    case off = 0, sharedCrosshair = 1, sharedTooltip = 2
  }

  public var uid: String
  public var title: String
  public var description: String?
  public var tags: [String] = []
  public var timeFrom = "now-6h"
  public var timeTo = "now"
  /// Auto-refresh interval; `nil` turns it off.
  public var refresh: PromDuration?
  public var timezone: Timezone = .browser
  public var isEditable = true
  public var cursorSync: CursorSync = .sharedCrosshair
  public var links: [Link] = []
  public var annotations: [Annotation] = []
  /// Grafana's built-in entry, written before ``annotations``.
  public var builtInAnnotation = BuiltInAnnotation()
  public var variables: [Variable] = []
  public var items: [DashboardItem]
  /// The datasource of panels and queries that do not name one.
  public var defaultDatasource: DatasourceRef?
  public var target: GrafanaTarget = .default
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []

  public init(_ title: String, uid: String, @DashboardBuilder items: () -> [DashboardItem]) {
    self.title = title
    self.uid = uid
    self.items = items()
  }

  public func description(_ text: String) -> Dashboard { with { $0.description = text } }
  public func tags(_ tags: [String]) -> Dashboard { with { $0.tags = tags } }
  /// The default time range, in Grafana's relative syntax.
  public func time(from: String, to: String = "now") -> Dashboard {
    with {
      $0.timeFrom = from
      $0.timeTo = to
    }
  }
  public func refresh(_ interval: PromDuration?) -> Dashboard { with { $0.refresh = interval } }
  public func timezone(_ timezone: Timezone) -> Dashboard { with { $0.timezone = timezone } }
  public func editable(_ editable: Bool) -> Dashboard { with { $0.isEditable = editable } }
  public func cursorSync(_ sync: CursorSync) -> Dashboard { with { $0.cursorSync = sync } }
  public func links(@LinkBuilder _ links: () -> [Link]) -> Dashboard { with { $0.links += links() } }
  public func annotations(@AnnotationBuilder _ annotations: () -> [Annotation]) -> Dashboard {
    with { $0.annotations += annotations() }
  }
  /// The shape of Grafana's built-in annotation entry (``BuiltInAnnotation``).
  public func builtInAnnotation(_ builtIn: BuiltInAnnotation) -> Dashboard { with { $0.builtInAnnotation = builtIn } }
  public func variables(@VariableBuilder _ variables: () -> [Variable]) -> Dashboard {
    with { $0.variables += variables() }
  }
  public func datasource(_ datasource: DatasourceRef) -> Dashboard { with { $0.defaultDatasource = datasource } }
  public func target(_ target: GrafanaTarget) -> Dashboard { with { $0.target = target } }
  /// The formats this dashboard is written in, whatever its target's default (``DashboardFormat``).
  /// ```swift
  /// Dashboard("Service", uid: "svc") { … }.target(.grafana13).formats([.classic, .v2])
  /// ```
  public func formats(_ formats: [DashboardFormat]) -> Dashboard { with { $0.target = $0.target.formats(formats) } }

}
