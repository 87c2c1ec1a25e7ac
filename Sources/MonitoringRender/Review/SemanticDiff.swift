/// Compares two sets of output files as a reviewer would: item by item (panels by title, rules by
/// name, routes by matchers, jobs by name), field by field, with reorderings reported once as
/// moves. Files are `[path: contents]`, as `gen` writes them under the output folder.
/// ```swift
/// let changes = SemanticDiff.changes(old: committedFiles, new: renderedFiles)
/// print(ChangeReport.text(changes))
/// ```
public enum SemanticDiff {
  public static func changes(old: [String: String], new: [String: String]) -> [Change] {
    let (formatChanges, handled) = formatChanges(old: old, new: new)
    let paths = Set(old.keys).union(new.keys).subtracting(handled).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    return formatChanges + paths.flatMap { path in
      guard old[path] != new[path] else { return [Change]() }
      return changes(
        old: old[path].map { ReviewItems.items(path: path, contents: $0) } ?? [],
        new: new[path].map { ReviewItems.items(path: path, contents: $0) } ?? [])
    }
  }

  /// The changes between the items of one file: in the new file's order, removed items last.
  public static func changes(old: [ReviewItem], new: [ReviewItem]) -> [Change] {
    let oldByIdentity = Dictionary(old.map { ($0.identity, $0) }, uniquingKeysWith: { first, _ in first })
    let newIdentities = Set(new.map(\.identity))
    let added = Set(new.map(\.identity)).subtracting(oldByIdentity.keys)
    let removed = Set(oldByIdentity.keys).subtracting(newIdentities)
    let moved = movedIdentities(old: old, new: new, oldByIdentity: oldByIdentity)

    var changes: [Change] = []
    for item in new {
      guard let before = oldByIdentity[item.identity] else {
        // An item inside an added one (a panel of a new dashboard) is part of that addition.
        if !hasAncestor(item, in: added) { changes.append(Change(kind: .added, path: item.path, identity: item.identity)) }
        continue
      }
      if moved.contains(item.identity) {
        changes.append(Change(kind: .moved, path: item.path, old: place(before), new: place(item), identity: item.identity))
      }
      changes += fieldChanges(old: before.fields, new: item.fields, path: item.path, identity: item.identity)
    }
    for item in old where removed.contains(item.identity) && !hasAncestor(item, in: removed) {
      changes.append(Change(kind: .removed, path: item.path, identity: item.identity))
    }
    return changes
  }

  private static func hasAncestor(_ item: ReviewItem, in identities: Set<[String]>) -> Bool {
    var identity = item.identity
    while identity.count > 1 {
      identity.removeLast()
      if identities.contains(identity) { return true }
    }
    return false
  }

  /// Items that changed container, and within a container those outside the longest common
  /// order of the items on both sides: moving one panel up moves that panel, not its neighbours.
  private static func movedIdentities(old: [ReviewItem], new: [ReviewItem], oldByIdentity: [[String]: ReviewItem]) -> Set<[String]> {
    var moved = Set<[String]>()
    var oldOrder: [[String]: [[String]]] = [:]
    var newOrder: [[String]: [[String]]] = [:]
    let newIdentities = Set(new.map(\.identity))
    for item in new {
      guard let before = oldByIdentity[item.identity], let container = item.container else { continue }
      if before.container != container {
        moved.insert(item.identity)
      } else {
        newOrder[siblings(item), default: []].append(item.identity)
      }
    }
    let stayed = Set(newOrder.values.joined())
    for item in old.sorted(by: { $0.order < $1.order }) where stayed.contains(item.identity) && newIdentities.contains(item.identity) {
      oldOrder[siblings(item), default: []].append(item.identity)
    }
    for (key, order) in newOrder {
      for change in order.difference(from: oldOrder[key] ?? []) {
        if case .insert(_, let identity, _) = change { moved.insert(identity) }
      }
    }
    return moved
  }

  /// Items are ordered among those with the same parent and container.
  private static func siblings(_ item: ReviewItem) -> [String] { (item.parentIdentity ?? []) + [item.container ?? ""] }

  private static func place(_ item: ReviewItem) -> String {
    let container = item.container ?? ""
    return container.isEmpty ? "#\(item.order + 1)" : "\(container) #\(item.order + 1)"
  }

  private static func fieldChanges(
    old: [ReviewItem.Field], new: [ReviewItem.Field], path: [PathElement], identity: [String]
  ) -> [Change] {
    let oldValues = Dictionary(old.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    let newNames = Set(new.map(\.name))
    var changes: [Change] = []
    for field in new {
      switch oldValues[field.name] {
      case nil: changes.append(Change(kind: .added, path: path, field: field.name, new: field.value, identity: identity))
      case let value? where value != field.value:
        changes.append(Change(kind: .changed, path: path, field: field.name, old: value, new: field.value, identity: identity))
      default: break
      }
    }
    for field in old where !newNames.contains(field.name) {
      changes.append(Change(kind: .removed, path: path, field: field.name, old: field.value, identity: identity))
    }
    return changes
  }
}
