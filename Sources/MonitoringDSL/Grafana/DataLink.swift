/// A link on a panel's values (`fieldConfig.defaults.links`): Grafana offers it when a value is
/// clicked, with `${__field.labels.pod}`, `${__value.raw}` and the dashboard's variables filled in.
/// ```swift
/// Table("Pods") { Query("kube_pod_info") }
///   .dataLinks {
///     DataLink("Pod details", url: "/d/k8s-pod?var-pod=${__field.labels.pod}&${__url_time_range}")
///   }
/// ```
public struct DataLink: Hashable, Sendable {
  public var title: String
  public var url: String
  /// Opens the link in a new tab; without a value, not written (same tab).
  public var opensInNewTab: Bool?

  public init(_ title: String, url: String, newTab: Bool? = nil) {
    self.title = title
    self.url = url
    self.opensInNewTab = newTab
  }
}

@resultBuilder public enum DataLinkBuilder: ListBuilder { public typealias Element = DataLink }
