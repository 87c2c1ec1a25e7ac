public import MonitoringDSL

/// Lowers a validated dashboard and its layout to the JSON model Grafana's file provisioning reads:
/// the dashboard at the top level (no `{"dashboard": …}` API envelope).
///
/// Like ``PanelLowering`` it writes to any `JSONSink`: `gen` streams it into the file's bytes,
/// ``json(_:placed:)`` collects the same events into a tree.
public enum DashboardLowering {
  /// The dashboard as a tree.
  public static func json(_ dashboard: Dashboard, placed: [PlacedItem]) -> JSONValue {
    var builder = JSONTreeBuilder()
    write(dashboard, placed: placed, to: &builder)
    return builder.result
  }

  /// Writes the dashboard; one with raw JSON is built as a tree first, merged, then written.
  public static func write<Sink: JSONSink & ~Copyable>(_ dashboard: Dashboard, placed: [PlacedItem], to sink: inout Sink) {
    guard dashboard.rawJSON != nil else { return writeMembers(dashboard, placed: placed, to: &sink) }
    sink.writePatching(dashboard) { writeMembers(dashboard, placed: placed, to: &$0) }
  }

  private static func writeMembers<Sink: JSONSink & ~Copyable>(_ dashboard: Dashboard, placed: [PlacedItem], to sink: inout Sink) {
    sink.beginObject()
    sink.key("annotations")
    sink.beginObject()
    sink.key("list")
    sink.beginArray()
    sink.json(builtInAnnotationJSON(dashboard.builtInAnnotation))
    for annotation in dashboard.annotations { sink.json(annotationJSON(annotation)) }
    sink.endArray()
    sink.endObject()
    if let description = dashboard.description { sink.member("description", description) }
    sink.member("editable", dashboard.isEditable)
    sink.member("fiscalYearStartMonth", 0)
    sink.member("graphTooltip", dashboard.cursorSync.rawValue)
    sink.key("id")
    sink.null()
    sink.key("links")
    sink.beginArray()
    for link in dashboard.links { sink.json(LinkLowering.json(link)) }
    sink.endArray()
    sink.key("panels")
    sink.beginArray()
    // The layout has one item per dashboard item, in order.
    assert(placed.count == dashboard.items.count, "the layout is not of this dashboard")
    // A large dashboard's items are written in parts on all cores (see JSONSink.values(of:_:)); more
    // parts than cores, so that the cores finish at about the same time, and as small as `parts` makes
    // them (256 panels, ~0.6 MB): a part written ahead of the joined ones waits in a buffer of its own,
    // and smaller parts keep fewer fresh pages waiting (at 10 000 panels, 16 parts per core had ~4 400
    // page faults in all, 64 ~4 000; parts of 100 panels were no better).
    sink.values(of: dashboard.items.parts(pieces: 64 * activeProcessorCount)) { items, sink in
      writeItems(items, of: dashboard, placed: placed, to: &sink)
    }
    sink.endArray()
    sink.member("refresh", dashboard.refresh?.text ?? "")
    sink.member("schemaVersion", dashboard.target.schemaVersion)
    sink.key("tags")
    sink.strings(dashboard.tags)
    sink.key("templating")
    sink.beginObject()
    sink.key("list")
    sink.beginArray()
    for variable in dashboard.variables { sink.json(VariableLowering.json(variable)) }
    sink.endArray()
    sink.endObject()
    sink.key("time")
    sink.beginObject()
    sink.member("from", dashboard.timeFrom)
    sink.member("to", dashboard.timeTo)
    sink.endObject()
    sink.key("timepicker")
    sink.beginObject()
    sink.endObject()
    sink.member("timezone", dashboard.timezone.text)
    sink.member("title", dashboard.title)
    sink.member("uid", dashboard.uid)
    sink.member("version", 1)
    sink.member("weekStart", "")
    sink.endObject()
  }

  private static func writeItems<Sink: JSONSink & ~Copyable>(
    _ items: Range<Int>, of dashboard: Dashboard, placed: [PlacedItem], to sink: inout Sink
  ) {
    // NB: by index, so the (large) panels are read in place rather than copied for the loop.
    for index in items {
      switch (dashboard.items[index], placed[index]) {
      case (.panel(let panel), .panel(let place)):
        PanelLowering.write(panel, placed: place, dashboard: dashboard, to: &sink)
      case (.row(let row), .row(let place)):
        writeRow(row, placed: place, dashboard: dashboard, to: &sink)
        // An open row is followed by its panels; a collapsed one carries them (see writeRow).
        if !row.isCollapsed { writePanels(row.panels, placed: place.panels, dashboard: dashboard, to: &sink) }
      default:
        assertionFailure("the layout is not of this dashboard")
      }
    }
  }

