/// The labels a Grafana legend names (`{{label}}`): `gen` checks them against the catalogue's labels,
/// `gen verify` against the series the server returns.
package enum LegendLabels {
  /// `code` and `handler` in "{{code}} {{ handler }}".
  package static func references(in legend: String) -> [String] {
    var names: [String] = []
    var rest = Substring(legend)
    while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
      let name = rest[open.upperBound..<close.lowerBound].filter { $0 != " " }
      if !name.isEmpty { names.append(String(name)) }
      rest = rest[close.upperBound...]
    }
    return names
  }
}
