public import MonitoringDSL

/// Reads JSON text (RFC 8259) into a `JSONValue`: what `gen diff` and `gen preview` use to read
/// dashboards back from the output folder or a git ref. Integers without a fraction or exponent
/// stay `.int`, so `"w": 12` compares equal to what the lowering produced.
/// ```swift
/// let model = try JSONParser.parse(Array(text.utf8))
/// let uid = model["uid"]
/// ```
public struct JSONParser {
  /// Where and why the text is not JSON, with a 1-based line and column.
  public struct Failure: Error, Equatable, CustomStringConvertible {
    /// What went wrong: the text is not JSON, it is JSON over one of the ``Limits``, or an object
    /// names a member twice (with ``Limits/rejectsDuplicateKeys``).
    public enum Kind: Sendable, Equatable {
      case syntax, limit, duplicateKey
    }

    public let line: Int
    public let column: Int
    public let reason: String
    public let kind: Kind
    public var description: String { "line \(line), column \(column): \(reason)" }
  }

  /// What the parser accepts beyond the grammar: how deep values nest, how many there are in all,
  /// and whether an object may name a member twice (RFC 8259 leaves it open; Grafana keeps the last).
  /// ```swift
  /// let strict = JSONParser.Limits(depth: 512, values: 10_000_000, rejectsDuplicateKeys: true)
  /// let model = try JSONParser.parse(bytes, limits: strict)
  /// ```
  public struct Limits: Sendable, Equatable {
    /// Nesting deeper than this is refused instead of exhausting the stack.
    public var depth: Int
    /// More values than this (every object, array, member value, element and scalar counts) are refused.
    public var values: Int
    /// A member name given twice in one object is a ``Failure/Kind/duplicateKey`` failure, not the last one kept.
    public var rejectsDuplicateKeys: Bool

    public init(depth: Int, values: Int, rejectsDuplicateKeys: Bool) {
      self.depth = depth
      self.values = values
      self.rejectsDuplicateKeys = rejectsDuplicateKeys
    }

    /// What `gen diff` and `gen preview` read their own output with: 512 levels, any size, the last duplicate wins.
    public static let lenient = Limits(depth: 512, values: .max, rejectsDuplicateKeys: false)
  }

  private let bytes: [UInt8]
  private let limits: Limits
  private var index = 0
  private var values = 0

  public static func parse(_ bytes: [UInt8], limits: Limits = .lenient) throws(Failure) -> JSONValue {
    var parser = JSONParser(bytes: bytes, limits: limits)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.index == bytes.count else { throw parser.failure("unexpected text after the document") }
    return value
  }

  /// ```swift
  /// let model = try JSONParser.parse(fileText)
  /// ```
  public static func parse(_ text: String, limits: Limits = .lenient) throws(Failure) -> JSONValue {
    try parse(Array(text.utf8), limits: limits)
  }

  private init(bytes: [UInt8], limits: Limits) {
    self.bytes = bytes
    self.limits = limits
  }

  private mutating func value(depth: Int) throws(Failure) -> JSONValue {
    guard depth < limits.depth else { throw failure("nests deeper than \(limits.depth) levels", kind: .limit) }
    values += 1
    guard values <= limits.values else { throw failure("has more than \(limits.values) values", kind: .limit) }
    guard index < bytes.count else { throw failure("unexpected end of text") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("unexpected character \(describe(bytes[index]))")
    }
  }

  private mutating func object(depth: Int) throws(Failure) -> JSONValue {
    index += 1
    var members: [String: JSONValue] = [:]
    // Where each member name starts, kept only to say where a duplicate's first occurrence is.
    var starts: [String: Int] = [:]
    skipWhitespace()
    if peek(UInt8(ascii: "}")) { index += 1; return .object(members) }
    while true {
      skipWhitespace()
      guard peek(UInt8(ascii: "\"")) else { throw failure("expected a member name in quotes") }
      let start = index
      let key = try string()
      if limits.rejectsDuplicateKeys {
        if let first = starts.updateValue(start, forKey: key) {
          let (line, column) = position(of: first)
          index = start
          throw failure("duplicate key \"\(key)\" (first at line \(line), column \(column))", kind: .duplicateKey)
        }
      }
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      members[key] = try value(depth: depth + 1)
      skipWhitespace()
      if peek(UInt8(ascii: ",")) { index += 1; continue }
      try expect(UInt8(ascii: "}"))
      return .object(members)
    }
  }

