/// A LogQL query of a Loki datasource, in the same query list as Prometheus ones. Set the datasource on
/// the query or the panel (`.datasource(.loki("loki"))`); validation checks it is a Loki one.
/// ```swift
/// Logs("Errors") {
///   LokiQuery(#"{app="websocket"} |= "error""#, type: .range, maxLines: 500)
/// }.datasource(.loki("loki"))
/// ```
public func LokiQuery(
  _ expr: String, legend: String? = nil, type: Query.Loki.QueryType = .range, maxLines: Int? = nil,
  direction: Query.Loki.Direction? = nil, step: String? = nil, resolution: Int? = nil,
  editorMode: Query.Loki.EditorMode = .code
) -> Query {
  var query = Query(expr, legend: legend)
  query.language = .loki(
    Query.Loki(
      queryType: type, editorMode: editorMode, maxLines: maxLines, direction: direction, step: step,
      resolution: resolution))
  return query
}

extension Query {
  /// The settings of a Loki target beside its LogQL text and legend (Grafana's Loki `dataquery`).
  /// ```swift
  /// Query.Loki(queryType: .instant, maxLines: 100)
  /// ```
  public struct Loki: Hashable, Sendable {
    /// Lines over the time range (logs, metric queries as series), one value at its end, or a live tail.
    public enum QueryType: String, Sendable {
      case range, instant, stream
    }

    /// Which lines come first when `maxLines` cuts: newest (`backward`, Loki's default) or oldest.
    public enum Direction: String, Sendable {
      case forward, backward, scan
    }

    /// Whether Grafana's query editor opens the text or the builder.
    public enum EditorMode: String, Sendable {
      case code, builder
    }

    public var queryType: QueryType
    public var editorMode: EditorMode
    /// The most log lines returned (the datasource's `maxLines` when unset).
    public var maxLines: Int?
    public var direction: Direction?
    /// The step of metric queries, such as `"1m"` or `"$__interval"`.
    public var step: String?
    /// Deprecated by Grafana for `step`: one point per this many pixels.
    public var resolution: Int?

    public init(
      queryType: QueryType = .range, editorMode: EditorMode = .code, maxLines: Int? = nil, direction: Direction? = nil,
      step: String? = nil, resolution: Int? = nil
    ) {
      self.queryType = queryType
      self.editorMode = editorMode
      self.maxLines = maxLines
      self.direction = direction
      self.step = step
      self.resolution = resolution
    }
  }
}
