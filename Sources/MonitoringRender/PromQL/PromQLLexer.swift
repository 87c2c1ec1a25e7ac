import MonitoringDSL

/// Cuts PromQL text into ``PromQLToken``s the way Prometheus 2.42's lexer does: identifiers and
/// keywords (case-insensitive), numbers (decimal, hex, `Inf`, `NaN`), durations (`1h30m`), strings in
/// `"`, `'` or backticks with Go's escapes, operators, and `#` comments to the end of the line.
/// Inside `{…}` every word is a label name; inside `[…]` only durations and one `:` are allowed.
/// Works on UTF-8 bytes: PromQL's syntax is ASCII, other characters only occur in strings and comments.
/// NB: over a buffer the parser holds for the whole parse (an array's bounds checks and accesses cost
/// a good part of lexing).
struct PromQLLexer {
  let bytes: UnsafeBufferPointer<UInt8>
  /// Where the next token starts looking.
  private(set) var position = 0
  private var braceOpen = false
  private var bracketOpen = false
  private var gotColon = false
  /// Right after `[`: the next token must be a duration.
  private var expectsDuration = false

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  /// An error at byte `offset` of the lexed text; the parser maps it to the original text.
  struct Failure: Error {
    var offset: Int
    var message: String
  }

  mutating func next() throws(Failure) -> PromQLToken {
    skipSpaceAndComments()
    let start = position
    guard position < bytes.count else {
      if braceOpen { throw Failure(offset: start, message: "unexpected end of input inside braces, expected \"}\"") }
      if bracketOpen { throw Failure(offset: start, message: "unexpected end of input, expected \"]\"") }
      return PromQLToken(kind: .endOfInput, start: start, end: start)
    }
    if braceOpen { return try insideBraces(start) }
    if expectsDuration {
      expectsDuration = false
      return try duration(start)
    }
    let byte = bytes[position]
    position += 1
    func token(_ kind: PromQLToken.Kind) -> PromQLToken { PromQLToken(kind: kind, start: start, end: position) }
    switch byte {
    case UInt8(ascii: ","): return token(.comma)
    case UInt8(ascii: "("): return token(.leftParen)
    case UInt8(ascii: ")"): return token(.rightParen)
    case UInt8(ascii: "{"):
      braceOpen = true
      return token(.leftBrace)
    case UInt8(ascii: "}"): throw Failure(offset: start, message: "unexpected \"}\"")
    case UInt8(ascii: "["):
      if bracketOpen { throw Failure(offset: start, message: "unexpected \"[\" inside brackets") }
      bracketOpen = true
      gotColon = false
      expectsDuration = true
      return token(.leftBracket)
    case UInt8(ascii: "]"):
      if !bracketOpen { throw Failure(offset: start, message: "unexpected \"]\"") }
      bracketOpen = false
      return token(.rightBracket)
    case UInt8(ascii: "@"): return token(.at)
    case UInt8(ascii: "+"): return token(.binary(.add))
    case UInt8(ascii: "-"): return token(.binary(.subtract))
    case UInt8(ascii: "*"): return token(.binary(.multiply))
    case UInt8(ascii: "/"): return token(.binary(.divide))
    case UInt8(ascii: "%"): return token(.binary(.modulo))
    case UInt8(ascii: "^"): return token(.binary(.power))
    case UInt8(ascii: "="):
      if accept(UInt8(ascii: "=")) { return token(.binary(.equal)) }
      if peek == UInt8(ascii: "~") { throw Failure(offset: start, message: "unexpected \"=~\" outside of a selector's braces") }
      return token(.assign)
    case UInt8(ascii: "!"):
      guard accept(UInt8(ascii: "=")) else { throw Failure(offset: start, message: "unexpected character after \"!\", expected \"!=\"") }
      return token(.binary(.notEqual))
    case UInt8(ascii: "<"): return token(.binary(accept(UInt8(ascii: "=")) ? .lessOrEqual : .less))
    case UInt8(ascii: ">"): return token(.binary(accept(UInt8(ascii: "=")) ? .greaterOrEqual : .greater))
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
      try string(quote: byte, start: start)
      return token(.string)
    case UInt8(ascii: ":") where bracketOpen:
      if gotColon { throw Failure(offset: start, message: "unexpected second \":\" inside brackets") }
      gotColon = true
      return token(.colon)
    case UInt8(ascii: "$"):
      throw Failure(offset: start, message: Self.dollarMessage(bytes[start...]))
    default:
      if Self.isDigit(byte) || (byte == UInt8(ascii: ".") && peek.map(Self.isDigit) == true) {
        position = start
        return try numberOrDuration(start)
      }
      if Self.isAlpha(byte) || byte == UInt8(ascii: ":") {
        if bracketOpen { throw Failure(offset: start, message: "unexpected character \(Self.quote(byte)) inside brackets, expected \":\" or \"]\"") }
        position = start
        return word(start)
      }
      throw Failure(offset: start, message: "unexpected character \(Self.quote(byte))")
    }
  }

