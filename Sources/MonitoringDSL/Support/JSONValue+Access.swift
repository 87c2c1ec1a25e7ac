extension JSONValue {
  /// The string, or a number or bool spelled as text; `nil` for null, lists and objects.
  /// ```swift
  /// let title = model["title"]?.text ?? ""
  /// ```
  public var text: String? {
    switch self {
    case .string(let text): text
    case .int(let number): String(number)
    case .double(let number): NumberText.format(number)
    case .bool(let flag): flag ? "true" : "false"
    default: nil
    }
  }

  /// The number, for `.int` and `.double`.
  public var number: Double? {
    switch self {
    case .int(let number): Double(number)
    case .double(let number): number
    default: nil
    }
  }

  /// The number when it is integral (`12` or `12.0`).
  public var integer: Int? {
    switch self {
    case .int(let number): number
    case .double(let number) where number.rounded() == number && abs(number) < 1e15: Int(number)
    default: nil
    }
  }

  /// The elements of a list; empty for anything else.
  public var elements: [JSONValue] {
    if case .array(let elements) = self { return elements }
    return []
  }
}
