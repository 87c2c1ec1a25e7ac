/// What a variable holds when the dashboard opens (Grafana's `current`): the text shown and the
/// value queries get, one or several (a multi-value variable saves lists).
/// ```swift
/// Variable.query("namespace", "label_values(kube_pod_info, namespace)", datasource: .variable("datasource"))
///   .current("monitoring")
/// ```
public struct VariableSelection: Hashable, Sendable {
  /// One value, or the list a multi-value variable saves.
  public enum Values: Hashable, Sendable {
    case one(String)
    case several([String])

    /// The values as a list.
    public var list: [String] {
      switch self {
      case .one(let value): [value]
      case .several(let values): values
      }
    }
  }

  public var text: Values
  public var value: Values
  /// Grafana's `selected` flag, where a saved dashboard has it.
  public var selected: Bool?

  public init(text: Values, value: Values, selected: Bool? = nil) {
    self.text = text
    self.value = value
    self.selected = selected
  }

  /// The same text and value.
  public init(_ value: String) {
    self.init(text: .one(value), value: .one(value))
  }
}
