/// A full-width row that groups the panels under it. A collapsed row carries its panels inside it;
/// an open row is followed by them. The layout pass places them either way.
/// ```swift
/// Row("System Health") {
///   TimeSeries("Memory") { Query("process_resident_memory_bytes") }.unit(.bytes)
/// }
/// .collapsed()
/// ```
public struct Row: Hashable, Sendable, RawJSONCarrying {
  public var title: String
  public var panels: [Panel]
  public var isCollapsed = false
  public var repeatVariable: String?
  /// A fixed row id; without one the layout gives the next id no panel or other row holds.
  public var id: Int?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?
  /// Lint rules silenced on this item, with their reasons (`gen lint`).
  public var lintIgnores: [LintIgnore] = []

  public init(_ title: String, @PanelBuilder panels: () -> [Panel]) {
    self.title = title
    self.panels = panels()
  }

  public func collapsed(_ collapsed: Bool = true) -> Row {
    with { $0.isCollapsed = collapsed }
  }

  /// A fixed row id (``Row/id``): `Row("Traffic") { … }.id(20)`.
  public func id(_ id: Int) -> Row { with { $0.id = id } }

  /// Repeats the row, with its panels, once per value of `variable`.
  public func repeatBy(_ variable: String) -> Row {
    with { $0.repeatVariable = variable }
  }

}
