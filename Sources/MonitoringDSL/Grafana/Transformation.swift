/// One step of a panel's transformations (Grafana's `DataTransformerConfig`): what it does with its
/// typed options (``Kind``), and whether it is disabled, which frames it applies to and which topic
/// it reads. Build them in ``Panel/transformations(_:)``.
/// ```swift
/// Table("Connections") { Query("app_active_connections").instant().format(.table) }
///   .transformations {
///     Transformation.organize(exclude: ["Time"], rename: ["Value": "Connections"])
///     Transformation.reduce(.seriesToRows, reducers: [.last])
///   }
/// ```
public struct Transformation: Hashable, Sendable, RawJSONCarrying {
  /// The transformation with its options, as Grafana's transformer ids have them.
  public enum Kind: Hashable, Sendable {
    case organize(Organize)
    case merge
    case reduce(Reduce)
    case calculateField(CalculateField)
    case filterByValue(FilterByValue)
    case filterFieldsByName(FilterFieldsByName)
    case groupBy(GroupBy)
    case joinByField(JoinByField)
    case sortBy(SortBy)
    case renameByRegex(RenameByRegex)
    case seriesToRows
    case labelsToFields(LabelsToFields)
    case concatenate(Concatenate)
    case partitionByValues(PartitionByValues)
    /// One of Grafana's other transformations by its id, options as JSON; validation refuses an id
    /// Grafana does not have, or one typed above.
    case other(id: String, options: JSONValue)
  }

  /// Where a transformation reads its frames from (`topic`); Grafana's default is the query results.
  public enum Topic: String, Sendable, SchemaEnum {
    case series, annotations, alertStates
  }

  public var kind: Kind
  /// Whether Grafana skips it (`disabled`); nil when the JSON does not say.
  public var disabled: Bool?
  /// The frames it applies to (`filter`); all of them when nil.
  public var filter: FrameMatcher?
  public var topic: Topic?
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(_ kind: Kind) { self.kind = kind }

  /// The transformation kept but skipped (Grafana's eye toggle).
  /// ```swift
  /// Transformation.merge().disabled()
  /// ```
  public func disabled(_ disabled: Bool = true) -> Transformation { with { $0.disabled = disabled } }
  /// Applies the transformation to some frames only.
  /// ```swift
  /// Transformation.seriesToRows().filter(.byRefID("A"))
  /// ```
  public func filter(_ matcher: FrameMatcher) -> Transformation { with { $0.filter = matcher } }
  /// ```swift
  /// Transformation.merge().topic(.annotations)
  /// ```
  public func topic(_ topic: Topic) -> Transformation { with { $0.topic = topic } }

  static let keys = ["disabled", "filter", "id", "options", "topic"]

  /// A transformation of Grafana's JSON; nil when its id is none of Grafana's. What does not fit the
  /// typed model is reported in `decoding` and left out (the importer keeps it as raw JSON).
  public static func decoded(_ json: JSONValue, decoding: inout SchemaDecoding) -> Transformation? {
    guard let members = decoding.members(of: json, known: keys), let id: String = decoding.decode(members, "id") else { return nil }
    let options = members["options"] ?? .object([:])
    guard let kind = Kind.untypedIDs.contains(id) ? .other(id: id, options: options) : Kind.decoded(id: id, options: options, decoding: &decoding)
    else { return nil }
    var transformation = Transformation(kind)
    transformation.disabled = decoding.decode(members, "disabled")
    transformation.filter = decoding.decode(members, "filter")
    transformation.topic = decoding.decode(members, "topic")
    return transformation
  }

  /// Grafana's JSON of the transformation (its raw JSON aside), keys in UTF-8 byte order.
  public func writeJSON<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    sink.beginObject()
    sink.member("disabled", ifPresent: disabled)
    sink.member("filter", ifPresent: filter)
    sink.member("id", kind.id)
    sink.key("options")
    kind.writeOptions(to: &sink)
    sink.member("topic", ifPresent: topic)
    sink.endObject()
  }

  /// The Swift that builds it, modifiers included (raw JSON aside), laid out from `indent`, for `gen import`.
  public func swiftSource(indent: String) -> String {
    var text = kind.swiftSource.text(indent: indent)
    if let disabled { text += disabled ? ".disabled()" : ".disabled(false)" }
    if let filter { text += ".filter(\(filter.swiftSource.text(indent: "")))" }
    if let topic { text += ".topic(\(topic.swiftSource.text(indent: "")))" }
    return text
  }
}

extension Transformation.Kind {
  /// Grafana's transformer id.
  public var id: String {
    switch self {
    case .organize: "organize"
    case .merge: "merge"
    case .reduce: "reduce"
    case .calculateField: "calculateField"
    case .filterByValue: "filterByValue"
    case .filterFieldsByName: "filterFieldsByName"
    case .groupBy: "groupBy"
    case .joinByField: "joinByField"
    case .sortBy: "sortBy"
    case .renameByRegex: "renameByRegex"
    case .seriesToRows: "seriesToRows"
    case .labelsToFields: "labelsToFields"
    case .concatenate: "concatenate"
    case .partitionByValues: "partitionByValues"
    case .other(let id, _): id
    }
  }