  // MARK: - Parts

  private mutating func insideBraces(_ start: Int) throws(Failure) -> PromQLToken {
    let byte = bytes[position]
    position += 1
    func token(_ kind: PromQLToken.Kind) -> PromQLToken { PromQLToken(kind: kind, start: start, end: position) }
    switch byte {
    case UInt8(ascii: ","): return token(.comma)
    case UInt8(ascii: "}"):
      braceOpen = false
      return token(.rightBrace)
    case UInt8(ascii: "="): return token(accept(UInt8(ascii: "~")) ? .regexMatch : .assign)
    case UInt8(ascii: "!"):
      if accept(UInt8(ascii: "~")) { return token(.regexNoMatch) }
      if accept(UInt8(ascii: "=")) { return token(.binary(.notEqual)) }
      throw Failure(offset: start, message: "unexpected character after \"!\" inside braces, expected \"!=\" or \"!~\"")
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
      try string(quote: byte, start: start)
      return token(.string)
    case UInt8(ascii: "$"):
      throw Failure(offset: start, message: Self.dollarMessage(bytes[start...]))
    default:
      guard Self.isAlpha(byte) else {
        throw Failure(offset: start, message: "unexpected character \(Self.quote(byte)) inside braces")
      }
      while let next = peek, Self.isAlphaNumeric(next) { position += 1 }
      return token(.identifier)
    }
  }

  /// An identifier, a metric identifier (with `:`), a keyword, an aggregator, a word operator or `Inf`/`NaN`.
  private mutating func word(_ start: Int) -> PromQLToken {
    var hasColon = false
    while let next = peek, Self.isAlphaNumeric(next) || next == UInt8(ascii: ":") {
      if next == UInt8(ascii: ":") { hasColon = true }
      position += 1
    }
    let kind = hasColon ? .metricIdentifier : Self.wordKind(bytes[start..<position])
    return PromQLToken(kind: kind, start: start, end: position)
  }

  /// The words with a meaning of their own, by length: `(lowercase spelling, kind)`.
  private static let wordKinds: [[(word: PackedWord, kind: PromQLToken.Kind)]] = {
    var kinds: [(String, PromQLToken.Kind)] = [("inf", .number), ("nan", .number)]
    kinds += PromQLToken.Keyword.allCases.map { ($0.rawValue, .keyword($0)) }
    kinds += [AggregationOperator.sum, .avg, .min, .max, .count, .stddev, .stdvar, .group, .topk, .bottomk, .quantile, .count_values]
      .map { ($0.rawValue, .aggregator($0)) }
    kinds += [BinaryOperator.and, .or, .unless, .atan2].map { ($0.rawValue, .binary($0)) }
    var byLength = Array(repeating: [(word: PackedWord, kind: PromQLToken.Kind)](), count: PackedWord.capacity + 1)
    for (word, kind) in kinds { byLength[word.utf8.count].append((PackedWord(lowercasing: word.utf8), kind)) }
    return byLength
  }()

