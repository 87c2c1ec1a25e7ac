/// A dashboard annotation query: events drawn on every time series panel. Grafana's built-in
/// "Annotations & Alerts" entry is always emitted first.
/// ```swift
/// .annotations {
///   Annotation("Restarts", expr: "changes(process_start_time_seconds[$__rate_interval]) > 0",
///              datasource: .variable("datasource"), color: .orange)
/// }
/// ```
public struct Annotation: Hashable, Sendable {
  public var name: String
  public var expr: String
  public var datasource: DatasourceRef
  public var color: Color
  public var titleFormat: String?
  public var textFormat: String?
  public var tagKeys: [String]
  public var step: PromDuration?
  public var isEnabled = true
  public var isHidden = false

  public init(
    _ name: String, expr: String, datasource: DatasourceRef, color: Color = .blue, titleFormat: String? = nil,
    textFormat: String? = nil, tagKeys: [String] = [], step: PromDuration? = nil
  ) {
    self.name = name
    self.expr = expr
    self.datasource = datasource
    self.color = color
    self.titleFormat = titleFormat
    self.textFormat = textFormat
    self.tagKeys = tagKeys
    self.step = step
  }
}

@resultBuilder public enum AnnotationBuilder: ListBuilder { public typealias Element = Annotation }
