/// Why a PromQL expression does not parse, and where: ``column`` (and ``line``) count characters
/// of the text as it was written, 1-based, before any Grafana variable was substituted.
/// ```swift
/// do { _ = try PromQLParser.parse("sum(rate(x[5m]) <") } catch {
///   print(error)  // PromQL parse error at column 18: unexpected end of input, expected an expression
/// }
/// ```
public struct PromQLParseError: Error, Hashable, Sendable, CustomStringConvertible {
  /// 1-based line of the problem; 1 for a one-line expression.
  public var line: Int
  /// 1-based column of the problem within its line, in characters.
  public var column: Int
  public var message: String

  public init(line: Int = 1, column: Int, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// Locates the byte `offset` of `text` as a line and a column.
  init(at offset: Int, in text: String, _ message: String) {
    var line = 1
    var column = 1
    for (index, byte) in text.utf8.enumerated() {
      if index >= offset { break }
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte: a new character
        column += 1
      }
    }
    self.init(line: line, column: column, message: message)
  }

  public var description: String {
    line == 1 ? "PromQL parse error at column \(column): \(message)" : "PromQL parse error at line \(line), column \(column): \(message)"
  }
}