  private static func writePanels<Sink: JSONSink & ~Copyable>(
    _ panels: [Panel], placed: [PlacedPanel], dashboard: Dashboard, to sink: inout Sink
  ) {
    // NB: through the buffer, so each panel is read in place (an array element passed on is copied).
    panels.withUnsafeBufferPointer { panels in
      for index in placed.indices {
        PanelLowering.write(panels.baseAddress! + index, placed: placed[index], dashboard: dashboard, to: &sink)
      }
    }
  }

  private static func writeRow<Sink: JSONSink & ~Copyable>(
    _ row: Row, placed: PlacedRow, dashboard: Dashboard, to sink: inout Sink
  ) {
    guard row.rawJSON != nil else { return writeRowMembers(row, placed: placed, dashboard: dashboard, to: &sink) }
    sink.writePatching(row) { writeRowMembers(row, placed: placed, dashboard: dashboard, to: &$0) }
  }

  private static func writeRowMembers<Sink: JSONSink & ~Copyable>(
    _ row: Row, placed: PlacedRow, dashboard: Dashboard, to sink: inout Sink
  ) {
    sink.beginObject()
    sink.member("collapsed", row.isCollapsed)
    sink.key("gridPos")
    PanelLowering.writeGridPos(placed.position, to: &sink)
    sink.member("id", placed.id)
    sink.key("panels")
    sink.beginArray()
    if row.isCollapsed { writePanels(row.panels, placed: placed.panels, dashboard: dashboard, to: &sink) }
    sink.endArray()
    if let variable = row.repeatVariable { sink.member("repeat", variable) }
    sink.member("title", row.title)
    sink.member("type", "row")
    sink.endObject()
  }

  /// Grafana adds this entry to every dashboard; emitting it keeps the file equal to what Grafana stores.
  static func builtInAnnotationJSON(_ builtIn: BuiltInAnnotation) -> JSONValue {
    var members: [String: JSONValue] = [
      "builtIn": 1,
      "datasource": datasourceJSON(builtIn.datasource),
      "enable": true,
      "hide": true,
      "iconColor": "rgba(0, 211, 255, 1)",
      "name": "Annotations & Alerts",
      "type": "dashboard",
    ]
    if let target = builtIn.target {
      members["target"] = [
        "limit": .int(target.limit), "matchAny": .bool(target.matchAny), "tags": .array(target.tags.map(JSONValue.string)),
        "type": "dashboard",
      ]
    }
    return .object(members)
  }

  private static func annotationJSON(_ annotation: Annotation) -> JSONValue {
    var members: [String: JSONValue] = [
      "datasource": datasourceJSON(annotation.datasource),
      "enable": .bool(annotation.isEnabled),
      "hide": .bool(annotation.isHidden),
      "iconColor": .string(annotation.color.rawValue),
      "name": .string(annotation.name),
    ]
    switch annotation.source {
    case .prometheus(let expr, let titleFormat, let textFormat, let tagKeys, let step):
      members["expr"] = .string(expr)
      members["tagKeys"] = .string(tagKeys.joined(separator: ","))
      members["textFormat"] = .string(textFormat ?? "")
      members["titleFormat"] = .string(titleFormat ?? "")
      members["useValueForTime"] = false
      if let step { members["step"] = .string(step.text) }
    case .grafanaTags(let tags, let matchAny, let limit):
      members["target"] = [
        "limit": .int(limit), "matchAny": .bool(matchAny), "tags": .array(tags.map(JSONValue.string)), "type": "tags",
      ]
    }
    return .object(members)
  }

  static func datasourceJSON(_ ref: DatasourceRef) -> JSONValue {
    var builder = JSONTreeBuilder()
    writeDatasource(ref, to: &builder)
    return builder.result
  }

  static func writeDatasource<Sink: JSONSink & ~Copyable>(_ ref: DatasourceRef, to sink: inout Sink) {
    sink.beginObject()
    sink.member("type", ref.type.rawValue)
    sink.member("uid", ref.uid)
    sink.endObject()
  }
}
