#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes ``PromQLLexer`` reads, and the way back to the text as written.
///
/// For Grafana, every macro and template variable is first replaced by a value of the kind Grafana
/// would put there, as Grafana does before it sends the query: `$__rate_interval`, `$__interval`,
/// `$__range` and `$__auto` by durations, `$__interval_ms`, `$__range_s`, `$__range_ms`, `$__from` and
/// `$__to` by numbers, and `$var`, `${var}`, `${var:format}` and `[[var]]` by a duration inside `[…]`
/// or after `offset`, by a word inside a string, and by a placeholder identifier (of any type)
/// elsewhere. Errors still point at the column of the text as written.
struct PromQLSource {
  /// The text as written.
  let text: String
  /// The text the lexer reads.
  let bytes: [UInt8]
  /// For each byte of `bytes`, and one past the end, its offset in `text`; `nil` when nothing was substituted.
  private let originalOffsets: [Int]?
  /// The ranges of `bytes` that replace a Grafana variable.
  private let substitutions: [Range<Int>]
  /// The names of the variables and macros replaced, in order (`cluster`, `__rate_interval`).
  let variableNames: [String]

  /// The text as Prometheus reads it.
  init(prometheus text: String) { self.init(text: text, unsubstituted: Array(text.utf8)) }

  /// The text as Grafana sends it, its variables replaced: by `values` (name → text, macros too),
  /// otherwise by a value of the kind Grafana would put there.
  init(grafana text: String, values: [String: String] = [:]) {
    let original = Array(text.utf8)
    guard Self.mayHoldVariables(original) else {
      self.init(text: text, unsubstituted: original)
      return
    }
    self.init(text: text, substitutedFrom: original, values: values)
  }

  private init(text: String, unsubstituted bytes: [UInt8]) {
    self.text = text
    self.bytes = bytes
    originalOffsets = nil
    substitutions = []
    variableNames = []
  }

  private init(text: String, substitutedFrom original: [UInt8], values: [String: String]) {
    var substitution = Substitution(original: original, values: values)
    substitution.run()
    self.text = text
    bytes = substitution.output
    originalOffsets = substitution.offsets + [original.count]
    substitutions = substitution.ranges
    variableNames = substitution.names
  }

