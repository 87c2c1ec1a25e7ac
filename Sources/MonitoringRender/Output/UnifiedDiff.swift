/// A line diff in unified format (`--- a/…`, `+++ b/…`, `@@ -l,n +l,n @@`), as `diff -u` prints it.
/// ```swift
/// let text = UnifiedDiff.render(old: committed, new: rendered, path: "grafana/dashboards/ops.json")
/// ```
public enum UnifiedDiff {
  enum Line: Equatable {
    case same(String)
    case removed(String)
    case added(String)
  }

  /// The diff, or an empty string when the texts are equal.
  public static func render(old: String, new: String, path: String, context: Int = 3) -> String {
    guard old != new else { return "" }
    let oldLines = lines(old)
    let newLines = lines(new)
    let script = editScript(old: oldLines, new: newLines)
    var output = "--- a/\(path)\n+++ b/\(path)\n"
    for hunk in hunks(script, context: context) { output += hunk }
    return output
  }

  private static func lines(_ text: String) -> [String] {
    var result = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if result.last == "" { result.removeLast() }
    return result
  }

  /// Interleaves removals and insertions from the standard library's Myers difference.
  static func editScript(old: [String], new: [String]) -> [Line] {
    let difference = new.difference(from: old)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var script: [Line] = []
    var oldIndex = 0
    var newIndex = 0
    while oldIndex < old.count || newIndex < new.count {
      if oldIndex < old.count, removed.contains(oldIndex) {
        script.append(.removed(old[oldIndex]))
        oldIndex += 1
      } else if newIndex < new.count, inserted.contains(newIndex) {
        script.append(.added(new[newIndex]))
        newIndex += 1
      } else {
        script.append(.same(old[oldIndex]))
        oldIndex += 1
        newIndex += 1
      }
    }
    return script
  }

  private static func hunks(_ script: [Line], context: Int) -> [String] {
    let changed = script.indices.filter { if case .same = script[$0] { false } else { true } }
    guard !changed.isEmpty else { return [] }
    // Group changes whose context windows touch.
    var ranges: [ClosedRange<Int>] = []
    for index in changed {
      let window = max(0, index - context)...min(script.count - 1, index + context)
      if let last = ranges.last, window.lowerBound <= last.upperBound + 1 {
        ranges[ranges.count - 1] = last.lowerBound...window.upperBound
      } else {
        ranges.append(window)
      }
    }
    return ranges.map { range in
      // Line numbers where the hunk starts in each file (1-based).
      var oldStart = 1
      var newStart = 1
      for line in script[..<range.lowerBound] {
        switch line {
        case .same: oldStart += 1; newStart += 1
        case .removed: oldStart += 1
        case .added: newStart += 1
        }
      }
      var oldCount = 0
      var newCount = 0
      var body = ""
      for line in script[range] {
        switch line {
        case .same(let text): oldCount += 1; newCount += 1; body += " \(text)\n"
        case .removed(let text): oldCount += 1; body += "-\(text)\n"
        case .added(let text): newCount += 1; body += "+\(text)\n"
        }
      }
      let oldHeader = oldCount == 0 ? "\(oldStart - 1),0" : "\(oldStart),\(oldCount)"
      let newHeader = newCount == 0 ? "\(newStart - 1),0" : "\(newStart),\(newCount)"
      return "@@ -\(oldHeader) +\(newHeader) @@\n" + body
    }
  }
}
