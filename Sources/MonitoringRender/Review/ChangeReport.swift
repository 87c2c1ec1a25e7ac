import MonitoringDSL

/// Prints ``Change``s for people and tools: text for terminals, Markdown for a pull request, JSON.
/// Changes to the same item are grouped under its path.
/// ```swift
/// print(ChangeReport.markdown(SemanticDiff.changes(old: base, new: rendered)))
/// ```
public enum ChangeReport {
  /// Values longer than this go on lines of their own, old above new.
  static let inlineWidth = 60

  /// ```
  /// environment "dev" › dashboard "Ops" › panel "CPU"
  ///   ~ unit: short → percent
  /// ```
  public static func text(_ changes: [Change]) -> String {
    guard !changes.isEmpty else { return "No changes.\n" }
    var output = ""
    for (path, group) in grouped(changes) {
      output += heading(path) + "\n"
      for change in group { output += line(change, indent: "  ", quote: { $0 }) }
    }
    return output + "\n" + summary(changes) + "\n"
  }

  /// A section to paste into a pull request: one bold heading per item, a bullet per change.
  public static func markdown(_ changes: [Change]) -> String {
    guard !changes.isEmpty else { return "No changes to the generated monitoring.\n" }
    var output = "### Monitoring changes\n\n" + summary(changes) + "\n"
    for (path, group) in grouped(changes) {
      output += "\n**\(escape(heading(path)))**\n\n"
      for change in group { output += line(change, indent: "- ", quote: code) }
    }
    return output
  }

  /// `{"changes": [{"kind", "path", "field", "old", "new"}], "count": n}`, keys sorted.
  public static func json(_ changes: [Change]) -> String {
    let list = changes.map { change -> JSONValue in
      var members: [String: JSONValue] = [
        "kind": .string(change.kind.rawValue), "path": .array(change.path.map { .string($0.description) }),
      ]
      if let field = change.field { members["field"] = .string(field) }
      if let old = change.old { members["old"] = .string(old) }
      if let new = change.new { members["new"] = .string(new) }
      return .object(members)
    }
    return JSONWriter.write(["changes": .array(list), "count": .int(changes.count)])
  }

  static func summary(_ changes: [Change]) -> String {
    let items = Set(changes.map(\.path)).count
    return "\(changes.count) change\(changes.count == 1 ? "" : "s") in \(items) item\(items == 1 ? "" : "s")."
  }

  /// Consecutive changes of the same item, in order.
  private static func grouped(_ changes: [Change]) -> [(path: [PathElement], changes: [Change])] {
    var groups: [(path: [PathElement], changes: [Change])] = []
    for change in changes {
      if groups.last?.path == change.path {
        groups[groups.count - 1].changes.append(change)
      } else {
        groups.append((change.path, [change]))
      }
    }
    return groups
  }

  private static func heading(_ path: [PathElement]) -> String { path.map(\.description).joined(separator: " › ") }

  private static func line(_ change: Change, indent: String, quote: (String) -> String) -> String {
    let marker = indent == "- " ? "" : "\(symbol(change.kind)) "
    guard let field = change.field else {
      switch change.kind {
      case .moved: return "\(indent)\(marker)moved: \(change.old ?? "") → \(change.new ?? "")\n"
      default: return "\(indent)\(marker)\(change.kind.rawValue)\n"
      }
    }
    let old = change.old ?? ""
    let new = change.new ?? ""
    switch change.kind {
    case .changed where old.count + new.count > inlineWidth:
      let continuation = String(repeating: " ", count: indent.count + 2)
      return "\(indent)\(marker)\(field):\n\(continuation)- \(quote(old))\n\(continuation)+ \(quote(new))\n"
    case .changed: return "\(indent)\(marker)\(field): \(quote(old)) → \(quote(new))\n"
    case .added: return "\(indent)\(marker)\(label(field, "added", value: new, quote: quote))\n"
    case .removed: return "\(indent)\(marker)\(label(field, "removed", value: old, quote: quote))\n"
    case .moved: return "\(indent)\(marker)\(field): moved\n"
    }
  }

  /// `field: value (added)`, or just the line for the line-by-line fields of text files.
  private static func label(_ field: String, _ what: String, value: String, quote: (String) -> String) -> String {
    value.isEmpty ? "\(what): \(quote(field))" : "\(field): \(quote(value)) (\(what))"
  }

  private static func symbol(_ kind: Change.Kind) -> String {
    switch kind {
    case .added: "+"
    case .removed: "-"
    case .moved: "↕"
    case .changed: "~"
    }
  }

  /// Inline code that survives backticks in the value.
  private static func code(_ text: String) -> String {
    let fence = text.contains("`") ? "``" : "`"
    return "\(fence)\(text.isEmpty ? " " : text)\(fence)"
  }

  private static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if "\\`*_[]<>|".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
