import MonitoringDSL
import Yams

/// Reads an output file into the items a reviewer recognises: dashboards into rows, panels and
/// queries; rule files into groups and rules; Prometheus configs into settings and scrape jobs;
/// Alertmanager configs into settings, routes, receivers and inhibit rules. Any other JSON or YAML
/// file is one item per document, and text files compare line by line.
/// ```swift
/// let items = ReviewItems.items(path: "dev/prometheus/rules/app.rules.yml", contents: text)
/// ```
public enum ReviewItems {
  public static func items(path: String, contents: String) -> [ReviewItem] {
    let components = path.split(separator: "/").map(String.init)
    // Output paths start with the environment's folder (`dev/…`).
    let root: [PathElement] = components.count > 1 ? [.environment(components[0])] : []
    let local = components.dropFirst(root.count).joined(separator: "/")
    let name = components.last ?? path
    let isYAML = name.hasSuffix(".yml") || name.hasSuffix(".yaml")
    if local.hasPrefix(Renderer.dashboardsFolder + "/") || local.hasPrefix(Renderer.dashboardsV2Folder + "/"), name.hasSuffix(".json"),
      let model = try? JSONParser.parse(contents), let snapshot = try? DashboardSnapshot(model)
    {
      return dashboard(snapshot, file: path, root: root)
    }
    if isYAML, let documents = try? YAMLTree.values(parsing: contents) {
      if documents.count == 1, let document = documents.first {
        if local.hasPrefix("prometheus/rules/"), document["groups"] != nil {
          return rules(document, file: path, root: root + [.rules(name)])
        }
        if local.hasPrefix("alertmanager/"), document["route"] != nil {
          return alertmanager(document, file: path, root: root + [.alertmanager(name)])
        }
        if local.hasPrefix("prometheus/"), document["scrape_configs"] != nil || document["global"] != nil {
          return prometheus(document, file: path, root: root + [.prometheus(name)])
        }
      }
      return generic(documents, file: path, root: root + [.file(local)])
    }
    if name.hasSuffix(".json"), let model = try? JSONParser.parse(contents) {
      return generic([model], file: path, root: root + [.file(local)])
    }
    let lines = contents.split(separator: "\n").map { ReviewItem.Field(name: String($0), value: "") }
    return [ReviewItem(identity: [path], path: root + [.file(local)], container: nil, order: 0, fields: lines)]
  }

  // MARK: Dashboards

  static func dashboard(_ snapshot: DashboardSnapshot, file: String, root: [PathElement]) -> [ReviewItem] {
    let dashboardPath = root + [.dashboard(snapshot.title)]
    var items = [
      ReviewItem(
        identity: [file], path: dashboardPath, container: nil, order: 0,
        fields: ReviewFlattening.fields(snapshot.settings.removing(["id", "version"])))
    ]
    let keys = panelKeys(snapshot)
    for (rowIndex, row) in snapshot.rows.enumerated() {
      let rowPath = row.title.map { dashboardPath + [.row($0)] } ?? dashboardPath
      if let title = row.title {
        items.append(
          ReviewItem(
            identity: [file, "row \(title)"], path: rowPath, container: "", order: rowIndex,
            fields: [.init(name: "collapsed", value: String(row.collapsed))]))
      }
      for (panelIndex, panel) in row.panels.enumerated() {
        let key = keys[rowIndex][panelIndex]
        let panelPath = rowPath + [.panel(panel.title)]
        items.append(
          ReviewItem(
            identity: [file, key], path: panelPath, container: row.title.map { "row \"\($0)\"" } ?? "top", order: panelIndex,
            fields: panelFields(panel)))
        for (queryIndex, target) in panel.targets.enumerated() {
          let refID = target["refId"]?.text ?? String(queryIndex)
          items.append(
            ReviewItem(
              identity: [file, key, "query \(refID)"], path: panelPath + [.query(refID)], container: nil, order: queryIndex,
              fields: ReviewFlattening.fields(target.removing(["refId"]))))
        }
      }
    }
    return items
  }

