extension JSONValue {
  /// The value without the member at `path` (object keys from the top); unchanged when absent.
  /// ```swift
  /// panel.removing(path: ["options", "legend", "calcs"])
  /// ```
  public func removing(path: [String]) -> JSONValue {
    guard let key = path.first, case .object(var members) = self else { return self }
    if path.count == 1 {
      members[key] = nil
    } else if let member = members[key] {
      members[key] = member.removing(path: Array(path.dropFirst()))
    }
    return .object(members)
  }

  /// The raw-JSON escape hatch applied: `extra` merged in (``merging(_:)``), then `removals` taken out.
  /// ```swift
  /// let lowered = tree.patched(merging: ["options": ["legend": ["sortBy": "Max"]]], removing: [["pluginVersion"]])
  /// ```
  public func patched(merging extra: JSONValue?, removing removals: [[String]]) -> JSONValue {
    removals.reduce(extra.map(merging) ?? self) { value, path in value.removing(path: path) }
  }
}
