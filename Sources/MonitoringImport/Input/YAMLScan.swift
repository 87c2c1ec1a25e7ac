// libyaml, as Yams bundles it: its events are the one view of a YAML document before Yams builds
// nodes (and hashes mapping keys, which expands an alias used as a key).
internal import CYaml

/// A pass over the parser's events, before any node is built, that checks a YAML document against
/// ``ImportLimits`` and finds keys given twice in one mapping. Aliases are counted, not expanded:
/// each anchor's node records its size and height when it ends, and an alias adds those, so an alias
/// bomb is refused after reading its text once. A document that is not YAML passes: Yams reports that.
/// ```swift
/// if let problem = YAMLScan.problem(in: text, limits: .default) { print(problem) }
/// ```
struct YAMLScan {
  /// An open sequence or mapping.
  private struct Frame {
    var isMapping: Bool
    var anchor: String?
    /// Nodes in it so far, itself and aliases expanded included.
    var size = 1
    /// The height of its tallest child so far.
    var childHeight = 0
    /// In a mapping: whether the next node is a key.
    var expectsKey = true
    /// In a mapping: the scalar keys so far and where each is.
    var keys: [String: (line: Int, column: Int)] = [:]
  }

  /// What an anchor's node amounts to: its nodes with aliases expanded, its height, its text if a scalar.
  private struct Anchored {
    var size: Int
    var height: Int
    var scalar: String?
  }

  private let limits: ImportLimits
  private var stack: [Frame] = []
  private var anchors: [String: Anchored] = [:]
  private var nodes = 0
  private var aliases = 0

  private init(limits: ImportLimits) { self.limits = limits }

  /// Why the document is refused (`line 3, column 5: …` where a place says it), or `nil`.
  static func problem(in text: String, limits: ImportLimits) -> String? {
    var text = text
    return text.withUTF8 { buffer -> String? in
      guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return nil }
      defer { yaml_parser_delete(&parser) }
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, base, buffer.count)
      var scan = YAMLScan(limits: limits)
      while true {
        var event = yaml_event_t()
        // Not YAML: Yams says where when it parses. libyaml refuses more than 1 000 levels itself,
        // possibly before the events get that deep (it reads ahead in flow collections).
        guard yaml_parser_parse(&parser, &event) == 1 else { return nestingProblem(parser, limits: limits) }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil }
        if let problem = scan.take(event) { return problem }
      }
    }
  }

  /// When libyaml stopped at its own nesting limit, the error of ours it stands for.
  private static func nestingProblem(_ parser: yaml_parser_t, limits: ImportLimits) -> String? {
    guard let problem = parser.problem, String(cString: problem).contains("nesting level") else { return nil }
    let depth = min(limits.depth, libyamlDepth)
    let line = parser.problem_mark.line + 1
    let column = parser.problem_mark.column + 1
    return "line \(line), column \(column): the YAML document nests deeper than \(depth) levels; gen import refuses it"
  }

  /// The nesting libyaml refuses on its own (`MAX_NESTING_LEVEL`).
  static let libyamlDepth = 1000

  private mutating func take(_ event: yaml_event_t) -> String? {
    let line = event.start_mark.line + 1
    let column = event.start_mark.column + 1
    let at = "line \(line), column \(column)"
    switch event.type {
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      if let problem = key(value, line: line, column: column) { return problem }
      if let problem = count(1) { return problem }
      if let problem = checkDepth(stack.count + 1, at: at, through: nil) { return problem }
      let anchor = Self.text(scalar.anchor)
      if let anchor { anchors[anchor] = Anchored(size: 1, height: 1, scalar: value) }
      addToParent(size: 1, height: 1)
    case YAML_ALIAS_EVENT:
      aliases += 1
      guard aliases <= limits.yamlAliases else {
        return "\(at): the YAML document has more than \(limits.yamlAliases) aliases; gen import refuses it"
      }
      // An undefined alias is Yams' error to report.
      guard let name = Self.text(event.data.alias.anchor), let anchored = anchors[name] else { return nil }
      if let problem = key(anchored.scalar, line: line, column: column) { return problem }
      if let problem = count(anchored.size) { return problem }
      if let problem = checkDepth(stack.count + anchored.height, at: at, through: name) { return problem }
      addToParent(size: anchored.size, height: anchored.height)
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      if let problem = key(nil, line: line, column: column) { return problem }
      if let problem = count(1) { return problem }
      if let problem = checkDepth(stack.count + 1, at: at, through: nil) { return problem }
      let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
      stack.append(Frame(isMapping: isMapping, anchor: anchor))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast() else { return nil }
      let height = frame.childHeight + 1
      if let anchor = frame.anchor { anchors[anchor] = Anchored(size: frame.size, height: height, scalar: nil) }
      addToParent(size: frame.size, height: height)
    default:
      break
    }
    return nil
  }

  /// A node starts: in a mapping that expects a key it is one, checked against the keys before it
  /// when it is a scalar (`text`; an alias of a scalar gives the scalar's text).
  private mutating func key(_ text: String?, line: Int, column: Int) -> String? {
    guard let top = stack.indices.last, stack[top].isMapping else { return nil }
    defer { stack[top].expectsKey.toggle() }
    guard stack[top].expectsKey, let text else { return nil }
    if let first = stack[top].keys.updateValue((line, column), forKey: text) {
      return "line \(line), column \(column): duplicate key \"\(text)\" (first at line \(first.line), column \(first.column))"
    }
    return nil
  }

  private mutating func count(_ added: Int) -> String? {
    nodes += added
    guard nodes > limits.yamlNodes else { return nil }
    let cause = aliases > 0 ? "expands to more than \(limits.yamlNodes) nodes (aliases multiply it)" : "has more than \(limits.yamlNodes) nodes"
    return "the YAML document \(cause); gen import refuses it"
  }

  private func checkDepth(_ depth: Int, at: String, through alias: String?) -> String? {
    guard depth > limits.depth else { return nil }
    let how = alias.map { " through the alias *\($0)" } ?? ""
    return "\(at): the YAML document nests deeper than \(limits.depth) levels\(how); gen import refuses it"
  }

  private mutating func addToParent(size: Int, height: Int) {
    guard let top = stack.indices.last else { return }
    stack[top].size += size
    stack[top].childHeight = max(stack[top].childHeight, height)
  }

  private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }
}