  /// A key per panel that survives moves: its title, numbered when the title repeats.
  static func panelKeys(_ snapshot: DashboardSnapshot) -> [[String]] {
    var seen: [String: Int] = [:]
    let total = Dictionary(snapshot.rows.flatMap(\.panels).map { ($0.title, 1) }, uniquingKeysWith: +)
    return snapshot.rows.map { row in
      row.panels.map { panel in
        seen[panel.title, default: 0] += 1
        let occurrence = seen[panel.title] ?? 1
        return (total[panel.title] ?? 0) > 1 ? "panel \(panel.title) #\(occurrence)" : "panel \(panel.title)"
      }
    }
  }

  /// What a reviewer looks for first — kind, unit, thresholds, size — then everything else.
  private static func panelFields(_ panel: DashboardSnapshot.Panel) -> [ReviewItem.Field] {
    var fields = [
      ReviewItem.Field(name: "type", value: panel.type),
      ReviewItem.Field(name: "size", value: "\(panel.grid.w)×\(panel.grid.h)"),
    ]
    if let unit = panel.unit { fields.append(.init(name: "unit", value: unit)) }
    let steps = panel.thresholdSteps
    if !steps.isEmpty {
      let text = steps.map { step in step.value.map { "\(step.color) \(JSONWriter.format($0))" } ?? step.color }
      fields.append(.init(name: "thresholds", value: text.joined(separator: ", ")))
    }
    let shown: Set = ["title", "type", "fieldConfig.defaults.unit"]
    let rest = ReviewFlattening.fields(panel.body).filter { field in
      !shown.contains(field.name) && !field.name.hasPrefix("fieldConfig.defaults.thresholds.steps")
    }
    return fields + rest
  }

  // MARK: Rules

  static func rules(_ document: JSONValue, file: String, root: [PathElement]) -> [ReviewItem] {
    let groups = document["groups"]?.elements ?? []
    func key(_ rule: JSONValue) -> (key: String, name: String, isAlert: Bool) {
      let isAlert = rule["alert"] != nil
      let name = (isAlert ? rule["alert"] : rule["record"])?.text ?? ""
      // The same alert name often comes twice, once per severity.
      return ("\(isAlert ? "alert" : "record") \(name) \(rule["labels"]?["severity"]?.text ?? "")", name, isAlert)
    }
    // A rule is matched by its name wherever its group is, so a move between groups reads as a move;
    // a name several groups use (each SLO's group records slo:sli_error:ratio_rate5m) is matched
    // within its group, as Prometheus lists groups in its own order.
    var groupsByKey: [String: Set<String>] = [:]
    for (groupIndex, group) in groups.enumerated() {
      for rule in group["rules"]?.elements ?? [] { groupsByKey[key(rule).key, default: []].insert(group["name"]?.text ?? String(groupIndex)) }
    }
    var items: [ReviewItem] = []
    var seen: [String: Int] = [:]
    for (groupIndex, group) in groups.enumerated() {
      let groupName = group["name"]?.text ?? String(groupIndex)
      let groupPath = root + [.group(groupName)]
      items.append(
        ReviewItem(
          identity: [file, "group \(groupName)"], path: groupPath, container: nil, order: groupIndex,
          fields: ReviewFlattening.fields(group.removing(["name", "rules"]))))
      for (ruleIndex, rule) in (group["rules"]?.elements ?? []).enumerated() {
        let (ruleKey, name, isAlert) = key(rule)
        let identity = (groupsByKey[ruleKey]?.count ?? 0) > 1 ? "\(ruleKey) in group \(groupName)" : ruleKey
        seen[identity, default: 0] += 1
        items.append(
          ReviewItem(
            identity: [file, "\(identity) #\(seen[identity] ?? 1)"], path: groupPath + [isAlert ? .alert(name) : .record(name)],
            container: "group \"\(groupName)\"", order: ruleIndex, fields: ReviewFlattening.fields(rule.removing(["alert", "record"]))))
      }
    }
    return items
  }

  // MARK: Prometheus

