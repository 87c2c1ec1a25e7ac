import MonitoringDSL

/// Flattens a JSON or YAML value into `a.b[name].c: value` fields, the unit `gen diff` reports.
/// Lists of objects that carry a name (`name`, `refId`, `job_name`, …) are keyed by it, so adding
/// one element does not shift every other; lists of scalars stay one field, `[a, b]`.
enum ReviewFlattening {
  /// Keys that name an element of a list, in the order they are tried.
  static let elementKeys = ["name", "job_name", "refId", "alert", "record", "uid", "title", "id"]

  static func fields(_ value: JSONValue, prefix: String = "") -> [ReviewItem.Field] {
    var fields: [ReviewItem.Field] = []
    append(value, at: prefix, to: &fields)
    return fields
  }

  private static func append(_ value: JSONValue, at path: String, to fields: inout [ReviewItem.Field]) {
    switch value {
    case .object(let members):
      if members.isEmpty, !path.isEmpty { fields.append(.init(name: path, value: "{}")) }
      for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        append(members[key] ?? .null, at: path.isEmpty ? key : "\(path).\(key)", to: &fields)
      }
    case .array(let elements):
      if elements.allSatisfy(isScalar) {
        fields.append(.init(name: path, value: "[" + elements.map(text).joined(separator: ", ") + "]"))
      } else if let key = elementKey(elements) {
        for element in elements { append(element, at: "\(path)[\(element[key].map(text) ?? "")]", to: &fields) }
      } else {
        for (index, element) in elements.enumerated() { append(element, at: "\(path)[\(index)]", to: &fields) }
      }
    case .string(let text) where text.hasPrefix("{"):
      // A JSON document inside a string (a dashboard in a Kubernetes ConfigMap) compares member by member.
      if let document = try? JSONParser.parse(text), case .object = document {
        append(document, at: path, to: &fields)
      } else {
        fields.append(.init(name: path, value: Self.text(value)))
      }
    default:
      fields.append(.init(name: path, value: text(value)))
    }
  }

  /// The first key every element has, with values unique across the list.
  private static func elementKey(_ elements: [JSONValue]) -> String? {
    elementKeys.first { key in
      let names = elements.compactMap { $0[key].flatMap { isScalar($0) ? text($0) : nil } }
      return names.count == elements.count && Set(names).count == names.count
    }
  }

  private static func isScalar(_ value: JSONValue) -> Bool {
    switch value {
    case .array, .object: false
    default: true
    }
  }

  /// A scalar as a reviewer reads it: strings bare (quoted when empty), numbers in shortest form.
  static func text(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .string(let text): text.isEmpty ? "\"\"" : text
    case .array, .object:
      JSONWriter.write(value).split(separator: "\n").map { $0.drop(while: { $0 == " " }) }.joined(separator: " ")
    default: value.text ?? ""
    }
  }
}
