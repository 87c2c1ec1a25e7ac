/// Field options for the fields a matcher picks (`fieldConfig.overrides[]`).
/// ```swift
/// .overrides {
///   FieldOverride(.byName("errors")).color(.fixed(.red)).unit(.short)
/// }
/// ```
public struct FieldOverride: Hashable, Sendable, CopyModifying {
  public enum Matcher: Hashable, Sendable {
    case byName(String)
    case byRegex(String)
    /// Fields of one type: `number`, `string`, `time`, `boolean`.
    case byType(String)
    /// Fields of the query with this refId (`A`, `B`, …).
    case byQuery(String)
  }

  public enum Property: Hashable, Sendable {
    case unit(ValueUnit)
    case decimals(Int)
    case min(Double)
    case max(Double)
    case displayName(String)
    case color(ColorMode)
    case thresholds(Thresholds)
    case mappings([ValueMapping])
    /// A plugin-specific option by its dotted id, e.g. `.custom("custom.fillOpacity", 0)`.
    case custom(String, JSONValue)
  }

  public var matcher: Matcher
  public var properties: [Property]

  public init(_ matcher: Matcher, properties: [Property] = []) {
    self.matcher = matcher
    self.properties = properties
  }

  public func unit(_ unit: ValueUnit) -> FieldOverride { adding(.unit(unit)) }
  public func decimals(_ decimals: Int) -> FieldOverride { adding(.decimals(decimals)) }
  public func min(_ value: Double) -> FieldOverride { adding(.min(value)) }
  public func max(_ value: Double) -> FieldOverride { adding(.max(value)) }
  public func displayName(_ name: String) -> FieldOverride { adding(.displayName(name)) }
  public func color(_ mode: ColorMode) -> FieldOverride { adding(.color(mode)) }
  public func thresholds(_ mode: ThresholdMode = .absolute, @ThresholdBuilder _ steps: () -> [Step]) -> FieldOverride {
    adding(.thresholds(Thresholds(mode, steps: steps)))
  }
  public func mappings(@ValueMappingBuilder _ mappings: () -> [ValueMapping]) -> FieldOverride {
    adding(.mappings(mappings()))
  }
  /// A plugin option by its dotted id, e.g. `.custom("custom.lineStyle", ["fill": "dash", "dash": [10, 10]])`.
  public func custom(_ id: String, _ value: JSONValue) -> FieldOverride { adding(.custom(id, value)) }

  private func adding(_ property: Property) -> FieldOverride { with { $0.properties.append(property) } }
}

@resultBuilder public enum FieldOverrideBuilder: ListBuilder { public typealias Element = FieldOverride }