  static func prometheus(_ document: JSONValue, file: String, root: [PathElement]) -> [ReviewItem] {
    var items = [
      ReviewItem(
        identity: [file], path: root, container: nil, order: 0,
        fields: ReviewFlattening.fields(document.removing(["scrape_configs"])))
    ]
    for (index, job) in (document["scrape_configs"]?.elements ?? []).enumerated() {
      let name = job["job_name"]?.text ?? String(index)
      items.append(
        ReviewItem(
          identity: [file, "job \(name)"], path: root + [.scrapeJob(name)], container: "", order: index,
          fields: ReviewFlattening.fields(job.removing(["job_name"]))))
    }
    return items
  }

  // MARK: Alertmanager

  static func alertmanager(_ document: JSONValue, file: String, root: [PathElement]) -> [ReviewItem] {
    var items = [
      ReviewItem(
        identity: [file], path: root, container: nil, order: 0,
        fields: ReviewFlattening.fields(document.removing(["route", "receivers", "inhibit_rules"])))
    ]
    if let route = document["route"] { routes(route, chain: [], order: 0, file: file, root: root, into: &items) }
    for (index, receiver) in (document["receivers"]?.elements ?? []).enumerated() {
      let name = receiver["name"]?.text ?? String(index)
      items.append(
        ReviewItem(
          identity: [file, "receiver \(name)"], path: root + [.receiver(name)], container: "", order: index,
          fields: ReviewFlattening.fields(receiver.removing(["name"]))))
    }
    for (index, rule) in (document["inhibit_rules"]?.elements ?? []).enumerated() {
      let name = "inhibit \(matchers(rule["source_matchers"])) → \(matchers(rule["target_matchers"]))"
      items.append(
        ReviewItem(
          identity: [file, name], path: root + [.field(name)], container: "", order: index,
          fields: ReviewFlattening.fields(rule.removing(["source_matchers", "target_matchers"]))))
    }
    return items
  }

  /// A route is named by its matchers below the root's (`{severity="critical"} › {team="db"}`);
  /// the order among siblings matters to Alertmanager, so it is the route's `order`.
  private static func routes(
    _ route: JSONValue, chain: [String], order: Int, file: String, root: [PathElement], into items: inout [ReviewItem]
  ) {
    let name = chain.isEmpty ? "root" : chain.joined(separator: " › ")
    items.append(
      ReviewItem(
        identity: [file, "route \(name)"], path: root + [.route(name)],
        container: chain.isEmpty ? nil : "route \(chain.dropLast().joined(separator: " › "))", order: order,
        fields: ReviewFlattening.fields(route.removing(["routes", "matchers"]))))
    for (index, child) in (route["routes"]?.elements ?? []).enumerated() {
      routes(child, chain: chain + [matchers(child["matchers"])], order: index, file: file, root: root, into: &items)
    }
  }

  private static func matchers(_ value: JSONValue?) -> String {
    "{" + (value?.elements ?? []).map { ReviewFlattening.text($0) }.joined(separator: ", ") + "}"
  }

  // MARK: Anything else

  /// One item per document; several documents (Kubernetes manifests) are named `Kind/name`.
  static func generic(_ documents: [JSONValue], file: String, root: [PathElement]) -> [ReviewItem] {
    guard documents.count > 1 else {
      return [ReviewItem(identity: [file], path: root, container: nil, order: 0, fields: ReviewFlattening.fields(documents.first ?? .null))]
    }
    return documents.enumerated().map { index, document in
      let name = [document["kind"]?.text, document["metadata"]?["name"]?.text].compactMap { $0 }.joined(separator: "/")
      let label = name.isEmpty ? "document \(index + 1)" : name
      return ReviewItem(
        identity: [file, label], path: root + [.field(label)], container: "", order: index,
        fields: ReviewFlattening.fields(document))
    }
  }
}

extension JSONValue {
  /// The object without `keys`; anything else unchanged.
  func removing(_ keys: [String]) -> JSONValue {
    guard case .object(var members) = self else { return self }
    for key in keys { members[key] = nil }
    return .object(members)
  }
}
