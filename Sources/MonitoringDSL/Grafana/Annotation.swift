/// A dashboard annotation query: events drawn on every time series panel. Grafana's built-in
/// "Annotations & Alerts" entry is always emitted first (``BuiltInAnnotation``).
/// ```swift
/// .annotations {
///   Annotation("Restarts", expr: "changes(process_start_time_seconds[$__rate_interval]) > 0",
///              datasource: .variable("datasource"), color: .orange)
///   Annotation.grafanaTags("Deploys", tags: ["deploy"], color: .purple)
/// }
/// ```
public struct Annotation: Hashable, Sendable, CopyModifying {
  /// Where the events come from.
  public enum Source: Hashable, Sendable {
    /// A PromQL query: an event wherever it has a value, titled and described from its labels.
    case prometheus(expr: String, titleFormat: String?, textFormat: String?, tagKeys: [String], step: PromDuration?)
    /// Grafana's own annotations (made in its UI or API) carrying `tags`: any of them, or all.
    case grafanaTags(tags: [String], matchAny: Bool, limit: Int)
  }

  public var name: String
  public var source: Source
  public var datasource: DatasourceRef
  public var color: Color
  public var isEnabled = true
  public var isHidden = false

  /// A PromQL annotation.
  public init(
    _ name: String, expr: String, datasource: DatasourceRef, color: Color = .blue, titleFormat: String? = nil,
    textFormat: String? = nil, tagKeys: [String] = [], step: PromDuration? = nil
  ) {
    self.init(
      name, source: .prometheus(expr: expr, titleFormat: titleFormat, textFormat: textFormat, tagKeys: tagKeys, step: step),
      datasource: datasource, color: color)
  }

  private init(_ name: String, source: Source, datasource: DatasourceRef, color: Color) {
    self.name = name
    self.source = source
    self.datasource = datasource
    self.color = color
  }

  /// Grafana's own annotations with these tags (``Source/grafanaTags(tags:matchAny:limit:)``), at most
  /// `limit` of them: `Annotation.grafanaTags("Deploys", tags: ["deploy"])`.
  public static func grafanaTags(
    _ name: String, tags: [String], matchAny: Bool = false, limit: Int = 100, color: Color = .blue
  ) -> Annotation {
    Annotation(name, source: .grafanaTags(tags: tags, matchAny: matchAny, limit: limit), datasource: .grafanaAnnotations, color: color)
  }

  /// The PromQL text, for a Prometheus annotation.
  public var expr: String? {
    if case .prometheus(let expr, _, _, _, _) = source { expr } else { nil }
  }

  /// Where the annotations are read: `.datasource(.grafana)` for Grafana's own under their older name.
  public func datasource(_ datasource: DatasourceRef) -> Annotation { with { $0.datasource = datasource } }
  /// Hidden from the dashboard's annotation toggles, or shown (`hide`).
  public func hidden(_ hidden: Bool = true) -> Annotation { with { $0.isHidden = hidden } }
  /// Off until switched on, or on (`enable`).
  public func enabled(_ enabled: Bool = true) -> Annotation { with { $0.isEnabled = enabled } }
}

@resultBuilder public enum AnnotationBuilder: ListBuilder { public typealias Element = Annotation }
