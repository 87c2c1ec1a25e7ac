/// One kind of Grafana panel: its plugin id and the `options` and `fieldConfig.defaults.custom` its
/// schema defines. The models are generated from Grafana's published schemas
/// (`scripts/generate-panel-kinds` writes `Panels/Generated/`); each kind's hand-written file adds
/// what Grafana's editor puts in a new panel (``newPanel``) and the modifiers people use.
/// ```swift
/// TimeSeries("Throughput", fieldConfig: .init(fillOpacity: 10, lineWidth: 2)) { Query("sum(rate(x[5m]))") }
/// ```
public protocol PanelKind: Hashable, Sendable {
  associatedtype Options: SchemaObject
  /// ``NoFieldConfig`` for a kind without `fieldConfig.defaults.custom`.
  associatedtype FieldConfig: SchemaObject

  /// Grafana's panel plugin id (`timeseries`, `state-timeline`, …).
  static var typeID: String { get }
  /// The DSL function that builds a panel of this kind (`TimeSeries`), for printed specs.
  static var builderName: String { get }
  /// Whether the kind has a `fieldConfig.defaults.custom` object.
  static var hasFieldConfig: Bool { get }
  /// What a panel of this kind starts with in the DSL: the options Grafana's editor saves for a new panel.
  static var newPanel: Self { get }
  /// The size a panel of this kind gets when the spec does not give one.
  static var defaultSize: (width: Int, height: Int) { get }
  /// Whether the kind runs queries (text, news, dashboard list and annotations list do not).
  static var runsQueries: Bool { get }
  /// The field colour mode when the spec does not set one.
  static var defaultColor: ColorMode { get }
  /// The glyph `gen preview` draws for the kind (``PanelGlyphShape/generic`` when it has none of its own).
  static var previewGlyph: PanelGlyphShape { get }

  var options: Options { get set }
  var fieldConfig: FieldConfig { get set }
  init(options: Options, fieldConfig: FieldConfig)

  /// The kind following the panel's unit, where it repeats the unit in its options (a heatmap's y
  /// axis); nil where it does not. NB: not `mutating`, so a kind that has no unit keeps the storage
  /// it shares with other panels (``newPanel``).
  func following(unit: ValueUnit) -> Self?
}

extension PanelKind {
  public static var newPanel: Self { Self(options: Options(), fieldConfig: FieldConfig()) }
  public static var defaultSize: (width: Int, height: Int) { (12, 8) }
  public static var runsQueries: Bool { true }
  public static var defaultColor: ColorMode { .thresholds }
  public static var previewGlyph: PanelGlyphShape { .generic }
  public func following(unit: ValueUnit) -> Self? { nil }

  /// The kind a builder's arguments give: `newPanelKind` (the kind's ``newPanel``, made once) when
  /// there are none, so that panels keeping Grafana's defaults share one copy of the options.
  static func kind(options: Options?, fieldConfig: FieldConfig?, otherwise newPanelKind: AnyPanelKind) -> AnyPanelKind {
    guard options != nil || fieldConfig != nil else { return newPanelKind }
    return AnyPanelKind(Self(options: options ?? newPanel.options, fieldConfig: fieldConfig ?? newPanel.fieldConfig))
  }

  /// Reads a panel's `options` and `fieldConfig.defaults.custom`; what does not fit is reported in
  /// `decoding`. An absent or unreadable object is a new panel's (the raw JSON then says the rest).
  public static func decoded(options: JSONValue?, fieldConfig: JSONValue?, decoding: inout SchemaDecoding) -> Self {
    let typedOptions = options.flatMap { decoding.decode($0, at: "options", as: Options.self) } ?? newPanel.options
    let typedFieldConfig =
      hasFieldConfig ? fieldConfig.flatMap { decoding.decode($0, at: "fieldConfig.defaults.custom", as: FieldConfig.self) } : nil
    return Self(options: typedOptions, fieldConfig: typedFieldConfig ?? newPanel.fieldConfig)
  }

  /// Writes the member `key` with the options, memoized on them (``JSONSink/member(_:memoizing:_:)``):
  /// panels that repeat their options have them written once. NB: on the concrete options, not the
  /// kind, so reusing the text costs one comparison of them, with no cast out of `any PanelKind`.
  public func writeOptions<Sink: JSONSink & ~Copyable>(as key: StaticString, to sink: inout Sink) {
    sink.member(key, memoizing: options) { $0.writeJSON(to: &$1) }
  }
  /// The same for the field config.
  public func writeFieldConfig<Sink: JSONSink & ~Copyable>(as key: StaticString, to sink: inout Sink) {
    sink.member(key, memoizing: fieldConfig) { $0.writeJSON(to: &$1) }
  }

  /// The builder's `options:` and `fieldConfig:` arguments where they differ from a new panel's,
  /// as `gen import` prints them.
  public var builderArguments: [(label: String, value: SwiftSource)] {
    var arguments: [(label: String, value: SwiftSource)] = []
    if options != Self.newPanel.options { arguments.append(("options", options.swiftSource)) }
    if Self.hasFieldConfig, fieldConfig != Self.newPanel.fieldConfig { arguments.append(("fieldConfig", fieldConfig.swiftSource)) }
    return arguments
  }

  /// Changes the options when they have `Capability` (a legend, a tooltip, …); false when they do not.
  mutating func changeOptions<Capability>(as _: Capability.Type, _ change: (inout Capability) -> Void) -> Bool {
    guard var capable = options as? Capability else { return false }
    change(&capable)
    options = capable as! Options  // swift-format-ignore: the value came from `options` and keeps its type
    return true
  }
}

/// A panel kind as a value of the panel: any ``PanelKind``, compared and hashed by its contents.
public struct AnyPanelKind: Hashable, Sendable {
  public var base: any PanelKind

  public init(_ base: any PanelKind) { self.base = base }

  public var typeID: String { type(of: base).typeID }

  // NB: opened in place, not boxed into `AnyHashable` (an allocation and a copy of the options per
  // comparison; the writer compares kinds once per panel to reuse their text).
  public static func == (lhs: AnyPanelKind, rhs: AnyPanelKind) -> Bool { lhs.base.isEqual(to: rhs.base) }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(type(of: base)))
    base.hash(into: &hasher)
  }

  /// The kind as `Kind`, when it is one.
  public subscript<Kind: PanelKind>(_ kind: Kind.Type) -> Kind? {
    get { base as? Kind }
    set { if let newValue, base is Kind { base = newValue } }
  }
}

extension PanelKind {
  /// Whether `other` is this kind with equal options and field config.
  fileprivate func isEqual(to other: any PanelKind) -> Bool {
    guard let other = other as? Self else { return false }
    return self == other
  }
}

/// The shape `gen preview` draws in a panel's box.
public enum PanelGlyphShape: Sendable {
  case line, bigNumber, gauge, bars, table, heatmap, text, timeline, pie, logs, generic
}

// MARK: - Capabilities several kinds share, found on the generated options by their member names

/// Options with Grafana's legend (`options.legend`).
public protocol LegendBearing { var legend: GrafanaSchema.VizLegendOptions? { get set } }
/// Options with Grafana's tooltip (`options.tooltip`).
public protocol TooltipBearing { var tooltip: GrafanaSchema.VizTooltipOptions? { get set } }
/// Options that reduce each series to values (`options.reduceOptions`: stat, gauge, bar gauge, pie chart).
public protocol ReduceBearing { var reduceOptions: GrafanaSchema.ReduceDataOptions? { get set } }
/// Options with an orientation (`options.orientation`).
public protocol OrientationBearing { var orientation: GrafanaSchema.VizOrientation? { get set } }
