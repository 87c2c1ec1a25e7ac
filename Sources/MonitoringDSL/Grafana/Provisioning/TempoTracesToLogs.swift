/// Tempo's link from a span to its logs (`jsonData.tracesToLogsV2`): the Loki datasource, the span
/// attributes that become label matchers, the time shifts around the span, and trace or span id filters.
///
/// `$` in `query` (`${__span.tags.method}`) is written `$$`, so Grafana's provisioning does not read
/// it as an environment variable.
/// ```swift
/// TempoTracesToLogs(datasourceUID: "loki", tags: [.init("service.name", as: "app")], filterByTraceID: true)
/// ```
public struct TempoTracesToLogs: Hashable, Sendable {
  /// A span attribute, matched as the Loki label `label` (the attribute's own name when `nil`).
  /// ```swift
  /// TempoTracesToLogs.Tag("service.name", as: "app")
  /// ```
  public struct Tag: Hashable, Sendable {
    public var key: String
    public var label: String?
    public init(_ key: String, as label: String? = nil) {
      self.key = key
      self.label = label
    }
  }

  public var datasourceUID: String
  public var tags: [Tag]
  public var filterByTraceID: Bool
  public var filterBySpanID: Bool
  /// Shifts of the logs' time range from the span's start and end, such as `"-1h"` and `"1h"`.
  public var spanStartTimeShift: String?
  public var spanEndTimeShift: String?
  /// A LogQL query of its own instead of the one built from the tags (`customQuery`).
  public var query: String?

  public init(
    datasourceUID: String, tags: [Tag] = [], filterByTraceID: Bool = false, filterBySpanID: Bool = false,
    spanStartTimeShift: String? = nil, spanEndTimeShift: String? = nil, query: String? = nil
  ) {
    self.datasourceUID = datasourceUID
    self.tags = tags
    self.filterByTraceID = filterByTraceID
    self.filterBySpanID = filterBySpanID
    self.spanStartTimeShift = spanStartTimeShift
    self.spanEndTimeShift = spanEndTimeShift
    self.query = query
  }

  /// The `jsonData.tracesToLogsV2` object as Grafana's Tempo settings save it.
  var json: JSONValue {
    var members: [String: JSONValue] = [
      "datasourceUid": .string(datasourceUID), "filterBySpanID": .bool(filterBySpanID),
      "filterByTraceID": .bool(filterByTraceID),
      "tags": .array(tags.map { tag in .object(["key": .string(tag.key)].merging(tag.label.map { ["value": .string($0)] } ?? [:]) { $1 }) }),
    ]
    if let spanStartTimeShift { members["spanStartTimeShift"] = .string(spanStartTimeShift) }
    if let spanEndTimeShift { members["spanEndTimeShift"] = .string(spanEndTimeShift) }
    if let query {
      members["customQuery"] = true
      members["query"] = .string(Datasource.escapingExpansion(query))
    }
    return .object(members)
  }
}
