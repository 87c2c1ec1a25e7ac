/// What an import tells the person who reviews it: what it changed on the way in, and what it
/// kept as raw JSON because the DSL has no typed form for it.
/// ```swift
/// for note in result.notes { print(note) }   // "warning: panel \"CPU\": kept raw: options.legend.calcs"
/// ```
public enum ImportNote: Hashable, Sendable, CustomStringConvertible {
  /// The input was changed the way Grafana changes it (envelope, rows, legacy panels).
  case migrated(String)
  /// Something typed in the DSL is kept as raw JSON at these paths of `item`.
  case keptRaw(item: String, paths: [String])
  /// Grafana's load-time defaults (`LoadTimeDefaults`) the spec writes where the input leaves them
  /// out: the render equals the input modulo these.
  case defaulted([String])
  /// How many of the Prometheus queries became typed PromQL (on a catalogue inferred from use), how
  /// many of those had their text rewritten in the DSL's form (the same syntax tree), of how many there are.
  case typedPromQL(typed: Int, reformatted: Int, of: Int)
  /// Something in the input is dropped or suspicious (a misspelled key, a value out of range).
  case warning(String)

  public var description: String {
    switch self {
    case .migrated(let text): "note: \(text)"
    case .keptRaw(let item, let paths): "raw: \(item): \(paths.joined(separator: ", "))"
    case .defaulted(let names): "defaults: equal modulo Grafana's load-time defaults: \(names.joined(separator: ", "))"
    case .typedPromQL(let typed, let reformatted, let total):
      "promql: \(typed) of \(total) queries typed"
        + (reformatted > 0 ? ", \(reformatted) of them now written in the DSL's form (the same syntax tree)" : "")
        + (typed < total ? "; the others are text (written otherwise than the DSL writes them, or beyond its tree)" : "")
    case .warning(let text): "warning: \(text)"
    }
  }
}
