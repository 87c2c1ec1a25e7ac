/// A value of a type generated from Grafana's published schemas (`scripts/generate-panel-kinds`):
/// it reads itself from JSON, writes itself to a ``JSONSink`` and prints itself as the Swift that
/// builds it. Panel kinds' options and field configs are made of these.
/// ```swift
/// var decoding = SchemaDecoding()
/// let legend = GrafanaSchema.VizLegendOptions(schemaJSON: ["displayMode": "table"], decoding: &decoding)
/// ```
public protocol SchemaValue: Hashable, Sendable {
  /// The value in `json`, or nil (with an issue in `decoding`) when the JSON does not fit the type.
  init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding)
  func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink)
  /// The Swift expression that builds the value, where its type is known from context.
  var swiftSource: SwiftSource { get }
}

/// A generated object type: every member optional or defaulted, so `init()` is Grafana's default.
public protocol SchemaObject: SchemaValue {
  init()
}

extension SchemaObject {
  /// A copy with `change` applied: a kind's new-panel options with a few of them changed.
  /// ```swift
  /// BarChart("By handler", options: BarChartPanel.newPanel.options.with { $0.stacking = .normal }) { Query("x") }
  /// ```
  public func with(_ change: (inout Self) -> Void) -> Self {
    var copy = self
    change(&copy)
    return copy
  }
}

/// A generated enumeration: the raw value is what Grafana writes.
public protocol SchemaEnum: SchemaValue, RawRepresentable, CaseIterable where RawValue: SchemaValue {}

extension SchemaEnum {
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    guard let raw = RawValue(schemaJSON: json, decoding: &decoding) else { return nil }
    guard let value = Self(rawValue: raw) else {
      let known = Self.allCases.map { "\($0.rawValue)" }
      decoding.report("unknown value \(json.compactText)\(NearestName.suggestion(for: "\(raw)", in: known)); known: \(known.joined(separator: ", "))")
      return nil
    }
    self = value
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) { rawValue.writeJSON(to: &sink) }
  /// `.caseName` (Swift prints a case without payload by its name).
  public var swiftSource: SwiftSource { .code(".\(self)") }
}

extension Bool: SchemaValue {
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    guard case .bool(let value) = json else { decoding.report("expected a boolean, found \(json.compactText)"); return nil }
    self = value
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) { sink.bool(self) }
  public var swiftSource: SwiftSource { .code(self ? "true" : "false") }
}

extension Int: SchemaValue {
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    switch json {
    case .int(let value): self = value
    case .double(let value) where value == value.rounded() && abs(value) < 1e15: self = Int(value)
    default: decoding.report("expected an integer, found \(json.compactText)"); return nil
    }
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) { sink.int(self) }
  public var swiftSource: SwiftSource { .code(String(self)) }
}

extension Double: SchemaValue {
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    switch json {
    case .int(let value): self = Double(value)
    case .double(let value): self = value
    default: decoding.report("expected a number, found \(json.compactText)"); return nil
    }
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) { sink.double(self) }
  public var swiftSource: SwiftSource { .number(self) }
}

extension String: SchemaValue {
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    guard case .string(let value) = json else { decoding.report("expected a string, found \(json.compactText)"); return nil }
    self = value
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) { sink.string(self) }
  public var swiftSource: SwiftSource { .string(self) }
}

extension Array: SchemaValue where Element: SchemaValue {
  /// The whole array, or nil when one element does not fit (the raw JSON keeps it whole).
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    guard case .array(let elements) = json else { decoding.report("expected an array, found \(json.compactText)"); return nil }
    var values: [Element] = []
    values.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      guard let value = decoding.decode(element, at: "[\(index)]", as: Element.self) else { return nil }
      values.append(value)
    }
    self = values
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    sink.beginArray()
    for element in self { element.writeJSON(to: &sink) }
    sink.endArray()
  }
  public var swiftSource: SwiftSource { .array(map(\.swiftSource)) }
}

