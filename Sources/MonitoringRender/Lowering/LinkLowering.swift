import MonitoringDSL

/// Dashboard and panel links share Grafana's `DashboardLink` shape.
enum LinkLowering {
  static func json(_ link: Link) -> JSONValue {
    var members: [String: JSONValue] = [
      "asDropdown": .bool(link.asDropdown),
      "icon": .string(link.icon),
      "includeVars": .bool(link.includesVariables),
      "keepTime": .bool(link.keepsTimeRange),
      "targetBlank": .bool(link.opensInNewTab),
      "title": .string(link.title),
      "tooltip": .string(link.tooltip),
    ]
    switch link.kind {
    case .url(let url):
      members["type"] = "link"
      members["url"] = .string(url)
      members["tags"] = []
    case .dashboards(let tags):
      members["type"] = "dashboards"
      members["tags"] = .array(tags.map(JSONValue.string))
    }
    return .object(members)
  }
}
