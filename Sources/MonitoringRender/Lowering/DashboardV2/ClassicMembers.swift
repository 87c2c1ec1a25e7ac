import MonitoringDSL

/// A classic JSON object read member by member while it is converted to the dashboard schema v2:
/// what no member took has no place in v2, and is reported rather than silently dropped.
struct ClassicMembers {
  private(set) var members: [String: JSONValue]

  init(_ value: JSONValue?) {
    if case .object(let members)? = value { self.members = members } else { self.members = [:] }
  }

  mutating func take(_ key: String) -> JSONValue? { members.removeValue(forKey: key) }

  /// Moves `key` into `spec` when present, else `fallback` when given.
  mutating func move(_ key: String, to spec: inout [String: JSONValue], default fallback: JSONValue? = nil) {
    if let value = take(key) ?? fallback { spec[key] = value }
  }

  /// One diagnostic naming every member left, e.g. `panel key "libraryPanel"`.
  func reportLeftover(_ what: String, at path: [PathElement], into diagnostics: inout [Diagnostic]) {
    guard !members.isEmpty else { return }
    let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\"\($0)\"" }
    diagnostics.append(
      Diagnostic(
        path: path,
        message: "the dashboard schema v2 (\(DashboardV2.apiVersion)) has no place for \(what) "
          + "\(keys.joined(separator: ", ")); write this dashboard in the classic format only (.formats([.classic]))"))
  }
}
