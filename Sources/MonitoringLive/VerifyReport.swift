import Foundation
import MonitoringDSL
import MonitoringRender

/// The matrix `gen verify` prints: one line per checked item with its status and what was found,
/// then a count per status. Text for terminals, Markdown for a pull request or wiki, JSON for tools.
/// ```swift
/// print(VerifyReport.text(results))
/// // data   dashboard "Ops" › panel "Messages" › query A   2 series, result 1
/// ```
public enum VerifyReport {
  public static func text(_ results: [VerifyResult]) -> String {
    let paths = results.map { path($0.item.path) }
    let width = paths.map(\.count).max() ?? 0
    let statusWidth = results.map(\.status.rawValue.count).max() ?? 0
    var output = ""
    for (result, path) in zip(results, paths) {
      let status = result.status.rawValue.padding(toLength: statusWidth, withPad: " ", startingAt: 0)
      output += "\(status)  \(path.padding(toLength: width, withPad: " ", startingAt: 0))  \(result.detail)\n"
    }
    return output + "\n" + summary(results) + "\n"
  }

  public static func markdown(_ results: [VerifyResult]) -> String {
    var output = "### Verified against the live servers\n\n" + summary(results) + "\n\n| status | item | found |\n|---|---|---|\n"
    for result in results {
      output += "| \(result.status.rawValue) | \(escape(path(result.item.path))) | \(escape(result.detail)) |\n"
    }
    return output
  }

  /// `{"count", "findings", "results": [{"status", "path", "kind", "expr", "detail", "series", "resultSeries"}]}`, keys sorted.
  public static func json(_ results: [VerifyResult]) -> String {
    let list = results.map { result -> JSONValue in
      var members: [String: JSONValue] = [
        "status": .string(result.status.rawValue), "path": .array(result.item.path.map { .string($0.description) }),
        "kind": .string(result.item.kind.rawValue), "expr": .string(result.item.expr), "detail": .string(result.detail),
        "series": .int(result.series),
      ]
      if let resultSeries = result.resultSeries { members["resultSeries"] = .int(resultSeries) }
      return .object(members)
    }
    let findings = results.filter(\.status.isFinding).count
    return JSONWriter.write(.object(["count": .int(results.count), "findings": .int(findings), "results": .array(list)]))
  }

  /// `24 checked: 22 with data, 1 empty, 1 wrong`.
  static func summary(_ results: [VerifyResult]) -> String {
    let order: [VerifyResult.Status] = [.data, .expectedEmpty, .empty, .wrong, .error]
    let counts = order.compactMap { status -> String? in
      let count = results.filter { $0.status == status }.count
      guard count > 0 else { return nil }
      return status == .data ? "\(count) with data" : "\(count) \(status.rawValue)"
    }
    return "\(results.count) checked: " + (counts.isEmpty ? "nothing" : counts.joined(separator: ", "))
  }

  static func path(_ elements: [PathElement]) -> String { elements.map(\.description).joined(separator: " › ") }

  private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
