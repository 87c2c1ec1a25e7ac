import MonitoringDSL

/// The smallest raw-JSON change that turns what the DSL lowers into what the input holds: members
/// to merge in (``JSONValue/merging(_:)``) and member paths to take out. Applied with
/// ``JSONValue/patched(merging:removing:)`` it gives the input exactly.
struct JSONPatch: Equatable {
  var merge: JSONValue?
  var removals: [[String]] = []

  var isEmpty: Bool { merge == nil && removals.isEmpty }

  /// The paths the patch touches, dotted, for the importer's notes.
  var paths: [String] {
    var paths: [String] = []
    func walk(_ value: JSONValue, _ prefix: [String]) {
      if case .object(let members) = value, !members.isEmpty {
        for key in members.keys.sorted() { walk(members[key] ?? .null, prefix + [key]) }
      } else {
        paths.append(prefix.joined(separator: "."))
      }
    }
    if let merge { walk(merge, []) }
    return paths + removals.map { "-" + $0.joined(separator: ".") }
  }

  /// Compares `lowered` with `input`: objects member by member, anything else as a whole (merging
  /// replaces lists and scalars). Members under `skipping` are left to a finer patch.
  init(from lowered: JSONValue, to input: JSONValue, skipping skipped: Set<String> = []) {
    guard case .object(let mine) = lowered, case .object(let theirs) = input else {
      if !Self.same(lowered, input) { merge = input }
      return
    }
    var merge: [String: JSONValue] = [:]
    for key in mine.keys.sorted() where theirs[key] == nil && !skipped.contains(key) { removals.append([key]) }
    for key in theirs.keys.sorted() where !skipped.contains(key) {
      guard let value = theirs[key] else { continue }
      guard let current = mine[key] else {
        merge[key] = value
        continue
      }
      guard !Self.same(current, value) else { continue }
      if case .object = current, case .object = value {
        let inner = JSONPatch(from: current, to: value)
        if let innerMerge = inner.merge { merge[key] = innerMerge }
        removals += inner.removals.map { [key] + $0 }
      } else {
        merge[key] = value
      }
    }
    self.merge = merge.isEmpty ? nil : .object(merge)
  }

  init() {}

  /// Equal as JSON: numbers by value (`10` and `10.0` are one number in JSON), the rest by structure.
  static func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
    switch (left, right) {
    case (.int, .double), (.double, .int): left.number == right.number
    case (.array(let a), .array(let b)): a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
    case (.object(let a), .object(let b)):
      a.count == b.count && a.allSatisfy { key, value in b[key].map { same(value, $0) } ?? false }
    default: left == right
    }
  }
}
