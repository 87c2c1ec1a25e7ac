public import MonitoringDSL

/// A `JSONSink` that collects the events into a `JSONValue`: the tree form of what the lowering
/// writes, for tests that look inside a dashboard and for merging the raw-JSON escape hatch.
/// ```swift
/// var builder = JSONTreeBuilder()
/// builder.beginObject(); builder.member("id", 1); builder.endObject()
/// builder.result  // ["id": 1]
/// ```
public struct JSONTreeBuilder: JSONSink {
  private enum Kind { case object, array }

  /// The finished tree, once the outermost value is complete.
  public private(set) var result: JSONValue = .null
  // One stack per container kind, so appending to the innermost one mutates it in place.
  private var kinds: [Kind] = []
  private var objects: [[String: JSONValue]] = []
  private var arrays: [[JSONValue]] = []
  /// The key each open object is waiting to fill, and the key of the member being written.
  private var keys: [String?] = []
  private var pendingKey: String?

  public init() {}

  public mutating func beginObject() {
    kinds.append(.object)
    objects.append([:])
    keys.append(pendingKey)
    pendingKey = nil
  }

  public mutating func endObject() {
    kinds.removeLast()
    let members = objects.removeLast()
    pendingKey = keys.removeLast()
    add(.object(members))
  }

  public mutating func beginArray() {
    kinds.append(.array)
    arrays.append([])
    keys.append(pendingKey)
    pendingKey = nil
  }

  public mutating func endArray() {
    kinds.removeLast()
    let elements = arrays.removeLast()
    pendingKey = keys.removeLast()
    add(.array(elements))
  }

  public mutating func key(_ key: StaticString) { dynamicKey(key.description) }

  public mutating func dynamicKey(_ key: String) { pendingKey = key }
  public mutating func null() { add(.null) }
  public mutating func bool(_ value: Bool) { add(.bool(value)) }
  public mutating func int(_ value: Int) { add(.int(value)) }
  public mutating func double(_ value: Double) { add(.double(value)) }
  public mutating func string(_ value: String) { add(.string(value)) }
  public mutating func json(_ value: JSONValue) { add(value) }

  private mutating func add(_ value: JSONValue) {
    switch kinds.last {
    case nil: result = value
    case .array: arrays[arrays.count - 1].append(value)
    case .object:
      objects[objects.count - 1][pendingKey ?? ""] = value
      pendingKey = nil
    }
  }
}

extension JSONSink where Self: ~Copyable {
  /// Writes an item that has raw JSON (``RawJSONCarrying/hasRawJSON``): its members collected as a
  /// tree by `members`, the raw JSON applied, then written. Items without stream straight through.
  /// ```swift
  /// guard panel.hasRawJSON else { return writeMembers(panel, to: &sink) }
  /// sink.writePatching(panel) { writeMembers(panel, to: &$0) }
  /// ```
  mutating func writePatching<Item: RawJSONCarrying>(_ item: Item, _ members: (inout JSONTreeBuilder) -> Void) {
    var builder = JSONTreeBuilder()
    members(&builder)
    json(item.applyingRawJSON(to: builder.result))
  }
}
