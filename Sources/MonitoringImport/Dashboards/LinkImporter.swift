import MonitoringDSL

/// Dashboard and panel links, and annotation queries, typed where the DSL's own constructors say
/// them exactly (the Swift printed is those constructors). A list is typed only if it lowers back to
/// the input as it is; otherwise the raw JSON carries it whole.
enum LinkImporter {
  static func links(_ json: JSONValue?) -> [Link] {
    var links: [Link] = []
    for entry in json?.elements ?? [] {
      let title = entry["title"]?.text ?? ""
      let flag = { (key: String) in entry[key] == .bool(true) }
      switch entry["type"]?.text {
      case "link":
        links.append(
          .url(
            title, entry["url"]?.text ?? "", tooltip: entry["tooltip"]?.text ?? "", newTab: flag("targetBlank"),
            includeVariables: flag("includeVars"), keepTime: flag("keepTime")))
      case "dashboards":
        links.append(
          .dashboards(
            tags: entry["tags"]?.elements.compactMap(\.text) ?? [], title: title, asDropdown: flag("asDropdown"),
            includeVariables: flag("includeVars"), keepTime: flag("keepTime")))
      default:
        return []
      }
    }
    return links
  }

  /// Prometheus annotation queries; Grafana's built-in one is always written by the DSL.
  static func annotations(_ json: JSONValue?) -> [Annotation] {
    var annotations: [Annotation] = []
    for entry in json?["list"]?.elements ?? [] where entry["builtIn"] == nil {
      guard let name = entry["name"]?.text, let expr = entry["expr"]?.text,
        let datasource = PanelImporter.datasource(entry["datasource"])
      else { return [] }
      annotations.append(
        Annotation(
          name, expr: expr, datasource: datasource, color: Color(rawValue: entry["iconColor"]?.text ?? "blue"),
          titleFormat: entry["titleFormat"]?.text.flatMap { $0.isEmpty ? nil : $0 },
          textFormat: entry["textFormat"]?.text.flatMap { $0.isEmpty ? nil : $0 },
          tagKeys: (entry["tagKeys"]?.text ?? "").split(separator: ",").map(String.init),
          step: entry["step"]?.text.map { PromDuration($0) }))
    }
    return annotations
  }
}
