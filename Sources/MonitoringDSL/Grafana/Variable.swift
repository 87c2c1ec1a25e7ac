/// A dashboard template variable.
/// ```swift
/// .variables {
///   Variable.datasource("datasource", type: .prometheus)
///   Variable.query("job", "label_values(up, job)", datasource: .variable("datasource"))
///   Variable.custom("quantile", ["0.5", "0.95", "0.99"])
///   Variable.interval("window", ["1m", "5m", "15m"])
///   Variable.constant("app", "websocket-app")
///   Variable.adhoc("filters", datasource: .variable("logs", type: .loki))
///   Variable.textbox("search", default: "error")
/// }
/// ```
public struct Variable: Hashable, Sendable, RawJSONCarrying {
  public enum Kind: Hashable, Sendable {
    case datasource(DatasourceType)
    case query(String, datasource: DatasourceRef, refresh: Refresh, sort: Sort)
    case custom([String])
    case interval([PromDuration])
    case constant(String)
    /// Key/value filters that Grafana adds to every query of the datasource: the filters set when the
    /// dashboard opens, the hidden base filters, the keys offered first (all when empty), and whether
    /// users may type keys and values that are not offered.
    case adhoc(datasource: DatasourceRef, filters: [AdHocFilter], baseFilters: [AdHocFilter], defaultKeys: [String], allowsCustomValues: Bool)
    /// A free text field with its default text.
    case textbox(String)

    public var typeID: String {
      switch self {
      case .datasource: "datasource"
      case .query: "query"
      case .custom: "custom"
      case .interval: "interval"
      case .constant: "constant"
      case .adhoc: "adhoc"
      case .textbox: "textbox"
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
  /// What the variable holds when the dashboard opens; without one, ``defaultSelection``.
  public var current: VariableSelection?
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

  /// Ad-hoc filters on `datasource`: users add `key operator value` filters that Grafana applies to
  /// every query of that datasource (Prometheus and Loki label matchers).
  /// ```swift
  /// Variable.adhoc("filters", datasource: .variable("datasource"),
  ///                filters: [AdHocFilter("job", .equal, "api")], defaultKeys: ["job", "instance"])
  /// ```
  public static func adhoc(
    _ name: String, datasource: DatasourceRef, filters: [AdHocFilter] = [], baseFilters: [AdHocFilter] = [],
    defaultKeys: [String] = [], allowsCustomValues: Bool = true
  ) -> Variable {
    Variable(
      name: name,
      kind: .adhoc(
        datasource: datasource, filters: filters, baseFilters: baseFilters, defaultKeys: defaultKeys,
        allowsCustomValues: allowsCustomValues))
  }

  /// A text field; queries read what users type as `$name`.
  /// ```swift
  /// Variable.textbox("search", default: "error")
  /// ```
  public static func textbox(_ name: String, default text: String = "") -> Variable {
    Variable(name: name, kind: .textbox(text))
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
  /// What the variable holds when the dashboard opens (``VariableSelection``): `.current("monitoring")`.
  public func current(_ value: String) -> Variable { with { $0.current = VariableSelection(value) } }
  /// What the variable holds when the dashboard opens, text and value apart or several.
  public func current(_ selection: VariableSelection) -> Variable { with { $0.current = selection } }

  /// The selection written without ``current``: the first option of a fixed list (custom, interval,
  /// constant, textbox), none for the kinds whose options Grafana queries.
  public var defaultSelection: VariableSelection? {
    switch kind {
    case .custom(let values): values.first.map { VariableSelection(Self.optionText($0)) }
    case .interval(let values): values.first.map { VariableSelection($0.text) }
    case .constant(let value), .textbox(let value): VariableSelection(value)
    case .datasource, .query, .adhoc: nil
    }
  }

  /// An option of a custom variable as Grafana shows it: its text between the commas, trimmed.
  public static func optionText(_ value: String) -> String {
    String(value.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  /// Keeps only values matching `regex` (query and datasource variables).
  public func regex(_ regex: String) -> Variable { with { $0.regex = regex } }

}

@resultBuilder public enum VariableBuilder: ListBuilder { public typealias Element = Variable }
