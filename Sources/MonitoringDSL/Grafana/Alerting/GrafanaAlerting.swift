/// Grafana-managed alerting for a catalog: its alert rules are evaluated by Grafana and routed by
/// Grafana's own Alertmanager, from the same ``AlertRule``, ``Route``, ``Receiver`` and
/// ``TimeIntervals`` values that another environment writes as Prometheus rules and `alertmanager.yml`.
///
/// `gen` then writes Grafana's file provisioning (`grafana/provisioning/alerting/`): the rule groups
/// in `folder`, the contact points, the notification policy tree, the mute timings and the
/// notification templates. The catalog's recording rules stay Prometheus rules.
/// ```swift
/// let grafanaManaged = stack().alerting(
///   .grafana(GrafanaAlerting(folder: "WebSocket")
///     .templates { NotificationTemplate("websocket.title", #"{{ define "websocket.title" }}{{ .CommonLabels.alertname }}{{ end }}"#) })
/// )
/// ```
public struct GrafanaAlerting: Hashable, Sendable, CopyModifying {
  /// The title of the Grafana folder the rule groups go into (created when missing).
  public var folder: String
  /// The Grafana organisation (default 1).
  public var orgID = 1
  /// The uid of the Prometheus datasource the rules query; `nil` takes the catalog's only one.
  public var datasourceUID: String?
  /// Notification templates, by name (Grafana reads no template files).
  public var templates: [NotificationTemplate] = []
  /// Whether the Alertmanager config's inhibit rules are left out: Grafana's provisioning has none.
  public var dropsInhibitRules = false
  /// The interval Grafana evaluates every rule group at; `nil` keeps each group's own (else the
  /// Prometheus config's evaluation interval, else 1m). Grafana asks for a multiple of 10s.
  public var evaluationInterval: PromDuration?

  public init(folder: String, datasourceUID: String? = nil) {
    self.folder = folder
    self.datasourceUID = datasourceUID
  }

  /// The organisation the rules, contact points, policies, mute timings and templates belong to.
  /// ```swift
  /// GrafanaAlerting(folder: "WebSocket").orgID(2)
  /// ```
  public func orgID(_ id: Int) -> GrafanaAlerting { with { $0.orgID = id } }

  /// Notification templates that contact points use by name (`{{ template "websocket.title" . }}`).
  /// ```swift
  /// GrafanaAlerting(folder: "WebSocket").templates {
  ///   NotificationTemplate("websocket.title", #"{{ define "websocket.title" }}{{ .CommonLabels.alertname }}{{ end }}"#)
  /// }
  /// ```
  public func templates(@NotificationTemplateBuilder _ templates: () -> [NotificationTemplate]) -> GrafanaAlerting {
    with { $0.templates += templates() }
  }

  /// Evaluates every rule group at `interval` in Grafana, whatever the group's interval is for
  /// Prometheus: a 15s group (Prometheus' scrape interval) is no multiple of Grafana's 10s base
  /// interval. The recording rules, which Prometheus keeps, stay at their group's interval.
  /// ```swift
  /// GrafanaAlerting(folder: "WebSocket").evaluationInterval("30s")
  /// ```
  public func evaluationInterval(_ interval: PromDuration) -> GrafanaAlerting { with { $0.evaluationInterval = interval } }

  /// Leaves the Alertmanager config's inhibit rules out, knowingly: Grafana's file provisioning has
  /// no inhibition, so without this an inhibit rule is a diagnostic.
  /// ```swift
  /// GrafanaAlerting(folder: "WebSocket").withoutInhibitRules()
  /// ```
  public func withoutInhibitRules() -> GrafanaAlerting { with { $0.dropsInhibitRules = true } }
}
