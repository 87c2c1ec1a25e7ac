import MonitoringDSL
import MonitoringRender
import Yams

/// Reads what `gen import` is given, within ``ImportLimits``: the file's bytes as UTF-8 text, and
/// that text as a JSON or YAML value. Every way an input is refused is an ``ImportFailure`` naming
/// the file, where (a line and column, or a byte offset) and why: a limit with its value, a key
/// given twice in one object or mapping, a byte sequence that is not UTF-8.
/// ```swift
/// let text = try ImportInput.text(Array(data), source: "node.json")
/// let model = try ImportInput.json(text, source: "node.json")
/// ```
public enum ImportInput {
  /// The file's bytes as text: at most ``ImportLimits/bytes`` of them, valid UTF-8 (the offset of
  /// the first byte that is not, and its line and column, otherwise).
  public static func text(_ bytes: [UInt8], source: String, limits: ImportLimits = .default) throws(ImportFailure) -> String {
    try checkSize(bytes.count, source: source, limits: limits)
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    let offset = firstInvalidUTF8(in: bytes) ?? 0
    let before = bytes[..<offset]
    let line = before.count(where: { $0 == 0x0A }) + 1
    let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
    let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
    throw ImportFailure("\(source): invalid UTF-8 at byte offset \(offset) (line \(line), column \(column): byte \(byte)); gen import reads UTF-8 text only")
  }

  /// Refuses a document of more than ``ImportLimits/bytes`` bytes.
  public static func checkSize(_ count: Int, source: String, limits: ImportLimits = .default) throws(ImportFailure) {
    guard count > limits.bytes else { return }
    throw ImportFailure("\(source): the document is \(count) bytes, more than \(limits.bytes) (\(mebibytes(limits.bytes))); gen import refuses it")
  }

  /// A JSON document within the limits, no object naming a member twice.
  static func json(_ text: String, source: String, limits: ImportLimits) throws(ImportFailure) -> JSONValue {
    try checkSize(text.utf8.count, source: source, limits: limits)
    let parserLimits = JSONParser.Limits(depth: limits.depth, values: limits.jsonValues, rejectsDuplicateKeys: true)
    do {
      return try JSONParser.parse(text, limits: parserLimits)
    } catch {
      switch error.kind {
      case .syntax: throw ImportFailure("\(source): not JSON: \(error)")
      case .limit: throw ImportFailure("\(source): line \(error.line), column \(error.column): the JSON document \(error.reason); gen import refuses it")
      case .duplicateKey: throw ImportFailure("\(source): \(error)")
      }
    }
  }

  /// A YAML document within the limits, no mapping giving a key twice. The limits are checked on
  /// the parser's events before any node is built (``YAMLScan``), so aliases are counted, not expanded.
  static func yaml(_ text: String, source: String, limits: ImportLimits) throws(ImportFailure) -> JSONValue {
    try checkSize(text.utf8.count, source: source, limits: limits)
    if let problem = YAMLScan.problem(in: text, limits: limits) { throw ImportFailure("\(source): \(problem)") }
    do { return try YAMLTree.value(parsing: text) } catch { throw ImportFailure("\(source): not YAML: \(error)") }
  }

  static func mebibytes(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }

  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
  /// forms, surrogates and scalars above U+10FFFF are not), or `nil`.
  static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let (continuations, minimum, bits): (Int, UInt32, UInt8) = switch lead {
      case 0xC2...0xDF: (1, 0x80, 0x1F)
      case 0xE0...0xEF: (2, 0x800, 0x0F)
      case 0xF0...0xF4: (3, 0x10000, 0x07)
      default: (0, 0, 0)
      }
      guard continuations > 0, index + continuations < bytes.count else { return index }
      var scalar = UInt32(lead & bits)
      for offset in 1...continuations {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return index }
        scalar = scalar << 6 | UInt32(byte & 0x3F)
      }
      guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return index }
      index += continuations + 1
    }
    return nil
  }
}
