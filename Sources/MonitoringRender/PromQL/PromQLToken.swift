import MonitoringDSL

/// One token of a PromQL expression, as ``PromQLLexer`` cuts it: its kind and its byte range in the
/// text being lexed.
struct PromQLToken: Equatable {
  enum Kind: Equatable {
    case identifier
    /// An identifier with a `:`, as recording rules name their series.
    case metricIdentifier
    case aggregator(AggregationOperator)
    case keyword(Keyword)
    /// An arithmetic, comparison or set operator, `atan2` included.
    case binary(BinaryOperator)
    case number
    case string
    case duration
    case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
    case comma, colon, at
    /// `=` in a matcher (`==` is ``binary(_:)``).
    case assign
    case regexMatch, regexNoMatch
    case endOfInput
  }

  /// The keywords that are neither operators nor aggregators. Like Prometheus, they are matched without regard to case.
  enum Keyword: String, CaseIterable {
    case by, without, on, ignoring, group_left, group_right, bool, offset, start, end
  }

  var kind: Kind
  var start: Int
  var end: Int

  /// How an error message names the token: `")"`, `identifier "foo"`, `end of input`.
  func describe(in bytes: [UInt8]) -> String {
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    switch kind {
    case .endOfInput: return "end of input"
    case .identifier, .metricIdentifier: return "identifier \"\(text)\""
    case .number: return "number \(text)"
    case .string: return "string \(text)"
    case .duration: return "duration \(text)"
    case .aggregator, .keyword: return "keyword \"\(text)\""
    default: return "\"\(text)\""
    }
  }
}