/// An object keyed by name (`excludeByName`, `groupBy`'s `fields`): keys written in UTF-8 byte order.
extension Dictionary: SchemaValue where Key == String, Value: SchemaValue {
  /// The whole object, or nil when one member does not fit (the raw JSON keeps it whole).
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    guard case .object(let members) = json else { decoding.report("expected an object, found \(json.compactText)"); return nil }
    var values: [String: Value] = [:]
    for key in members.keys.sorted() {
      guard let member = members[key], let value = decoding.decode(member, at: "." + key, as: Value.self) else { return nil }
      values[key] = value
    }
    self = values
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    sink.beginObject()
    for key in sortedKeys {
      sink.dynamicKey(key)
      self[key]?.writeJSON(to: &sink)
    }
    sink.endObject()
  }
  public var swiftSource: SwiftSource { .dictionary(sortedKeys.map { (SwiftSource.string($0), self[$0]!.swiftSource) }) }

  private var sortedKeys: [String] { keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}

/// Where a schema has no type (`{}`): any JSON.
extension JSONValue: SchemaValue {
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) { self = json }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) { sink.json(self) }
  /// Spelled with explicit cases (`.object([…])`) so large values type-check in linear time.
  public var swiftSource: SwiftSource {
    switch self {
    case .null: .code(".null")
    case .bool(let value): .call(".bool", [("", value.swiftSource)])
    case .int(let value): .call(".int", [("", value.swiftSource)])
    case .double(let value): .call(".double", [("", value.swiftSource)])
    case .string(let value): .call(".string", [("", .string(value))])
    case .array(let elements): .call(".array", [("", .array(elements.map(\.swiftSource)))])
    case .object(let members):
      .call(".object", [("", .dictionary(members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { (SwiftSource.string($0), members[$0]!.swiftSource) }))])
    }
  }
}

/// A member that is a boolean or a number (`spanNulls`: connect all gaps, or those shorter than N ms).
/// ```swift
/// TimeSeries("Latency", fieldConfig: .init(spanNulls: true)) { Query("up") }
/// ```
public enum BoolOrNumber: SchemaValue, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
  case bool(Bool)
  case number(Double)

  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(floatLiteral value: Double) { self = .number(value) }

  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {
    switch json {
    case .bool(let value): self = .bool(value)
    case .int(let value): self = .number(Double(value))
    case .double(let value): self = .number(value)
    default: decoding.report("expected a boolean or a number, found \(json.compactText)"); return nil
    }
  }
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    switch self {
    case .bool(let value): sink.bool(value)
    case .number(let value): sink.double(value)
    }
  }
  public var swiftSource: SwiftSource {
    switch self {
    case .bool(let value): value.swiftSource
    case .number(let value): value.swiftSource
    }
  }
}

/// The kind that has no `fieldConfig.defaults.custom` (stat, gauge, text, …).
public struct NoFieldConfig: SchemaObject {
  public init() {}
  public init?(schemaJSON json: JSONValue, decoding: inout SchemaDecoding) {}
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    sink.beginObject()
    sink.endObject()
  }
  public var swiftSource: SwiftSource { .call(".init", []) }
}

extension JSONValue {
  /// Short text of a value for diagnostics.
  var compactText: String {
    switch self {
    case .null: "null"
    case .bool(let value): String(value)
    case .int(let value): String(value)
    case .double(let value): NumberText.format(value)
    case .string(let value): "\"\(value)\""
    case .array: "an array"
    case .object: "an object"
    }
  }
}

extension JSONSink where Self: ~Copyable {
  /// The member `key` when `value` is set (what the generated models write).
  @inline(__always) public mutating func member<Value: SchemaValue>(_ key: StaticString, ifPresent value: Value?) {
    guard let value else { return }
    self.key(key)
    value.writeJSON(to: &self)
  }
}
