import MonitoringDSL

/// A transformation between the classic model (`{"id", "options", "disabled", "filter", "topic"}`)
/// and v2's `TransformationKind`, whose kind is the transformation id and whose spec is the classic object.
enum DashboardV2Transformation {
  static func kind(fromClassic transformation: JSONValue, path: [PathElement], index: Int, diagnostics: inout [Diagnostic]) -> JSONValue {
    var members = ClassicMembers(transformation)
    let id = members.take("id") ?? ""
    var spec: [String: JSONValue] = ["id": id, "options": members.take("options") ?? [:]]
    for key in ["disabled", "filter", "topic"] { members.move(key, to: &spec) }
    members.reportLeftover(
      "transformation key", at: path + [.transformation(index: index + 1, id: id.text ?? "")], into: &diagnostics)
    return DashboardV2.kind(id.text ?? "", spec)
  }
}