  /// A `$` or a `[[`: text without either has nothing to substitute (the common case, checked fast).
  /// NB: `memchr`, which reads a word at a time, rather than a loop over the bytes (this runs for every query).
  private static func mayHoldVariables(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      if memchr(base, Int32(UInt8(ascii: "$")), buffer.count) != nil { return true }
      var from = 0
      while let found = memchr(base + from, Int32(UInt8(ascii: "[")), buffer.count - from) {
        let index = UnsafeRawPointer(base).distance(to: found)
        if index + 1 < buffer.count, buffer[index + 1] == UInt8(ascii: "[") { return true }
        from = index + 1
      }
      return false
    }
  }

  /// The offset in the written text of byte `offset` of `bytes`.
  func originalOffset(_ offset: Int) -> Int {
    guard let originalOffsets else { return offset }
    return originalOffsets[min(max(offset, 0), originalOffsets.count - 1)]
  }

  /// The text as written that `range` of `bytes` comes from.
  func written(_ range: Range<Int>) -> [UInt8] {
    Array(text.utf8.dropFirst(originalOffset(range.lowerBound)).prefix(originalOffset(range.upperBound) - originalOffset(range.lowerBound)))
  }

  /// The Grafana variables and macros of the text as written, in order (`$cluster`, `[[job]]`, `$__rate_interval`).
  var variables: [String] {
    substitutions.map { String(decoding: written($0), as: UTF8.self) }
  }

  /// True when part of `range` of `bytes` replaces a Grafana variable.
  func isSubstituted(_ range: Range<Int>) -> Bool { substitutions.contains { $0.overlaps(range) } }

  /// The values Grafana gives its macros; any other name is a template variable.
  private static let macros: [String: String] = [
    "__rate_interval": "5m", "__interval": "1m", "__range": "1h", "__auto": "1m",
    "__interval_ms": "60000", "__rate_interval_ms": "300000", "__range_s": "3600", "__range_ms": "3600000",
    "__from": "1700000000000", "__to": "1700003600000",
  ]

  /// One pass over the text: strings, brackets and `offset` decide what a variable becomes.
  private struct Substitution {
    let original: [UInt8]
    let values: [String: String]
    var output: [UInt8] = []
    var offsets: [Int] = []
    var ranges: [Range<Int>] = []
    /// The name of each variable replaced, in order.
    var names: [String] = []
    private var index = 0
    private var quote: UInt8?
    private var inBrackets = false
    /// The last word outside strings, to know a duration follows `offset`.
    private var lastWord: ArraySlice<UInt8> = []

    init(original: [UInt8], values: [String: String]) {
      self.original = original
      self.values = values
      output.reserveCapacity(original.count + 16)
    }

    mutating func run() {
      while index < original.count {
        let byte = original[index]
        if let (name, length) = variable(at: index) {
          substitute(name, length: length)
          continue
        }
        if let open = quote {
          if byte == UInt8(ascii: "\\"), open != UInt8(ascii: "`"), index + 1 < original.count {
            copy(2)
            continue
          }
          if byte == open { quote = nil }
          copy(1)
          continue
        }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): quote = byte
        case UInt8(ascii: "["): inBrackets = true
        case UInt8(ascii: "]"): inBrackets = false
        case UInt8(ascii: "#"):
          let end = original[index...].firstIndex(of: UInt8(ascii: "\n")) ?? original.count
          copy(end - index)
          continue
        default:
          if PromQLLexer.isAlpha(byte) {
            let end = original[index...].firstIndex { !PromQLLexer.isAlphaNumeric($0) } ?? original.count
            lastWord = original[index..<end]
            copy(end - index)
            continue
          }
          if byte != UInt8(ascii: " "), byte != UInt8(ascii: "-") { lastWord = [] }
        }
        copy(1)
      }
    }

    private mutating func copy(_ count: Int) {
      for offset in index..<min(index + count, original.count) {
        output.append(original[offset])
        offsets.append(offset)
      }
      index += count
    }

    private mutating func substitute(_ name: String, length: Int) {
      let value: String
      if let given = values[name] {
        value = given
      } else if let macro = PromQLSource.macros[name] {
        value = macro
      } else if quote != nil {
        value = name
      } else if inBrackets || lastWord.elementsEqual("offset".utf8) {
        value = "5m"
      } else {
        value = "var_" + name
      }
      let start = output.count
      for byte in value.utf8 {
        output.append(byte)
        offsets.append(index)
      }
      ranges.append(start..<output.count)
      names.append(name)
      index += length
      if quote == nil { lastWord = [] }
    }

    /// `$name`, `${name}`, `${name:format}`, `${name.path}` or `[[name]]`, `[[name:format]]` at `start`: the name and the length.
    private func variable(at start: Int) -> (String, Int)? {
      func word(from offset: Int) -> Int {
        var end = offset
        while end < original.count, PromQLLexer.isAlphaNumeric(original[end]) { end += 1 }
        return end
      }
      func name(_ range: Range<Int>) -> String { String(decoding: original[range], as: UTF8.self) }
      let byte = original[start]
      if byte == UInt8(ascii: "$") {
        if start + 1 < original.count, original[start + 1] == UInt8(ascii: "{") {
          let end = word(from: start + 2)
          guard end > start + 2, let close = original[end...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
          guard close == end || original[end] == UInt8(ascii: ":") || original[end] == UInt8(ascii: ".") else { return nil }
          return (name(start + 2..<end), close + 1 - start)
        }
        let end = word(from: start + 1)
        return end > start + 1 ? (name(start + 1..<end), end - start) : nil
      }
      guard byte == UInt8(ascii: "["), start + 1 < original.count, original[start + 1] == UInt8(ascii: "[") else { return nil }
      let end = word(from: start + 2)
      guard end > start + 2 else { return nil }
      var close = end
      if close < original.count, original[close] == UInt8(ascii: ":") { close = word(from: close + 1) }
      guard close + 1 < original.count, original[close] == UInt8(ascii: "]"), original[close + 1] == UInt8(ascii: "]") else { return nil }
      return (name(start + 2..<end), close + 2 - start)
    }
  }
}