  /// The ids the DSL types: what `other` must not name.
  public static let typedIDs: Set<String> = [
    "organize", "merge", "reduce", "calculateField", "filterByValue", "filterFieldsByName", "groupBy", "joinByField",
    "sortBy", "renameByRegex", "seriesToRows", "labelsToFields", "concatenate", "partitionByValues",
  ]

  /// Grafana's transformer ids (`DataTransformerID`) beyond the typed ones: what `other` may name.
  public static let untypedIDs: Set<String> = [
    "append", "configFromData", "convertFieldType", "convertFrameType", "ensureColumns", "extractFields", "fieldLookup",
    "filterByRefId", "filterFields", "filterFrames", "formatString", "formatTime", "groupToNestedTable",
    "groupingToMatrix", "heatmap", "histogram", "joinByLabels", "limit", "noop", "order", "prepareTimeSeries",
    "regression", "rename", "rowsToFields", "seriesToColumns", "spatial", "timeSeriesTable", "transpose",
  ]

  /// The kind for `id` with its `options` read; nil for an id the DSL does not type. What does not
  /// fit the typed options is reported in `decoding` and left out.
  public static func decoded(id: String, options json: JSONValue, decoding: inout SchemaDecoding) -> Self? {
    func read<Options: SchemaValue>(_ type: Options.Type) -> Options? { decoding.decode(json, at: "options", as: type) }
    switch id {
    case "organize": return read(Transformation.Organize.self).map(Self.organize)
    case "merge": return read(Transformation.NoOptions.self).map { _ in .merge }
    case "reduce": return read(Transformation.Reduce.self).map(Self.reduce)
    case "calculateField": return read(Transformation.CalculateField.self).map(Self.calculateField)
    case "filterByValue": return read(Transformation.FilterByValue.self).map(Self.filterByValue)
    case "filterFieldsByName": return read(Transformation.FilterFieldsByName.self).map(Self.filterFieldsByName)
    case "groupBy": return read(Transformation.GroupBy.self).map(Self.groupBy)
    case "joinByField": return read(Transformation.JoinByField.self).map(Self.joinByField)
    case "sortBy": return read(Transformation.SortBy.self).map(Self.sortBy)
    case "renameByRegex": return read(Transformation.RenameByRegex.self).map(Self.renameByRegex)
    case "seriesToRows": return read(Transformation.NoOptions.self).map { _ in .seriesToRows }
    case "labelsToFields": return read(Transformation.LabelsToFields.self).map(Self.labelsToFields)
    case "concatenate": return read(Transformation.Concatenate.self).map(Self.concatenate)
    case "partitionByValues": return read(Transformation.PartitionByValues.self).map(Self.partitionByValues)
    default: return nil
    }
  }

  /// The `options` object.
  public func writeOptions<Sink: JSONSink & ~Copyable>(to sink: inout Sink) {
    switch self {
    case .organize(let options): options.writeJSON(to: &sink)
    case .merge, .seriesToRows: Transformation.NoOptions().writeJSON(to: &sink)
    case .reduce(let options): options.writeJSON(to: &sink)
    case .calculateField(let options): options.writeJSON(to: &sink)
    case .filterByValue(let options): options.writeJSON(to: &sink)
    case .filterFieldsByName(let options): options.writeJSON(to: &sink)
    case .groupBy(let options): options.writeJSON(to: &sink)
    case .joinByField(let options): options.writeJSON(to: &sink)
    case .sortBy(let options): options.writeJSON(to: &sink)
    case .renameByRegex(let options): options.writeJSON(to: &sink)
    case .labelsToFields(let options): options.writeJSON(to: &sink)
    case .concatenate(let options): options.writeJSON(to: &sink)
    case .partitionByValues(let options): options.writeJSON(to: &sink)
    case .other(_, let options): sink.json(options)
    }
  }

  /// The Swift that builds the kind as a transformation (`Transformation.organize(.init(…))`), for `gen import`.
  public var swiftSource: SwiftSource {
    func call(_ options: some SchemaValue) -> SwiftSource { .call("Transformation.\(id)", [("", options.swiftSource)]) }
    switch self {
    case .organize(let options): return call(options)
    case .merge, .seriesToRows: return .call("Transformation.\(id)", [])
    case .reduce(let options): return call(options)
    case .calculateField(let options): return call(options)
    case .filterByValue(let options): return call(options)
    case .filterFieldsByName(let options): return call(options)
    case .groupBy(let options): return call(options)
    case .joinByField(let options): return call(options)
    case .sortBy(let options): return call(options)
    case .renameByRegex(let options): return call(options)
    case .labelsToFields(let options): return call(options)
    case .concatenate(let options): return call(options)
    case .partitionByValues(let options): return call(options)
    case .other(let id, let options): return .call("Transformation.other", [("", .string(id)), ("options", options.swiftSource)])
    }
  }
}

// MARK: - Entry points, one per kind

