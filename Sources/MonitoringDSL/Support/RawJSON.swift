/// The raw-JSON escape hatch, for what the DSL does not type: members merged into the lowered JSON
/// (``JSONValue/merging(_:)``), then member paths taken out. Dashboards, rows, panels, queries,
/// variables, datasources and dashboard providers carry it; `gen import` writes it for what it
/// could not type, so an imported spec renders its input exactly.
/// ```swift
/// TimeSeries("CPU") { Query("rate(cpu_seconds_total[5m])") }
///   .extraJSON(["options": ["legend": ["sortBy": "Max", "sortDesc": true]]])
///   .removingJSON(["pluginVersion"])
/// ```
public protocol RawJSONCarrying: CopyModifying {
  /// Raw JSON merged into the lowered JSON last.
  var extraJSON: JSONValue? { get set }
  /// Members taken out of the lowered JSON after the merge, as object-key paths.
  var removedJSON: [[String]] { get set }
}

extension RawJSONCarrying {
  public func extraJSON(_ json: JSONValue) -> Self { with { $0.extraJSON = $0.extraJSON.map { $0.merging(json) } ?? json } }
  public func removingJSON(_ paths: [String]...) -> Self { with { $0.removedJSON += paths } }

  /// Whether there is anything to apply.
  public var hasRawJSON: Bool { extraJSON != nil || !removedJSON.isEmpty }

  /// `lowered` with the raw JSON applied.
  public func applyingRawJSON(to lowered: JSONValue) -> JSONValue { lowered.patched(merging: extraJSON, removing: removedJSON) }
}