  private mutating func array(depth: Int) throws(Failure) -> JSONValue {
    index += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if peek(UInt8(ascii: "]")) { index += 1; return .array(elements) }
    while true {
      skipWhitespace()
      elements.append(try value(depth: depth + 1))
      skipWhitespace()
      if peek(UInt8(ascii: ",")) { index += 1; continue }
      try expect(UInt8(ascii: "]"))
      return .array(elements)
    }
  }

  private mutating func string() throws(Failure) -> String {
    index += 1
    var utf8: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"): try escape(into: &utf8)
      case 0..<0x20: index -= 1; throw failure("control character in a string")
      default: utf8.append(byte)
      }
    }
    throw failure("unterminated string")
  }

  private mutating func escape(into utf8: inout [UInt8]) throws(Failure) {
    guard index < bytes.count else { throw failure("unterminated escape") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hexQuad()
      if (0xD800..<0xDC00).contains(scalar) {
        // A high surrogate must be followed by `\uDC00`–`\uDFFF`; together they name one scalar.
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw failure("lone surrogate in \\u escape")
        }
        index += 2
        let low = try hexQuad()
        guard (0xDC00..<0xE000).contains(low) else { throw failure("lone surrogate in \\u escape") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let unicode = Unicode.Scalar(scalar) else { throw failure("lone surrogate in \\u escape") }
      utf8 += Array(String(Character(unicode)).utf8)
    default:
      index -= 1
      throw failure("unknown escape \\\(describe(byte))")
    }
  }

  private mutating func hexQuad() throws(Failure) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("short \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      guard let digit = Self.hexDigit(byte) else { throw failure("bad hex digit in \\u escape") }
      value = value << 4 | digit
    }
    index += 4
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func number() throws(Failure) -> JSONValue {
    let start = index
    var isInteger = true
    if peek(UInt8(ascii: "-")) { index += 1 }
    // No leading zeros: `0` stands alone before the fraction.
    if peek(UInt8(ascii: "0")) {
      index += 1
    } else if digits() == 0 {
      throw failure("expected a digit")
    }
    if peek(UInt8(ascii: ".")) {
      isInteger = false
      index += 1
      guard digits() > 0 else { throw failure("expected a digit after the decimal point") }
    }
    if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
      isInteger = false
      index += 1
      if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
      guard digits() > 0 else { throw failure("expected a digit in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let integer = Int(text) { return .int(integer) }
    guard let double = Double(text) else { throw failure("number out of range") }
    return .double(double)
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    return index - start
  }

  private mutating func literal(_ word: String) throws(Failure) {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
      throw failure("unexpected word (expected \(word))")
    }
    index += expected.count
  }

  private mutating func expect(_ byte: UInt8) throws(Failure) {
    guard peek(byte) else {
      throw failure(index < bytes.count ? "expected \(describe(byte)), found \(describe(bytes[index]))" : "unexpected end of text")
    }
    index += 1
  }

  private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

  private mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
  }

  private func describe(_ byte: UInt8) -> String {
    (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
  }

  private func failure(_ reason: String, kind: Failure.Kind = .syntax) -> Failure {
    let (line, column) = position(of: index)
    return Failure(line: line, column: column, reason: reason, kind: kind)
  }

  /// The 1-based line and column (in bytes) of `offset`.
  private func position(of offset: Int) -> (line: Int, column: Int) {
    let before = bytes[..<min(offset, bytes.count)]
    let line = before.count(where: { $0 == 0x0A }) + 1
    let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
    return (line, column)
  }
}
