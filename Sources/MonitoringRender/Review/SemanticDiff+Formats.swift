import MonitoringDSL

extension SemanticDiff {
  /// Dashboards whose formats changed (``DashboardFormat``: `grafana/dashboards/<slug>.json`,
  /// `grafana/dashboards-v2/<slug>.json`): one `formats` change each, and, when no format is on both
  /// sides, the old file compared with the new one by meaning, the v2 one read as its classic model
  /// (its missing `schemaVersion` the classic file's), so a spec moved to v2 and changed nowhere else
  /// reads as that one line. The paths of these files are returned, for the path-by-path comparison
  /// to skip.
  static func formatChanges(old: [String: String], new: [String: String]) -> (changes: [Change], handled: Set<String>) {
    var changes: [Change] = []
    var handled: Set<String> = []
    let classicPaths = Set(old.keys.compactMap(classicPath) + new.keys.compactMap(classicPath))
    for classic in classicPaths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let v2 = v2Path(ofClassic: classic)
      let before = formats(classic: old[classic], v2: old[v2])
      let after = formats(classic: new[classic], v2: new[v2])
      guard before != after, !before.isEmpty, !after.isEmpty else { continue }
      let shared = Set(before).intersection(after)
      let added = after.filter { !shared.contains($0) }
      let removed = before.filter { !shared.contains($0) }
      for format in added + removed { handled.insert(format == .v2 ? v2 : classic) }
      let anyText = new[classic] ?? new[v2] ?? ""
      let items = ReviewItems.items(path: classic, contents: classicText(anyText, schemaVersionOf: new[classic]))
      let dashboardPath = items.first?.path ?? [.file(classic)]
      changes.append(
        Change(
          kind: .changed, path: dashboardPath, field: "formats", old: before.map(\.rawValue).joined(separator: ", "),
          new: after.map(\.rawValue).joined(separator: ", "), identity: [classic]))
      guard shared.isEmpty, let oldFormat = removed.first, let newFormat = added.first else { continue }
      let oldText = (oldFormat == .v2 ? old[v2] : old[classic]) ?? ""
      let newText = (newFormat == .v2 ? new[v2] : new[classic]) ?? ""
      let reference = oldFormat == .classic ? oldText : newText
      changes += self.changes(
        old: ReviewItems.items(path: classic, contents: classicText(oldText, schemaVersionOf: reference)),
        new: ReviewItems.items(path: classic, contents: classicText(newText, schemaVersionOf: reference)))
    }
    return (changes, handled)
  }

  private static func formats(classic: String?, v2: String?) -> [DashboardFormat] {
    (classic == nil ? [] : [.classic]) + (v2 == nil ? [] : [.v2])
  }

  /// The classic path a dashboard file of either format stands for; `nil` for other files.
  private static func classicPath(_ path: String) -> String? {
    guard path.hasSuffix(".json") else { return nil }
    if path.contains(Renderer.dashboardsV2Folder + "/") {
      return path.replacing(Renderer.dashboardsV2Folder + "/", with: Renderer.dashboardsFolder + "/")
    }
    return path.contains(Renderer.dashboardsFolder + "/") ? path : nil
  }

  private static func v2Path(ofClassic path: String) -> String {
    path.replacing(Renderer.dashboardsFolder + "/", with: Renderer.dashboardsV2Folder + "/")
  }

  /// A dashboard file's text as the classic model: v2 read back, with `reference`'s schema version.
  private static func classicText(_ text: String, schemaVersionOf reference: String?) -> String {
    guard let model = try? JSONParser.parse(text), DashboardV2Reading.isResource(model) else { return text }
    let schemaVersion = reference.flatMap { try? JSONParser.parse($0) }?["schemaVersion"]?.integer
    return JSONWriter.write(DashboardV2Reading.classic(model, schemaVersion: schemaVersion ?? GrafanaTarget.grafana13.schemaVersion))
  }
}
