/// Receives a JSON document as a stream of events: what the dashboard lowering writes to. Two sinks
/// exist: `JSONWriter` (MonitoringRender) turns the events into the committed bytes as they come (no
/// tree), `JSONTreeBuilder` collects them into a `JSONValue` (for tests and for the raw-JSON escape
/// hatch, which merges into a tree). One lowering therefore serves both.
///
/// A producer may write an object's keys in any order: both sinks put them in ascending UTF-8 byte
/// order, the order of the committed files (a producer that writes them in that order saves the
/// writer a sort).
/// ```swift
/// sink.beginObject()
/// sink.member("id", 1)
/// sink.member("type", "row")
/// sink.endObject()
/// ```
public protocol JSONSink: ~Copyable, SendableMetatype {
  mutating func beginObject()
  mutating func endObject()
  mutating func beginArray()
  mutating func endArray()
  /// The key of the next member: ASCII with nothing to escape (the lowering's own key names).
  mutating func key(_ key: StaticString)
  /// The key of the next member, from data (escaped as any string).
  mutating func dynamicKey(_ key: String)
  mutating func null()
  mutating func bool(_ value: Bool)
  mutating func int(_ value: Int)
  /// A number: integral values without `.0`, others in shortest round-trip form, non-finite as `null`.
  mutating func double(_ value: Double)
  mutating func string(_ value: String)
  /// A whole tree (an object's keys in byte order whatever their order in the tree).
  mutating func json(_ value: JSONValue)

  // The most frequent members, a key and a value in one call (a writer can do them in one step).
  mutating func member(_ key: StaticString, _ value: String)
  mutating func member(_ key: StaticString, _ value: Int)
  mutating func member(_ key: StaticString, _ value: Bool)

  /// A member whose value `write` writes from `input` alone. A sink may keep the text and, when the
  /// same member comes again at the same depth with an equal `input`, copy it instead of calling
  /// `write` (`JSONWriter` (MonitoringRender) does: panels repeat the same option objects). So `write` must read
  /// nothing but `input`, and a key is written by one `write` for each input type.
  mutating func member<Input: Equatable>(
    _ key: StaticString, memoizing input: Input, _ write: (Input, inout Self) -> Void)

  /// The next values of the open array: those `write` writes for each part, the parts in order. A
  /// sink may write several parts at once on other threads (`JSONWriter` (MonitoringRender) does,
  /// each into a buffer of its own, joined in order), so `write` must read nothing but its part.
  /// ```swift
  /// sink.beginArray()
  /// sink.values(of: [0..<500, 500..<1000]) { range, sink in for index in range { sink.int(index) } }
  /// sink.endArray()
  /// ```
  mutating func values<Part: Sendable>(of parts: [Part], _ write: @Sendable (Part, inout Self) -> Void)
}

extension JSONSink where Self: ~Copyable {
  public mutating func values<Part: Sendable>(of parts: [Part], _ write: @Sendable (Part, inout Self) -> Void) {
    for part in parts { write(part, &self) }
  }

  public mutating func member<Input: Equatable>(
    _ key: StaticString, memoizing input: Input, _ write: (Input, inout Self) -> Void
  ) {
    self.key(key)
    write(input, &self)
  }

  @inline(__always) public mutating func member(_ key: StaticString, _ value: String) {
    self.key(key)
    string(value)
  }

  @inline(__always) public mutating func member(_ key: StaticString, _ value: Int) {
    self.key(key)
    int(value)
  }

  @inline(__always) public mutating func member(_ key: StaticString, _ value: Double) {
    self.key(key)
    double(value)
  }

  @inline(__always) public mutating func member(_ key: StaticString, _ value: Bool) {
    self.key(key)
    bool(value)
  }

  /// A member whose value is a tree.
  @inline(__always) public mutating func member(_ key: StaticString, json value: JSONValue) {
    self.key(key)
    json(value)
  }

  /// A number or `null` when absent (threshold steps, mapping ranges).
  @inline(__always) public mutating func member(_ key: StaticString, orNull value: Double?) {
    self.key(key)
    if let value { double(value) } else { null() }
  }

  /// An array of strings.
  public mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }
}
