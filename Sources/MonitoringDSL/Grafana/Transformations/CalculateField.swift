extension Transformation {
  /// The options of `calculateField`: a new field from others, by the `mode`'s options.
  /// ```swift
  /// Transformation.calculateField(.binary(.field("errors"), .divide, .field("requests"), alias: "Error ratio"))
  /// ```
  public struct CalculateField: SchemaValue {
    /// How the field is computed.
    public enum Mode: String, Sendable, SchemaEnum {
      case reduceRow, binary, unary, index, cumulativeFunctions, windowFunctions
    }

    /// The options of `reduceRow` mode: each row's fields (all numeric ones, or `include`) reduced to one value.
    public struct ReduceRow: SchemaValue {
      public var reducer: ReduceCalculation?
      public var include: [String]?
      public var nullValueMode: NullValueMode?

      public init(reducer: ReduceCalculation? = nil, include: [String]? = nil, nullValueMode: NullValueMode? = nil) {
        self.reducer = reducer
        self.include = include
        self.nullValueMode = nullValueMode
      }

      static let keys = ["reducer", "include", "nullValueMode"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        reducer = decoding.decode(members, "reducer")
        include = decoding.decode(members, "include")
        nullValueMode = decoding.decode(members, "nullValueMode")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("include", ifPresent: include)
        sink.member("nullValueMode", ifPresent: nullValueMode)
        sink.member("reducer", ifPresent: reducer)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("reducer", reducer, unless: nil)
        arguments.add("include", include, unless: nil)
        arguments.add("nullValueMode", nullValueMode, unless: nil)
        return arguments.call(".init")
      }
    }

    /// The options of `binary` mode: `left operator right`.
    public struct Binary: SchemaValue {
      public var left: Operand?
      public var `operator`: BinaryOperator?
      public var right: Operand?

      public init(left: Operand? = nil, operator: BinaryOperator? = nil, right: Operand? = nil) {
        self.left = left
        self.`operator` = `operator`
        self.right = right
      }

      static let keys = ["left", "operator", "right"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        left = decoding.decode(members, "left")
        `operator` = decoding.decode(members, "operator")
        right = decoding.decode(members, "right")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("left", ifPresent: left)
        sink.member("operator", ifPresent: `operator`)
        sink.member("right", ifPresent: right)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("left", left, unless: nil)
        arguments.add("operator", `operator`, unless: nil)
        arguments.add("right", right, unless: nil)
        return arguments.call(".init")
      }
    }

    /// An operator of `binary` mode.
    public enum BinaryOperator: String, Sendable, SchemaEnum {
      case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%", power = "^"
    }

    /// The options of `unary` mode: a function of one field.
    public struct Unary: SchemaValue {
      public var `operator`: UnaryOperator?
      public var fieldName: String?

      public init(operator: UnaryOperator? = nil, fieldName: String? = nil) {
        self.`operator` = `operator`
        self.fieldName = fieldName
      }

      static let keys = ["operator", "fieldName"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        `operator` = decoding.decode(members, "operator")
        fieldName = decoding.decode(members, "fieldName")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("fieldName", ifPresent: fieldName)
        sink.member("operator", ifPresent: `operator`)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("operator", `operator`, unless: nil)
        arguments.add("fieldName", fieldName, unless: nil)
        return arguments.call(".init")
      }
    }

    /// A function of `unary` mode.
    public enum UnaryOperator: String, Sendable, SchemaEnum {
      case abs, exp, ln, floor, ceil
    }

    /// The options of `index` mode: the row number, or its fraction of the rows.
    public struct Index: SchemaValue {
      public var asPercentile: Bool?

      public init(asPercentile: Bool? = nil) {
        self.asPercentile = asPercentile
      }

      static let keys = ["asPercentile"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        asPercentile = decoding.decode(members, "asPercentile")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("asPercentile", ifPresent: asPercentile)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("asPercentile", asPercentile, unless: nil)
        return arguments.call(".init")
      }
    }

    /// The options of `cumulativeFunctions` mode: a running total or mean of one field.
    public struct Cumulative: SchemaValue {
      public var field: String?
      public var reducer: ReduceCalculation?

      public init(field: String? = nil, reducer: ReduceCalculation? = nil) {
        self.field = field
        self.reducer = reducer
      }

      static let keys = ["field", "reducer"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        field = decoding.decode(members, "field")
        reducer = decoding.decode(members, "reducer")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("field", ifPresent: field)
        sink.member("reducer", ifPresent: reducer)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("field", field, unless: nil)
        arguments.add("reducer", reducer, unless: nil)
        return arguments.call(".init")
      }
    }

    /// The options of `windowFunctions` mode: a moving mean, variance or standard deviation of one field.
    public struct Window: SchemaValue {
      public var field: String?
      public var reducer: ReduceCalculation?
      /// Rows, or a fraction of them in `percentage` mode.
      public var windowSize: Double?
      public var windowSizeMode: WindowSizeMode?
      public var windowAlignment: WindowAlignment?

      public init(
        field: String? = nil,
        reducer: ReduceCalculation? = nil,
        windowSize: Double? = nil,
        windowSizeMode: WindowSizeMode? = nil,
        windowAlignment: WindowAlignment? = nil
      ) {
        self.field = field
        self.reducer = reducer
        self.windowSize = windowSize
        self.windowSizeMode = windowSizeMode
        self.windowAlignment = windowAlignment
      }

      static let keys = ["field", "reducer", "windowSize", "windowSizeMode", "windowAlignment"]

      public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
        guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
        field = decoding.decode(members, "field")
        reducer = decoding.decode(members, "reducer")
        windowSize = decoding.decode(members, "windowSize")
        windowSizeMode = decoding.decode(members, "windowSizeMode")
        windowAlignment = decoding.decode(members, "windowAlignment")
      }

      public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
        sink.beginObject()
        sink.member("field", ifPresent: field)
        sink.member("reducer", ifPresent: reducer)
        sink.member("windowAlignment", ifPresent: windowAlignment)
        sink.member("windowSize", ifPresent: windowSize)
        sink.member("windowSizeMode", ifPresent: windowSizeMode)
        sink.endObject()
      }

      public var swiftSource: SwiftSource {
        var arguments = SwiftSource.Arguments()
        arguments.add("field", field, unless: nil)
        arguments.add("reducer", reducer, unless: nil)
        arguments.add("windowSize", windowSize, unless: nil)
        arguments.add("windowSizeMode", windowSizeMode, unless: nil)
        arguments.add("windowAlignment", windowAlignment, unless: nil)
        return arguments.call(".init")
      }
    }

    public enum WindowSizeMode: String, Sendable, SchemaEnum {
      case percentage, fixed
    }

    public enum WindowAlignment: String, Sendable, SchemaEnum {
      case trailing, centered
    }

    /// How `reduceRow` treats null values.
    public enum NullValueMode: String, Sendable, SchemaEnum {
      case null, connected, nullAsZero = "null as zero"
    }

    public var mode: Mode?
    public var reduce: ReduceRow?
    public var binary: Binary?
    public var unary: Unary?
    public var index: Index?
    public var cumulative: Cumulative?
    public var window: Window?
    /// The new field's name.
    public var alias: String?
    /// Whether the new field replaces all others (but time).
    public var replaceFields: Bool?
    /// Whether frames are first joined on time (Grafana's default).
    public var timeSeries: Bool?

    public init(
      mode: Mode? = nil,
      reduce: ReduceRow? = nil,
      binary: Binary? = nil,
      unary: Unary? = nil,
      index: Index? = nil,
      cumulative: Cumulative? = nil,
      window: Window? = nil,
      alias: String? = nil,
      replaceFields: Bool? = nil,
      timeSeries: Bool? = nil
    ) {
      self.mode = mode
      self.reduce = reduce
      self.binary = binary
      self.unary = unary
      self.index = index
      self.cumulative = cumulative
      self.window = window
      self.alias = alias
      self.replaceFields = replaceFields
      self.timeSeries = timeSeries
    }

    static let keys = ["mode", "reduce", "binary", "unary", "index", "cumulative", "window", "alias", "replaceFields", "timeSeries"]

    public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
      guard let members = decoding.members(of: json, known: Self.keys) else { return nil }
      mode = decoding.decode(members, "mode")
      reduce = decoding.decode(members, "reduce")
      binary = decoding.decode(members, "binary")
      unary = decoding.decode(members, "unary")
      index = decoding.decode(members, "index")
      cumulative = decoding.decode(members, "cumulative")
      window = decoding.decode(members, "window")
      alias = decoding.decode(members, "alias")
      replaceFields = decoding.decode(members, "replaceFields")
      timeSeries = decoding.decode(members, "timeSeries")
    }

    public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
      sink.beginObject()
      sink.member("alias", ifPresent: alias)
      sink.member("binary", ifPresent: binary)
      sink.member("cumulative", ifPresent: cumulative)
      sink.member("index", ifPresent: index)
      sink.member("mode", ifPresent: mode)
      sink.member("reduce", ifPresent: reduce)
      sink.member("replaceFields", ifPresent: replaceFields)
      sink.member("timeSeries", ifPresent: timeSeries)
      sink.member("unary", ifPresent: unary)
      sink.member("window", ifPresent: window)
      sink.endObject()
    }

    public var swiftSource: SwiftSource {
      var arguments = SwiftSource.Arguments()
      arguments.add("mode", mode, unless: nil)
      arguments.add("reduce", reduce, unless: nil)
      arguments.add("binary", binary, unless: nil)
      arguments.add("unary", unary, unless: nil)
      arguments.add("index", index, unless: nil)
      arguments.add("cumulative", cumulative, unless: nil)
      arguments.add("window", window, unless: nil)
      arguments.add("alias", alias, unless: nil)
      arguments.add("replaceFields", replaceFields, unless: nil)
      arguments.add("timeSeries", timeSeries, unless: nil)
      return arguments.call(".init")
    }

    /// `left operator right`, each a field or a number.
    /// ```swift
    /// .binary(.field("errors"), .divide, .field("requests"), alias: "Error ratio")
    /// ```
    public static func binary(_ left: Operand, _ operator: BinaryOperator, _ right: Operand, alias: String? = nil) -> CalculateField {
      CalculateField(mode: .binary, binary: Binary(left: left, operator: `operator`, right: right), alias: alias)
    }

    /// Each row reduced over the given fields (all numeric ones when `include` is nil).
    /// ```swift
    /// .reduceRow(.sum, include: ["read", "write"], alias: "Total")
    /// ```
    public static func reduceRow(_ reducer: ReduceCalculation, include: [String]? = nil, alias: String? = nil) -> CalculateField {
      CalculateField(mode: .reduceRow, reduce: ReduceRow(reducer: reducer, include: include), alias: alias)
    }

    /// ```swift
    /// .unary(.abs, field: "delta")
    /// ```
    public static func unary(_ operator: UnaryOperator, field: String, alias: String? = nil) -> CalculateField {
      CalculateField(mode: .unary, unary: Unary(operator: `operator`, fieldName: field), alias: alias)
    }

    /// The row number (from 0), or its fraction of the rows.
    /// ```swift
    /// .index(asPercentile: true)
    /// ```
    public static func index(asPercentile: Bool = false, alias: String? = nil) -> CalculateField {
      CalculateField(mode: .index, index: Index(asPercentile: asPercentile), alias: alias)
    }
  }
}
