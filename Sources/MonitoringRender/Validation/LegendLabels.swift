/// The labels a Grafana legend names (`{{label}}`): `gen` checks them against the catalogue's labels,
/// `gen verify` against the series the server returns.
package enum LegendLabels {
  /// `code` and `handler` in "{{code}} {{ handler }}".
  // NB: on the UTF-8 bytes, as Grafana reads them: every query's legend passes through here, and
  // `firstRange(of:)` on characters costs thousands of instructions per legend.
  package static func references(in legend: String) -> [String] {
    var names: [String] = []
    var legend = legend
    legend.withUTF8 { utf8 in
      var index = 0
      while let open = doubled(UInt8(ascii: "{"), in: utf8, from: index),
        let close = doubled(UInt8(ascii: "}"), in: utf8, from: open + 2)
      {
        let name = utf8[(open + 2)..<close].filter { $0 != UInt8(ascii: " ") }
        if !name.isEmpty { names.append(String(decoding: name, as: UTF8.self)) }
        index = close + 2
      }
    }
    return names
  }

  /// Where `byte` twice in a row first occurs in `utf8`, at `start` or after.
  private static func doubled(_ byte: UInt8, in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 1 < utf8.count {
      if utf8[index] == byte, utf8[index + 1] == byte { return index }
      index += 1
    }
    return nil
  }
}
