/// A link shown on a dashboard or a panel: a URL, or a list of dashboards found by tag.
/// ```swift
/// Link.url("Runbook", "https://runbooks.example.com/websocket", newTab: true)
/// Link.dashboards(tags: ["websocket"], title: "Related")
/// ```
public struct Link: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case url(String)
    case dashboards(tags: [String])
  }

  public var title: String
  public var kind: Kind
  public var tooltip: String = ""
  public var icon: String
  public var opensInNewTab = false
  public var includesVariables = false
  public var keepsTimeRange = false
  public var asDropdown = false

  public init(title: String, kind: Kind, icon: String) {
    self.title = title
    self.kind = kind
    self.icon = icon
  }

  public static func url(
    _ title: String, _ url: String, tooltip: String = "", newTab: Bool = false, includeVariables: Bool = false,
    keepTime: Bool = false
  ) -> Link {
    var link = Link(title: title, kind: .url(url), icon: "external link")
    link.tooltip = tooltip
    link.opensInNewTab = newTab
    link.includesVariables = includeVariables
    link.keepsTimeRange = keepTime
    return link
  }

  public static func dashboards(
    tags: [String], title: String = "Dashboards", asDropdown: Bool = true, includeVariables: Bool = true,
    keepTime: Bool = true
  ) -> Link {
    var link = Link(title: title, kind: .dashboards(tags: tags), icon: "external link")
    link.asDropdown = asDropdown
    link.includesVariables = includeVariables
    link.keepsTimeRange = keepTime
    return link
  }
}

@resultBuilder public enum LinkBuilder: ListBuilder { public typealias Element = Link }
