public import MonitoringDSL

/// Assigns query refIds: explicit ones are kept, the rest get the next unused letter (A…Z, AA, AB…).
public enum RefIDs {
  public static func assign(_ queries: [Query]) -> [String] {
    // The usual case, no explicit refId: A, B, C… in order.
    if !queries.contains(where: { $0.refID != nil }) { return queries.indices.map(letters) }
    var used = Set(queries.compactMap(\.refID))
    var next = 0
    return queries.map { query in
      if let explicit = query.refID { return explicit }
      while used.contains(letters(next)) { next += 1 }
      let id = letters(next)
      used.insert(id)
      return id
    }
  }

  /// 0 → A, 25 → Z, 26 → AA, like spreadsheet columns.
  static func letters(_ index: Int) -> String {
    if index < 26 { return singleLetters[index] }
    var number = index
    var scalars: [Unicode.Scalar] = []
    repeat {
      scalars.insert(Unicode.Scalar(UInt8(65 + number % 26)), at: 0)
      number = number / 26 - 1
    } while number >= 0
    return String(String.UnicodeScalarView(scalars))
  }

  private static let singleLetters = (0..<26).map { String(Unicode.Scalar(UInt8(65 + $0))) }
}