extension Transformation {
  /// ```swift
  /// Transformation.organize(.init(excludeByName: ["Time": true], renameByName: ["Value": "Connections"]))
  /// ```
  public static func organize(_ options: Organize) -> Transformation { Transformation(.organize(options)) }
  /// Hides, orders and renames fields, as Grafana's editor saves it (all three maps, empty or not).
  /// ```swift
  /// Transformation.organize(exclude: ["Time"], order: ["instance", "Value"], rename: ["Value": "Connections"])
  /// ```
  public static func organize(exclude: [String] = [], order: [String] = [], rename: [String: String] = [:]) -> Transformation {
    organize(
      Organize(
        excludeByName: Dictionary(uniqueKeysWithValues: exclude.map { ($0, true) }),
        indexByName: Dictionary(order.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first }),
        renameByName: rename))
  }
  /// Joins all frames into one, rows of equal values in shared fields merged.
  /// ```swift
  /// Transformation.merge()
  /// ```
  public static func merge() -> Transformation { Transformation(.merge) }
  /// ```swift
  /// Transformation.reduce(.init(reducers: [.max], mode: .reduceFields, includeTimeField: false))
  /// ```
  public static func reduce(_ options: Reduce) -> Transformation { Transformation(.reduce(options)) }
  /// Each field (or series) reduced to one value per reducer.
  /// ```swift
  /// Transformation.reduce(.seriesToRows, reducers: [.last, .max])
  /// ```
  public static func reduce(_ mode: Reduce.Mode, reducers: [ReduceCalculation]) -> Transformation {
    reduce(Reduce(reducers: reducers, mode: mode))
  }
  /// A field computed from others.
  /// ```swift
  /// Transformation.calculateField(.binary(.field("errors"), .divide, .field("requests"), alias: "Error ratio"))
  /// ```
  public static func calculateField(_ options: CalculateField) -> Transformation { Transformation(.calculateField(options)) }
  /// Rows kept or dropped by their values.
  /// ```swift
  /// Transformation.filterByValue(.init(filters: [.init(fieldName: "Value", .greater(0))], type: .include, match: .any))
  /// ```
  public static func filterByValue(_ options: FilterByValue) -> Transformation { Transformation(.filterByValue(options)) }
  /// Fields kept or dropped by name.
  /// ```swift
  /// Transformation.filterFieldsByName(.init(include: .init(names: ["Time", "Value"])))
  /// ```
  public static func filterFieldsByName(_ options: FilterFieldsByName) -> Transformation {
    Transformation(.filterFieldsByName(options))
  }
  /// Rows grouped by some fields, the others aggregated.
  /// ```swift
  /// Transformation.groupBy(.init(fields: ["job": .groupBy, "Value": .aggregate([.sum])]))
  /// ```
  public static func groupBy(_ options: GroupBy) -> Transformation { Transformation(.groupBy(options)) }
  /// Frames joined on one field.
  /// ```swift
  /// Transformation.joinByField(.init(byField: "instance", mode: .outer))
  /// ```
  public static func joinByField(_ options: JoinByField) -> Transformation { Transformation(.joinByField(options)) }
  /// ```swift
  /// Transformation.sortBy(.init(sort: [.init(field: "Value", desc: true)]))
  /// ```
  public static func sortBy(_ options: SortBy) -> Transformation { Transformation(.sortBy(options)) }
  /// Fields renamed by a regular expression; `$1`… in the pattern are its groups.
  /// ```swift
  /// Transformation.renameByRegex(.init(regex: "(.*) total", renamePattern: "$1"))
  /// ```
  public static func renameByRegex(_ options: RenameByRegex) -> Transformation { Transformation(.renameByRegex(options)) }
  /// Series stacked into one table with a `Metric` column.
  /// ```swift
  /// Transformation.seriesToRows()
  /// ```
  public static func seriesToRows() -> Transformation { Transformation(.seriesToRows) }
  /// Labels turned into fields.
  /// ```swift
  /// Transformation.labelsToFields(.init(mode: .columns, keepLabels: ["job"]))
  /// ```
  public static func labelsToFields(_ options: LabelsToFields) -> Transformation { Transformation(.labelsToFields(options)) }
  /// All fields of all frames in one frame.
  /// ```swift
  /// Transformation.concatenate(.init(frameNameMode: .label, frameNameLabel: "frame"))
  /// ```
  public static func concatenate(_ options: Concatenate) -> Transformation { Transformation(.concatenate(options)) }
  /// One frame split into one per distinct value of some fields.
  /// ```swift
  /// Transformation.partitionByValues(.init(fields: ["region"], keepFields: false))
  /// ```
  public static func partitionByValues(_ options: PartitionByValues) -> Transformation {
    Transformation(.partitionByValues(options))
  }
  /// One of Grafana's transformations the DSL does not type, by id; validation refuses an unknown id.
  /// ```swift
  /// Transformation.other("convertFieldType", options: ["conversions": [["targetField": "Time", "destinationType": "time"]]])
  /// ```
  public static func other(_ id: String, options: JSONValue) -> Transformation { Transformation(.other(id: id, options: options)) }
}

@resultBuilder public enum TransformationBuilder: ListBuilder { public typealias Element = Transformation }
