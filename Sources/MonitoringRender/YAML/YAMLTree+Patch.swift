public import MonitoringDSL
public import Yams

extension YAMLTree {
  /// A lowered node with a value's raw escape hatch applied (``RawYAMLPatching``): read as a JSON
  /// value, patched with ``JSONValue/patched(merging:removing:)``, written back keeping the lowered
  /// key order (new keys after it, in byte order). Unchanged when the value has no patch.
  /// ```swift
  /// let node = YAMLTree.patched(lowered, by: job)
  /// ```
  public static func patched(_ node: Node, by value: some RawYAMLPatching) -> Node {
    guard value.extraJSON != nil || !value.removedJSON.isEmpty, let lowered = try? self.value(parsing: document(node)) else {
      return node
    }
    return ordered(lowered.patched(merging: value.extraJSON, removing: value.removedJSON), like: node)
  }

  /// `value` as YAML, its mappings in the key order of `node` where `node` has them.
  private static func ordered(_ value: JSONValue, like node: Node) -> Node {
    switch (value, node) {
    case (.object(let members), .mapping(let mapping)):
      let known = mapping.keys.compactMap(\.string).filter { members[$0] != nil }
      let added = members.keys.filter { !known.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return self.mapping(
        known.map { key in (key, mapping[key].map { ordered(members[key] ?? .null, like: $0) }) }
          + added.map { ($0, json(members[$0] ?? .null)) })
    case (.array(let elements), .sequence(let sequence)):
      return self.sequence(
        elements.enumerated().map { index, element in index < sequence.count ? ordered(element, like: sequence[index]) : json(element) })
    default:
      return json(value)
    }
  }
}
