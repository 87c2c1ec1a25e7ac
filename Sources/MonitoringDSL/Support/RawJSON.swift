/// The raw-JSON escape hatch, for what the DSL does not type: members merged into the lowered JSON
/// (``JSONValue/merging(_:)``), then member paths taken out. Dashboards, rows, panels, queries,
/// transformations, variables, datasources and dashboard providers carry it; `gen import` writes it
/// for what it could not type, so an imported spec renders its input exactly.
/// ```swift
/// TimeSeries("CPU") { Query("rate(cpu_seconds_total[5m])") }
///   .extraJSON(["options": ["legend": ["sortBy": "Max", "sortDesc": true]]])
///   .removingJSON(["pluginVersion"])
/// ```
public protocol RawJSONCarrying: CopyModifying {
  /// `nil` when there is none: the common case costs one word and no reference counting.
  var rawJSON: RawJSON? { get set }
}

/// The escape hatch's content: raw JSON merged into the lowered JSON, then member paths taken out.
public struct RawJSON: Hashable, Sendable {
  public var extra: JSONValue?
  public var removed: [[String]] = []
}

extension RawJSONCarrying {
  /// Raw JSON merged into the lowered JSON last.
  public var extraJSON: JSONValue? {
    get { rawJSON?.extra }
    set { updateRawJSON { $0.extra = newValue } }
  }

  /// Members taken out of the lowered JSON after the merge, as object-key paths.
  public var removedJSON: [[String]] {
    get { rawJSON?.removed ?? [] }
    set { updateRawJSON { $0.removed = newValue } }
  }

  public func extraJSON(_ json: JSONValue) -> Self { with { $0.extraJSON = $0.extraJSON.map { $0.merging(json) } ?? json } }
  public func removingJSON(_ paths: [String]...) -> Self { with { $0.removedJSON += paths } }

  /// Whether there is anything to apply.
  @inlinable public var hasRawJSON: Bool { rawJSON != nil }

  /// `lowered` with the raw JSON applied.
  public func applyingRawJSON(to lowered: JSONValue) -> JSONValue {
    guard let rawJSON else { return lowered }
    return lowered.patched(merging: rawJSON.extra, removing: rawJSON.removed)
  }

  private mutating func updateRawJSON(_ change: (inout RawJSON) -> Void) {
    var raw = rawJSON ?? RawJSON()
    change(&raw)
    rawJSON = raw.extra == nil && raw.removed.isEmpty ? nil : raw
  }
}
