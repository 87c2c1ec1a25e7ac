/// A TraceQL query of a Tempo datasource, in the same query list as Prometheus ones. Set the datasource
/// on the query or the panel (`.datasource(.tempo("tempo"))`); validation checks it is a Tempo one.
/// ```swift
/// Table("Slow traces") {
///   TempoQuery(#"{ resource.service.name = "ws" && duration > 500ms }"#, limit: 20, tableType: .traces)
/// }.datasource(.tempo("tempo"))
/// ```
public func TempoQuery(
  _ traceQL: String, type: Query.Tempo.QueryType = .traceql, limit: Int? = nil, spansPerSpanSet: Int? = nil,
  tableType: Query.Tempo.TableType? = nil, filters: [Query.Tempo.Filter] = []
) -> Query {
  var query = Query(traceQL)
  query.language = .tempo(
    Query.Tempo(queryType: type, limit: limit, spansPerSpanSet: spansPerSpanSet, tableType: tableType, filters: filters))
  return query
}

extension Query {
  /// The settings of a Tempo target beside its TraceQL text (Grafana's Tempo `Dataquery`).
  /// ```swift
  /// Query.Tempo(queryType: .traceqlSearch, limit: 20, filters: [.init(id: "service-name", tag: "service.name", operator: "=", value: "ws", scope: .resource)])
  /// ```
  public struct Tempo: Hashable, Sendable {
    /// The query editor's tab: TraceQL text, the search builder (`filters`), the service graph, a trace id…
    public enum QueryType: String, Sendable {
      case traceql, traceqlSearch, serviceMap, traceId, nativeSearch, upload, clear
    }

    /// What the rows of a search result are.
    public enum TableType: String, Sendable {
      case traces, spans, raw
    }

    /// One condition of the search builder (`traceqlSearch`), which Grafana turns into TraceQL.
    /// ```swift
    /// Query.Tempo.Filter(id: "min-duration", tag: "duration", operator: ">", value: "500ms", valueType: "duration", scope: .intrinsic)
    /// ```
    public struct Filter: Hashable, Sendable {
      /// Where the tag is looked up.
      public enum Scope: String, Sendable {
        case intrinsic, unscoped, event, instrumentation, link, resource, span
      }

      /// Names the filter in the editor; not part of the query.
      public var id: String
      public var tag: String?
      public var `operator`: String?
      public var value: String?
      /// `string`, `int`, `duration`…: whether Grafana quotes the value.
      public var valueType: String?
      public var scope: Scope?

      public init(
        id: String, tag: String? = nil, operator: String? = nil, value: String? = nil, valueType: String? = nil,
        scope: Scope? = nil
      ) {
        self.id = id
        self.tag = tag
        self.operator = `operator`
        self.value = value
        self.valueType = valueType
        self.scope = scope
      }
    }

    public var queryType: QueryType
    /// The most traces returned.
    public var limit: Int?
    /// The most spans returned per span set (`spss`).
    public var spansPerSpanSet: Int?
    public var tableType: TableType?
    public var filters: [Filter]

    public init(
      queryType: QueryType = .traceql, limit: Int? = nil, spansPerSpanSet: Int? = nil, tableType: TableType? = nil,
      filters: [Filter] = []
    ) {
      self.queryType = queryType
      self.limit = limit
      self.spansPerSpanSet = spansPerSpanSet
      self.tableType = tableType
      self.filters = filters
    }
  }
}
