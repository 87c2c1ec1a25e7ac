public import MonitoringDSL

/// A dashboard read back from its JSON model: rows and panels with their grid positions, what
/// `gen diff` compares and `gen preview` draws. Panels before the first row belong to a row
/// without a title; panels inside collapsed rows are listed under their row like open ones.
/// ```swift
/// let snapshot = try DashboardSnapshot(JSONParser.parse(fileText))
/// for row in snapshot.rows { print(row.title ?? "(top)", row.panels.map(\.title)) }
/// ```
public struct DashboardSnapshot: Hashable, Sendable {
  public var uid: String
  public var title: String
  public var rows: [Row]
  /// The dashboard model without its panels: time, variables, links, annotations, settings.
  public var settings: JSONValue

  public struct Row: Hashable, Sendable {
    /// `nil` for the panels above the first row.
    public var title: String?
    public var collapsed: Bool
    public var y: Int
    public var panels: [Panel]
    /// The variable the row is repeated for, if any.
    public var repeatBy: String? = nil
  }

  public struct Panel: Hashable, Sendable {
    public var id: Int?
    public var title: String
    public var type: String
    public var grid: GridPosition
    /// The panel model without `id`, `gridPos` and `targets`.
    public var body: JSONValue
    /// The queries by position, each a target model.
    public var targets: [JSONValue]

    public var unit: String? { body["fieldConfig"]?["defaults"]?["unit"]?.text }
    /// The variable the panel is repeated for, if any.
    public var repeatBy: String? { body["repeat"]?.text }
    public var description: String? { body["description"]?.text }
    /// The threshold steps in order; the first, the base, has no value.
    public var thresholdSteps: [ThresholdStep] {
      guard case .array(let steps)? = body["fieldConfig"]?["defaults"]?["thresholds"]?["steps"] else { return [] }
      return steps.map { step in
        ThresholdStep(color: step["color"]?.text ?? "", value: step["value"]?.number)
      }
    }
  }

  public struct GridPosition: Hashable, Sendable {
    public var x, y, w, h: Int
  }

  public struct ThresholdStep: Hashable, Sendable {
    public var color: String
    public var value: Double?
  }

  /// Reads the dashboard model, bare or in the `{"dashboard": …}` envelope Grafana's API returns, or
  /// a dashboard schema v2 resource (read as its classic model, ``DashboardV2Reading``).
  public init(_ model: JSONValue) throws(SnapshotFailure) {
    let model = DashboardV2Reading.isResource(model) ? DashboardV2Reading.classic(model) : model
    let dashboard = model["dashboard"].flatMap { $0["panels"] == nil ? nil : $0 } ?? model
    guard case .object(var settings) = dashboard else { throw SnapshotFailure(reason: "the dashboard is not a JSON object") }
    uid = dashboard["uid"]?.text ?? ""
    title = dashboard["title"]?.text ?? ""
    var rows = [Row(title: nil, collapsed: false, y: 0, panels: [])]
    guard case .array(let panels) = dashboard["panels"] ?? .array([]) else {
      throw SnapshotFailure(reason: "\"panels\" is not a list")
    }
    for panel in panels {
      guard panel["type"]?.text == "row" else {
        rows[rows.count - 1].panels.append(Self.panel(panel))
        continue
      }
      let nested: [JSONValue] = if case .array(let inner)? = panel["panels"] { inner } else { [] }
      rows.append(
        Row(
          title: panel["title"]?.text ?? "", collapsed: panel["collapsed"] == .bool(true), y: Self.grid(panel).y,
          panels: nested.map(Self.panel), repeatBy: panel["repeat"]?.text))
    }
    if rows[0].panels.isEmpty, rows.count > 1 { rows.removeFirst() }
    self.rows = rows
    settings["panels"] = nil
    self.settings = .object(settings)
  }

  private static func panel(_ model: JSONValue) -> Panel {
    var body = model
    if case .object(var members) = model {
      for key in ["id", "gridPos", "targets"] { members[key] = nil }
      body = .object(members)
    }
    let targets: [JSONValue] = if case .array(let list)? = model["targets"] { list } else { [] }
    return Panel(
      id: model["id"]?.number.map { Int($0) }, title: model["title"]?.text ?? "", type: model["type"]?.text ?? "",
      grid: grid(model), body: body, targets: targets)
  }

  private static func grid(_ model: JSONValue) -> GridPosition {
    let position = model["gridPos"]
    func value(_ key: String) -> Int { position?[key]?.number.map { Int($0) } ?? 0 }
    return GridPosition(x: value("x"), y: value("y"), w: value("w"), h: value("h"))
  }
}

/// Why a file could not be read as a dashboard.
public struct SnapshotFailure: Error, Equatable, CustomStringConvertible {
  public let reason: String
  public var description: String { reason }
}
