
/// What `gen verify` found for one ``VerifyItem``.
/// ```swift
/// VerifyResult(item: item, status: .empty, detail: #"no series named app_mesages_total in the last 1h (did you mean app_messages_total?)"#)
/// ```
public struct VerifyResult: Hashable, Sendable {
  public enum Status: String, Hashable, Sendable {
    /// Its selectors match series and, where it must, its result has some.
    case data
    /// Nothing to show: a selector matches no series, or the result is empty where it must not be.
    case empty
    /// Empty, as the spec says it may be (``VerifyItem/expectedEmpty``).
    case expectedEmpty = "expected empty"
    /// The series are there, but a label the expression or legend uses, or a metric's type, is not what it says.
    case wrong
    /// The server refused the query or did not answer.
    case error

    /// Whether the result makes `gen verify` fail.
    public var isFinding: Bool { self == .empty || self == .wrong || self == .error }
  }

  public var item: VerifyItem
  public var status: Status
  /// What was found (`3 series, result 1 series`) or why not.
  public var detail: String
  /// Series the expression's selectors match in the window.
  public var series = 0
  /// Series of the evaluated result, when it was evaluated.
  public var resultSeries: Int?

  public init(item: VerifyItem, status: Status, detail: String, series: Int = 0, resultSeries: Int? = nil) {
    self.item = item
    self.status = status
    self.detail = detail
    self.series = series
    self.resultSeries = resultSeries
  }
}
