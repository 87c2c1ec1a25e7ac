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

  /// Prometheus annotation queries and Grafana's own tagged annotations; Grafana's built-in entry is
  /// ``builtInAnnotation(_:)``.
  static func annotations(_ json: JSONValue?) -> [Annotation] {
    var annotations: [Annotation] = []
    for entry in json?["list"]?.elements ?? [] where entry["builtIn"] == nil {
      guard let name = entry["name"]?.text, let datasource = PanelImporter.datasource(entry["datasource"]) else { return [] }
      let color = Color(rawValue: entry["iconColor"]?.text ?? "blue")
      var annotation: Annotation
      if let target = entry["target"], target["type"]?.text == "tags" {
        annotation = Annotation.grafanaTags(
          name, tags: target["tags"]?.elements.compactMap(\.text) ?? [], matchAny: target["matchAny"] == .bool(true),
          limit: target["limit"]?.integer ?? 100, color: color
        ).datasource(datasource)
      } else if let expr = entry["expr"]?.text {
        annotation = Annotation(
          name, expr: expr, datasource: datasource, color: color,
          titleFormat: entry["titleFormat"]?.text.flatMap { $0.isEmpty ? nil : $0 },
          textFormat: entry["textFormat"]?.text.flatMap { $0.isEmpty ? nil : $0 },
          tagKeys: (entry["tagKeys"]?.text ?? "").split(separator: ",").map(String.init),
          step: entry["step"]?.text.map { PromDuration($0) })
      } else {
        return []
      }
      annotation.isEnabled = entry["enable"] != .bool(false)
      annotation.isHidden = entry["hide"] == .bool(true)
      annotations.append(annotation)
    }
    return annotations
  }

  /// Grafana's built-in entry: where it reads and the dashboard filter newer versions save with it.
  static func builtInAnnotation(_ json: JSONValue?) -> BuiltInAnnotation {
    guard let entry = json?["list"]?.elements.first(where: { $0["builtIn"] != nil }) else { return BuiltInAnnotation() }
    var builtIn = BuiltInAnnotation(datasource: PanelImporter.datasource(entry["datasource"]) ?? .grafana)
    if let target = entry["target"], target["type"]?.text == "dashboard" {
      builtIn.target = .init(
        limit: target["limit"]?.integer ?? 100, matchAny: target["matchAny"] == .bool(true),
        tags: target["tags"]?.elements.compactMap(\.text) ?? [])
    }
    return builtIn
  }
}
