/// A dashboard template variable.
/// ```swift
/// .variables {
///   Variable.datasource("datasource", type: .prometheus)
///   Variable.query("job", "label_values(up, job)", datasource: .variable("datasource"))
///   Variable.custom("quantile", ["0.5", "0.95", "0.99"])
///   Variable.interval("window", ["1m", "5m", "15m"])
///   Variable.constant("app", "websocket-app")
/// }
/// ```
public struct Variable: Hashable, Sendable, RawJSONCarrying {
  public enum Kind: Hashable, Sendable {
    case datasource(DatasourceType)
    case query(String, datasource: DatasourceRef, refresh: Refresh, sort: Sort)
    case custom([String])
    case interval([PromDuration])
    case constant(String)

    public var typeID: String {
      switch self {
      case .datasource: "datasource"
      case .query: "query"
      case .custom: "custom"
      case .interval: "interval"
      case .constant: "constant"
      }
    }
  }

  /// When a query variable reloads its values.
  public enum Refresh: Int, Sendable {
    case onDashboardLoad = 1
    case onTimeRangeChange = 2
  }

  public enum Sort: Int, Sendable {
    case disabled = 0, alphabeticalAscending = 1, alphabeticalDescending = 2, numericalAscending = 3,
      numericalDescending = 4
  }

  public enum Visibility: Int, Sendable {
    case visible = 0, labelHidden = 1, hidden = 2
  }

  public var name: String
  public var kind: Kind
  public var label: String?
  public var description: String?
  public var visibility: Visibility = .visible
  public var allowsMultiple = false
  public var includesAll = false
  public var allValue: String?
  public var regex: String?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }

  public static func datasource(_ name: String, type: DatasourceType, label: String? = nil) -> Variable {
    Variable(name: name, kind: .datasource(type)).label(label)
  }

  public static func query(
    _ name: String, _ query: String, datasource: DatasourceRef, refresh: Refresh = .onTimeRangeChange,
    sort: Sort = .alphabeticalAscending
  ) -> Variable {
    Variable(name: name, kind: .query(query, datasource: datasource, refresh: refresh, sort: sort))
  }

  public static func custom(_ name: String, _ values: [String]) -> Variable {
    Variable(name: name, kind: .custom(values))
  }

  public static func interval(_ name: String, _ values: [PromDuration]) -> Variable {
    Variable(name: name, kind: .interval(values))
  }

  public static func constant(_ name: String, _ value: String) -> Variable {
    var variable = Variable(name: name, kind: .constant(value))
    variable.visibility = .hidden
    return variable
  }

  public func label(_ label: String?) -> Variable { with { $0.label = label } }
  public func description(_ text: String) -> Variable { with { $0.description = text } }
  public func visibility(_ visibility: Visibility) -> Variable { with { $0.visibility = visibility } }
  /// Lets users pick several values, optionally with an "All" entry (`allValue` replaces the list when set).
  public func multi(includeAll: Bool = false, allValue: String? = nil) -> Variable {
    with {
      $0.allowsMultiple = true
      $0.includesAll = includeAll
      $0.allValue = allValue
    }
  }
  /// Keeps only values matching `regex` (query and datasource variables).
  public func regex(_ regex: String) -> Variable { with { $0.regex = regex } }

}

@resultBuilder public enum VariableBuilder: ListBuilder { public typealias Element = Variable }
