public import MonitoringDSL
public import Yams

/// Builds Yams nodes with our quoting and number policy, so configuration lowering never decides
/// how a scalar is spelled: strings that YAML would read as something else (`0.5`, `yes`, `''`)
/// are quoted by Yams' own representer, multi-line text becomes a literal block.
/// ```swift
/// let node = YAMLTree.mapping([("job_name", YAMLTree.string("app")), ("honor_labels", YAMLTree.bool(true))])
/// let text = YAMLTree.document(node)
/// ```
public enum YAMLTree {
  public static func string(_ text: String) -> Node {
    if text.contains("\n") { return Node(text, Tag(.str), .literal) }
    return (try? text.represented()) ?? Node(text, Tag(.str), .singleQuoted)
  }

  public static func int(_ number: Int) -> Node { Node(String(number), Tag(.int)) }

  public static func double(_ number: Double) -> Node { Node(JSONWriter.format(number), Tag(.float)) }

  public static func bool(_ flag: Bool) -> Node { Node(flag ? "true" : "false", Tag(.bool)) }

  public static func sequence(_ nodes: [Node]) -> Node { Node(nodes) }

  public static func strings(_ texts: [String]) -> Node { Node(texts.map(string)) }

  /// A mapping in the order given; pairs whose value is `nil` are left out.
  public static func mapping(_ pairs: [(String, Node?)]) -> Node {
    Node(pairs.compactMap { key, value in value.map { (string(key), $0) } })
  }

  /// A string-to-string mapping with keys in byte order.
  public static func sortedMapping(_ labels: [String: String]) -> Node {
    mapping(labels.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, string(labels[$0] ?? "")) })
  }

  /// A JSON value as YAML, object keys in byte order.
  public static func json(_ value: JSONValue) -> Node {
    switch value {
    case .null: Node("null", Tag(.null))
    case .bool(let flag): bool(flag)
    case .int(let number): int(number)
    case .double(let number): double(number)
    case .string(let text): string(text)
    case .array(let elements): sequence(elements.map(json))
    case .object(let members):
      mapping(members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, json(members[$0] ?? .null)) })
    }
  }

  /// The document text: block style, 2-space indent, no line folding, final newline.
  public static func document(_ root: Node) -> String {
    // Serialising a tree of plain nodes cannot fail; an empty string would fail the golden tests.
    (try? Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)) ?? ""
  }
}

extension YAMLTree {
  /// Reads a YAML document back as a JSON value (scalars typed by YAML's core schema, mapping order
  /// not kept): how `gen diff` compares configuration files semantically.
  /// ```swift
  /// let config = try YAMLTree.value(parsing: text)
  /// let interval = config["global"]?["scrape_interval"]
  /// ```
  public static func value(parsing text: String) throws -> JSONValue {
    guard let root = try Yams.compose(yaml: text) else { return .null }
    return value(of: root)
  }

  /// Every document of a YAML stream (`---` separated), as ``value(parsing:)`` reads one.
  public static func values(parsing text: String) throws -> [JSONValue] {
    try Yams.compose_all(yaml: text).map(value(of:))
  }

  /// The raw-JSON escape hatch on a YAML entry: unchanged without one, else the entry as a value,
  /// patched, written back (keys then in byte order).
  static func patched(_ node: Node, with item: some RawJSONCarrying) -> Node {
    guard item.hasRawJSON else { return node }
    return json(item.applyingRawJSON(to: value(of: node)))
  }

  /// A node as a JSON value, scalars typed by their tag.
  public static func value(of node: Node) -> JSONValue {
    switch node {
    case .scalar(let scalar):
      switch node.tag.description {
      case Tag.Name.null.rawValue: return .null
      case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
      case Tag.Name.int.rawValue: return node.int.map(JSONValue.int) ?? .string(scalar.string)
      case Tag.Name.float.rawValue: return node.float.map(JSONValue.double) ?? .string(scalar.string)
      default: return .string(scalar.string)
      }
    case .sequence(let sequence): return .array(sequence.map(value(of:)))
    case .mapping(let mapping):
      return .object(Dictionary(mapping.map { ($0.key.string ?? "\($0.key)", value(of: $0.value)) }, uniquingKeysWith: { _, last in last }))
    case .alias(let alias): return .string("*\(alias.anchor)")
    }
  }
}
