/// A notification template of Grafana-managed alerting: Go templates (`{{ define "name" }}…{{ end }}`)
/// that contact points call by name. Written to `grafana/provisioning/alerting/templates.yaml`.
/// ```swift
/// NotificationTemplate("websocket.title", #"{{ define "websocket.title" }}[{{ .Status }}] {{ .CommonLabels.alertname }}{{ end }}"#)
/// ```
public struct NotificationTemplate: Hashable, Sendable {
  public var name: String
  /// The template text, usually one or more `{{ define … }}` blocks.
  public var text: String

  public init(_ name: String, _ text: String) {
    self.name = name
    self.text = text
  }
}

/// Builds the notification templates of a ``GrafanaAlerting``.
@resultBuilder public enum NotificationTemplateBuilder: ListBuilder { public typealias Element = NotificationTemplate }
