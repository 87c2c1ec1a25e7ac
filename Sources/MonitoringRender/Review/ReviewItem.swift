/// One thing a reviewer recognises in the output — a dashboard, panel, query, alert, route, scrape
/// job, receiver — with the fields `gen diff` compares, flattened to `name: value` text.
///
/// `identity` finds the same item on both sides: the file, then names that do not change when the
/// item moves (a panel's title, not its row). `container` and `order` are where it sits among its
/// siblings (row and position, rule group and position), so a reordering reads as a move.
public struct ReviewItem: Hashable, Sendable {
  public var identity: [String]
  public var path: [PathElement]
  public var container: String?
  public var order: Int
  public var fields: [Field]

  public struct Field: Hashable, Sendable {
    public var name: String
    public var value: String
  }

  /// The identity of the item this one belongs to (a panel's dashboard), or `nil` at the top.
  var parentIdentity: [String]? { identity.count > 1 ? Array(identity.dropLast()) : nil }
}