  /// A keyword, whatever its case, or an identifier (no allocation: this runs for every word).
  private static func wordKind(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> PromQLToken.Kind {
    guard word.count <= PackedWord.capacity else { return .identifier }
    let packed = PackedWord(lowercasing: word)
    return wordKinds[word.count].first { $0.word == packed }?.kind ?? .identifier
  }

  /// The bytes of a word of up to 16 ASCII letters, lowercased, packed into two integers: compared
  /// with the keywords in two steps rather than byte by byte.
  private struct PackedWord: Equatable {
    static let capacity = 16
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// `word` has at most ``capacity`` bytes.
    init(lowercasing word: some Collection<UInt8>) {
      var shift: UInt64 = 0
      for byte in word {
        let lowercase = UInt64(byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte)
        if shift < 64 { low |= lowercase &<< shift } else { high |= lowercase &<< (shift &- 64) }
        shift &+= 8
      }
    }
  }

  /// Prometheus' `lexNumberOrDuration`: a number unless a unit follows.
  private mutating func numberOrDuration(_ start: Int) throws(Failure) -> PromQLToken {
    if scanNumber() { return PromQLToken(kind: .number, start: start, end: position) }
    if acceptRemainingDuration() { return PromQLToken(kind: .duration, start: start, end: position) }
    throw Failure(offset: start, message: "bad number or duration \"\(text(start..<max(position, start + 1)))\"")
  }

  /// Right after `[`: Prometheus' `lexDuration`.
  private mutating func duration(_ start: Int) throws(Failure) -> PromQLToken {
    if bytes[start] == UInt8(ascii: "$") {
      throw Failure(offset: start, message: Self.dollarMessage(bytes[start...]))
    }
    if scanNumber() {
      throw Failure(offset: start, message: "missing unit in duration \"\(text(start..<position))\", expected one of ms, s, m, h, d, w, y")
    }
    guard acceptRemainingDuration() else {
      throw Failure(offset: start, message: "bad duration \"\(text(start..<max(position, start + 1)))\"")
    }
    return PromQLToken(kind: .duration, start: start, end: position)
  }

  /// Digits (hex after `0x`), a fraction and an exponent; true when no letter or digit follows.
  private mutating func scanNumber() -> Bool {
    var isDigit = Self.isDigit
    if accept(UInt8(ascii: "0")), accept(UInt8(ascii: "x")) || accept(UInt8(ascii: "X")) { isDigit = Self.isHexDigit }
    while let next = peek, isDigit(next) { position += 1 }
    if accept(UInt8(ascii: ".")) { while let next = peek, isDigit(next) { position += 1 } }
    if accept(UInt8(ascii: "e")) || accept(UInt8(ascii: "E")) {
      _ = accept(UInt8(ascii: "+")) || accept(UInt8(ascii: "-"))
      while let next = peek, Self.isDigit(next) { position += 1 }
    }
    return !(peek.map(Self.isAlphaNumeric) ?? false)
  }

  /// After the digits of a duration: a unit, then more digit-unit pairs.
  private mutating func acceptRemainingDuration() -> Bool {
    guard acceptUnit(allowingYears: true) else { return false }
    while let next = peek, Self.isDigit(next) {
      while let next = peek, Self.isDigit(next) { position += 1 }
      guard acceptUnit(allowingYears: false) else { return false }
    }
    return !(peek.map(Self.isAlphaNumeric) ?? false)
  }

  private mutating func acceptUnit(allowingYears: Bool) -> Bool {
    guard let next = peek, "smhdw".utf8.contains(next) || (allowingYears && next == UInt8(ascii: "y")) else { return false }
    position += 1
    _ = accept(UInt8(ascii: "s"))
    return true
  }

  /// A string up to its closing quote, checking escapes as Go does (none in backticks).
  private mutating func string(quote: UInt8, start: Int) throws(Failure) {
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == quote { return }
      if quote == UInt8(ascii: "`") { continue }
      if byte == UInt8(ascii: "\n") { break }
      if byte == UInt8(ascii: "\\") { try escape(quote: quote) }
    }
    throw Failure(offset: start, message: "unterminated string, expected a closing \(Self.quote(quote))")
  }

  private mutating func escape(quote: UInt8) throws(Failure) {
    let at = position - 1
    guard position < bytes.count else { throw Failure(offset: at, message: "escape sequence not terminated") }
    let byte = bytes[position]
    position += 1
    let digits: Int
    var isDigit = Self.isHexDigit
    switch byte {
    case quote, UInt8(ascii: "\\"), UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
      UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "v"):
      return
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      position -= 1
      digits = 3
      isDigit = { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }
    case UInt8(ascii: "x"): digits = 2
    case UInt8(ascii: "u"): digits = 4
    case UInt8(ascii: "U"): digits = 8
    default:
      throw Failure(offset: at, message: "unknown escape sequence \"\\\(String(decoding: [byte], as: UTF8.self))\"")
    }
    for _ in 0..<digits {
      guard let next = peek, isDigit(next) else { throw Failure(offset: at, message: "illegal character in escape sequence") }
      position += 1
    }
  }

  private mutating func skipSpaceAndComments() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
      case UInt8(ascii: "#"):
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      default: return
      }
    }
  }

  // MARK: - Characters

  private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func accept(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    position += 1
    return true
  }

  private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self) }

  static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
  static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20) }
  static func isAlpha(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
  static func isAlphaNumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }

  private static func quote(_ byte: UInt8) -> String {
    byte < 0x80 ? "\"\(String(decoding: [byte], as: UTF8.self))\"" : "(non-ASCII)"
  }

  /// `$__rate_interval`, `$job` or `${job}` in text Prometheus evaluates.
  private static func dollarMessage(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    let name = String(decoding: rest.dropFirst().prefix { isAlphaNumeric($0) || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }, as: UTF8.self)
    if name.hasPrefix("__") || name.hasPrefix("{__") {
      return "$\(name) exists only in Grafana; use a duration in rules"
    }
    return name.isEmpty ? "unexpected character \"$\"" : "$\(name) is a Grafana variable; Prometheus does not substitute variables"
  }
}
