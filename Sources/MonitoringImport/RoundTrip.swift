import MonitoringDSL
import MonitoringRender

/// The round trip's comparison: both files read as values (so key order and spelling of numbers
/// do not matter), then compared member by member; lists compare whole, as Grafana and the
/// Prometheus tools read them in order.
/// ```swift
/// let paths = RoundTrip.differences(expected: inputText, rendered: outputText, yaml: false)   // [] when exact
/// ```
public enum RoundTrip {
  public static func differences(expected: String, rendered: String, yaml: Bool) -> [String] {
    let read: (String) -> JSONValue? = { text in
      yaml ? try? YAMLTree.value(parsing: text) : try? JSONParser.parse(text)
    }
    guard let expected = read(expected) else { return ["(the expected file does not parse)"] }
    guard let rendered = read(rendered) else { return ["(the rendered file does not parse)"] }
    var paths: [String] = []
    compare(expected, rendered, at: "", into: &paths)
    return paths
  }

  /// Every place the two values differ: members by name, list elements by position.
  static func compare(_ expected: JSONValue, _ rendered: JSONValue, at path: String, into paths: inout [String]) {
    guard !JSONPatch.same(expected, rendered) else { return }
    switch (expected, rendered) {
    case (.object(let theirs), .object(let ours)):
      for key in Set(theirs.keys).union(ours.keys).sorted() {
        let inner = path.isEmpty ? key : "\(path).\(key)"
        switch (theirs[key], ours[key]) {
        case (let value?, nil): paths.append("\(inner) missing (expected \(short(value)))")
        case (nil, let value?): paths.append("\(inner) extra (\(short(value)))")
        case (let left?, let right?): compare(left, right, at: inner, into: &paths)
        case (nil, nil): break
        }
      }
    case (.array(let theirs), .array(let ours)) where theirs.count == ours.count:
      for index in theirs.indices { compare(theirs[index], ours[index], at: "\(path)[\(index)]", into: &paths) }
    default:
      paths.append("\(path): expected \(short(expected)), rendered \(short(rendered))")
    }
  }

  private static func short(_ value: JSONValue) -> String {
    let text: String
    switch value {
    case .array(let elements): text = "\(elements.count) elements"
    case .object(let members): text = "object of \(members.count) members"
    case .string(let string): text = "\"\(string)\""
    default: text = value.text ?? "null"
    }
    return text.count > 60 ? String(text.prefix(57)) + "…" : text
  }
}
