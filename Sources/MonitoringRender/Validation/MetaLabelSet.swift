import MonitoringDSL

/// The `__meta_*` labels a set of discovery mechanisms attaches: exact names, name prefixes (a
/// Kubernetes label or annotation, Consul metadata, …), or anything (`open`: an HTTP endpoint or a
/// targets file `gen` does not write may attach labels of their own).
struct MetaLabelSet: Sendable {
  var names: Set<String> = []
  var prefixes: Set<String> = []
  var open = false

  init(names: Set<String> = [], prefixes: Set<String> = [], open: Bool = false) {
    self.names = names
    self.prefixes = prefixes
    self.open = open
  }

  static func + (lhs: MetaLabelSet, rhs: MetaLabelSet) -> MetaLabelSet {
    MetaLabelSet(names: lhs.names.union(rhs.names), prefixes: lhs.prefixes.union(rhs.prefixes), open: lhs.open || rhs.open)
  }

  func contains(_ label: String) -> Bool {
    open || names.contains(label) || prefixes.contains { label.hasPrefix($0) && label.count > $0.count }
  }

  /// Whether some label of the set starts with `prefix` (the literal start of a `labelmap` regex).
  func hasLabels(startingWith prefix: String) -> Bool {
    open || names.contains { $0.hasPrefix(prefix) } || prefixes.contains { $0.hasPrefix(prefix) || prefix.hasPrefix($0) }
  }

  /// The known label nearest to `label`: an exact name, or a prefix completed with the rest of
  /// `label` cut where the prefix ends (give or take two characters).
  func nearest(to label: String) -> String? {
    var candidates = names
    for prefix in prefixes {
      let (low, high) = (max(0, prefix.count - 2), min(label.count - 1, prefix.count + 2))
      guard low <= high else { continue }
      for cut in low...high { candidates.insert(prefix + label.dropFirst(cut)) }
    }
    return NearestName.nearest(to: label, in: candidates)
  }
}
