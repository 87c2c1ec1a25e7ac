/// One difference `gen diff` reports: an item added, removed or moved, or one field of it changed,
/// with the old and new value as text.
/// ```swift
/// Change(kind: .changed, path: [.dashboard("Ops"), .panel("CPU")], field: "unit", old: "short", new: "percent")
/// ```
public struct Change: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable {
    case added, removed, moved, changed
  }

  public var kind: Kind
  /// The item: environment › dashboard › row › panel › query, rules › group › alert, …
  public var path: [PathElement]
  /// The field of the item, or `nil` when the change is the item itself (added, removed, moved).
  public var field: String?
  public var old: String?
  public var new: String?
  /// The ``ReviewItem/identity`` of the item, to find it again (`gen preview` marks panels by it);
  /// empty when the change was made by hand.
  public var identity: [String]

  public init(
    kind: Kind, path: [PathElement], field: String? = nil, old: String? = nil, new: String? = nil, identity: [String] = []
  ) {
    self.kind = kind
    self.path = path
    self.identity = identity
    self.field = field
    self.old = old
    self.new = new
  }
}
