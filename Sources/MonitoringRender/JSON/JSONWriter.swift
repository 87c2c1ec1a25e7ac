public import MonitoringDSL
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes JSON as the bytes we commit: 2-space indent, `"key": value`, keys sorted by their UTF-8
/// bytes, `{}`/`[]` when empty, no escaped `/`, integral numbers without `.0`, and a final newline.
/// Every formatting policy lives here and nowhere else.
///
/// It is a streaming `JSONSink`: the dashboard lowering writes its events straight into the byte
/// buffer, so no tree is built. The order of keys is the writer's, not its callers': when an object
/// closes whose keys did not come in byte order, the writer sorts its members in place (a producer
/// that writes them in order, as the lowering does, pays only a comparison per key). A tree
/// (`JSONValue`) goes through the same writer (``write(_:)``).
/// ```swift
/// let text = JSONWriter.write(["b": 1, "a": [true, nil]])
///
/// var writer = JSONWriter()
/// writer.beginObject(); writer.member("a", 1); writer.endObject()
/// let bytes = writer.finish()   // "{\n  \"a\": 1\n}\n"
/// ```
public struct JSONWriter: ~Copyable, JSONSink {
  // NB: the buffer is managed by hand (the writer is non-copyable and frees it in `deinit`): the
  // writer appends a few bytes per event, and `Array.append` costs more than the bytes themselves.
  // It comes from `malloc` so that growing is a `realloc`: a large buffer is remapped, not copied
  // into fresh pages (each first touch of a page is a fault, the larger part of writing a big file).
  private var base: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  private var depth = 0
  /// Right after `{` or `[`: the next member needs no comma, and closing now gives `{}` or `[]`.
  private var atContainerStart = false
  /// Right after `"key": `: the value follows on the same line.
  private var afterKey = false
  /// The text of memoized members, by member key and depth (a handful: one per memoized key and depth).
  private var memos: [Memo] = []
  /// Per open container (index `depth - 1`), where its members start in `members`; kept across
  /// containers at a depth.
  private var containers: [OpenContainer] = []
  /// The members of the open containers, each container's after those of the one it is in.
  /// NB: one buffer managed by hand, as the bytes are: a member is recorded per key, and an array per
  /// container (its uniqueness checks, its clearing) cost more than writing the member.
  private var members: UnsafeMutablePointer<Member>
  private var memberCount = 0
  private var memberCapacity = 64

  /// Where an object's member is in the buffer, to sort the members when their keys came out of order.
  private struct Member {
    /// Its separator: the `,` (but for the first), line break and indent before the key.
    var start: Int
    /// The key's bytes, between its quotes.
    var key: Range<Int>
  }

  private struct OpenContainer {
    /// Its first member's index in `members`; the last is before the next container's first, or the last one.
    var firstMember: Int
    var inOrder = true
    /// The last key of the members already handed to `flush` (their bytes are gone), if any.
    var flushedKey: [UInt8]?
  }
  private let chunkSize: Int
  private let flush: ((UnsafeBufferPointer<UInt8>) -> Void)?
  /// Set while a memoized member is written, so its bytes stay in the buffer until they are kept.
  private var recording = 0

  /// A writer that keeps every byte until ``finish()``.
  public init(capacity: Int = 1 << 14) {
    self.capacity = Swift.max(capacity, 256)
    base = Self.allocate(self.capacity)
    members = .allocate(capacity: memberCapacity)
    chunkSize = .max
    flush = nil
  }

  /// A writer that hands its bytes to `flush` whenever a container closes with at least `chunkSize`
  /// bytes buffered, and at ``finish()``, so memory stays flat however large the document. Members
  /// of an object that is still open when its first part is handed out cannot be moved any more:
  /// such an object's keys must come in byte order (the lowering writes them so), else the writer
  /// stops with a precondition failure rather than write them out of order.
  public init(chunkSize: Int = 1 << 16, flush: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    self.chunkSize = Swift.max(chunkSize, 256)
    capacity = self.chunkSize * 2
    base = Self.allocate(capacity)
    members = .allocate(capacity: memberCapacity)
    self.flush = flush
  }

  deinit {
    free(base)
    members.deallocate()
  }

  private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
    guard let memory = malloc(capacity) else { fatalError("JSONWriter: out of memory for \(capacity) bytes") }
    return memory.assumingMemoryBound(to: UInt8.self)
  }

  /// The whole document of `value`, keys sorted, with the final newline.
  public static func write(_ value: JSONValue) -> String {
    var writer = JSONWriter()
    writer.json(value)
    return String(decoding: writer.finish(), as: UTF8.self)
  }

  /// Ends the document with its final newline and returns its bytes (with a `flush` handler, what it
  /// has not handed out: nothing).
  public mutating func finish() -> [UInt8] { finish { Array($0) } }

  /// Ends the document with its final newline and hands its bytes to `body`, in place (a large
  /// document is not copied; with a `flush` handler, the bytes not handed out yet: none); the writer is
  /// empty afterwards.
  public mutating func finish<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    reserve(1)
    put(UInt8(ascii: "\n"))
    if let flush {
      flush(UnsafeBufferPointer(start: base, count: count))
      count = 0
    }
    defer { count = 0 }
    return try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// Integral values print as integers; others in Swift's shortest round-trip form. Non-finite values
  /// are not JSON: validation rejects them, and the writer stays total by writing `null`.
  static func format(_ number: Double) -> String {
    number.isFinite ? NumberText.format(number) : "null"
  }

  // MARK: - The buffer

  /// Makes room for `extra` more bytes, plus 8 of slack for the word-wide stores of `breakLine`.
  @inline(__always) private mutating func reserve(_ extra: Int) {
    if count &+ extra &+ 8 > capacity { grow(to: count &+ extra &+ 8) }
  }

  @inline(never) private mutating func grow(to needed: Int) {
    let newCapacity = Swift.max(needed, capacity * 2)
    guard let memory = realloc(base, newCapacity) else { fatalError("JSONWriter: out of memory for \(newCapacity) bytes") }
    base = memory.assumingMemoryBound(to: UInt8.self)
    capacity = newCapacity
  }

  /// Appends without checking the room: callers `reserve` first.
  @inline(__always) private mutating func put(_ byte: UInt8) {
    base[count] = byte
    count &+= 1
  }

  @inline(__always) private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
    count &+= bytes.count
  }

  @inline(__always) private mutating func put(_ text: StaticString) {
    text.withUTF8Buffer { put($0) }
  }

  // MARK: - Containers

  public mutating func beginObject() {
    startValue(extra: 1)
    put(UInt8(ascii: "{"))
    open()
  }

  public mutating func endObject() { close(UInt8(ascii: "}")) }

  public mutating func beginArray() {
    startValue(extra: 1)
    put(UInt8(ascii: "["))
    open()
  }

  public mutating func endArray() { close(UInt8(ascii: "]")) }

  @inline(__always) private mutating func open() {
    depth &+= 1
    atContainerStart = true
    let container = OpenContainer(firstMember: memberCount)
    if containers.count < depth { containers.append(container) } else { containers[depth &- 1] = container }
  }

  @inline(__always) private mutating func close(_ bracket: UInt8) {
    if !containers[depth &- 1].inOrder { sortMembers(of: depth &- 1) }
    memberCount = containers[depth &- 1].firstMember
    depth &-= 1
    reserve(2 &* depth &+ 2)
    if !atContainerStart { breakLine(comma: false) }
    put(bracket)
    atContainerStart = false
    if count >= chunkSize, canFlush { flushBuffered() }
  }

  /// Whether the bytes so far may be handed to `flush`: not inside a memoized member, and no open
  /// object whose keys came out of order (it keeps its bytes until it closes and is sorted).
  private var canFlush: Bool { flush != nil && recording == 0 && containers[0..<depth].allSatisfy(\.inOrder) }

  /// Hands the buffered bytes to `flush`. Callers check `canFlush`.
  private mutating func flushBuffered() {
    guard let flush, count > 0 else { return }
    // The open objects' members leave the buffer: each keeps its last key to compare the next with.
    for index in 0..<depth {
      let end = index &+ 1 < depth ? containers[index &+ 1].firstMember : memberCount
      if end > containers[index].firstMember {
        let last = members[end &- 1].key
        containers[index].flushedKey = Array(UnsafeBufferPointer(start: base + last.lowerBound, count: last.count))
      }
    }
    for index in 0..<depth { containers[index].firstMember = 0 }
    memberCount = 0
    flush(UnsafeBufferPointer(start: base, count: count))
    count = 0
  }

  // MARK: - Values written concurrently

  /// Writes the parts on all cores, in order of their index, and joins them in order: the bytes of
  /// writing them one by one. This thread writes a part in place when every part before it is
  /// joined; a part written while an earlier one is still being written goes into a writer of its
  /// own (reused once joined), so memory stays at a few parts.
  /// ```swift
  /// writer.beginArray()
  /// writer.values(of: [0..<500, 500..<1000]) { range, writer in for index in range { writer.int(index) } }
  /// writer.endArray()
  /// ```
  public mutating func values<Part: Sendable>(of parts: [Part], _ write: @Sendable (Part, inout JSONWriter) -> Void) {
    guard parts.count > 1, activeProcessorCount > 1 else {
      for part in parts { write(part, &self) }
      return
    }
    let queue = PartQueue(depth: depth, count: parts.count)
    let helpers = Array(1..<min(activeProcessorCount, parts.count))
    var joined = 0
    func joinWrittenAhead() {
      while let part = queue.takeWritten(joined) {
        append(valuesOf: part.writer)
        queue.recycle(part)
        joined += 1
      }
    }
    withoutActuallyEscaping(write) { write in
      _ = concurrently({
        while let index = queue.claim() {
          joinWrittenAhead()
          if index == joined {
            write(parts[index], &self)
            joined += 1
          } else {
            queue.write(index, of: parts, with: write)
          }
        }
      }) {
        helpers.concurrentMap { _ in
          while let index = queue.claim() { queue.write(index, of: parts, with: write) }
        }
      }
    }
    joinWrittenAhead()
    precondition(joined == parts.count, "JSONWriter.values: a part was not written")
  }

  /// The parts of `values(of:_:)`: which one a thread writes next, those written ahead of the
  /// joined ones, and spare writers for them.
  private final class PartQueue: @unchecked Sendable {
    let depth: Int
    let count: Int
    /// Guarded by `lock`, as are `writtenAhead` and `spares`.
    private var next = 0
    private var writtenAhead: [Int: PartWriter] = [:]
    private var spares: [PartWriter] = []
    private let lock = DispatchQueue(label: "JSONWriter.PartQueue")

    init(depth: Int, count: Int) {
      self.depth = depth
      self.count = count
    }

    func claim() -> Int? {
      lock.sync {
        guard next < count else { return nil }
        defer { next += 1 }
        return next
      }
    }

    /// Writes part `index` into a writer of its own, to be joined later.
    func write<Part>(_ index: Int, of parts: [Part], with write: (Part, inout JSONWriter) -> Void) {
      let part = lock.sync { spares.popLast() } ?? PartWriter(depth: depth)
      write(parts[index], &part.writer)
      lock.sync { writtenAhead[index] = part }
    }

    func takeWritten(_ index: Int) -> PartWriter? { lock.sync { writtenAhead.removeValue(forKey: index) } }

    func recycle(_ part: PartWriter) {
      part.writer.restartValues()
      lock.sync { spares.append(part) }
    }
  }

  /// A writer of some of an array's values, handed between threads (by `PartQueue`, under its lock).
  private final class PartWriter: @unchecked Sendable {
    var writer: JSONWriter
    init(depth: Int) { writer = JSONWriter(valuesAtDepth: depth) }
  }

  /// A writer whose values go into an array open at `depth`, as if they were its first.
  private init(valuesAtDepth depth: Int) {
    self.init()
    self.depth = depth
    atContainerStart = true
    containers = Array(repeating: OpenContainer(firstMember: 0), count: depth)
  }

  /// Empties a writer made by `init(valuesAtDepth:)` for the values of another part.
  private mutating func restartValues() {
    count = 0
    atContainerStart = true
  }

  /// Appends the values `part` wrote (into an array at this depth) after those written here.
  private mutating func append(valuesOf part: borrowing JSONWriter) {
    guard part.count > 0 else { return }
    if !atContainerStart {
      reserve(1)
      put(UInt8(ascii: ","))
    }
    atContainerStart = false
    let bytes = UnsafeBufferPointer(start: part.base, count: part.count)
    if let flush, canFlush {
      flushBuffered()
      flush(bytes)
    } else {
      reserve(bytes.count)
      put(bytes)
    }
  }

  /// Rewrites the members of the open object at `index` (its last bytes in the buffer) in the byte
  /// order of their keys: the same bytes, each member moved whole with its own separator.
  @inline(never) private mutating func sortMembers(of index: Int) {
    let members = Array(UnsafeBufferPointer(start: self.members + containers[index].firstMember, count: memberCount &- containers[index].firstMember))
    let first = members[0].start
    let copy = Array(UnsafeBufferPointer(start: base + first, count: count &- first))
    let ends = members.dropFirst().map(\.start) + [count]
    let order = members.indices.sorted { left, right in
      copy[(members[left].key.lowerBound &- first)..<(members[left].key.upperBound &- first)]
        .lexicographicallyPrecedes(copy[(members[right].key.lowerBound &- first)..<(members[right].key.upperBound &- first)])
    }
    count = first
    let indent = 2 &* (index &+ 1)
    for (position, member) in order.enumerated() {
      if position > 0 { put(UInt8(ascii: ",")) }
      put(UInt8(ascii: "\n"))
      for _ in 0..<indent { put(UInt8(ascii: " ")) }
      // From the key's opening quote to the member's end, without the separator it came with.
      let from = members[member].key.lowerBound &- 1 &- first
      copy[from..<(ends[member] &- first)].withUnsafeBufferPointer { put($0) }
    }
  }

  /// Notes where a member starts and where its key's bytes are, and whether it breaks the order.
  @inline(__always) private mutating func recordMember(start: Int, key: Range<Int>) {
    let index = depth &- 1
    let new = UnsafeBufferPointer(start: base + key.lowerBound, count: key.count)
    if containers[index].inOrder, memberCount > containers[index].firstMember {
      let previous = members[memberCount &- 1].key
      if !Self.precedes(base + previous.lowerBound, count: previous.count, new) { containers[index].inOrder = false }
    } else if let flushed = containers[index].flushedKey, !flushed.lexicographicallyPrecedes(new) {
      containers[index].inOrder = false
    }
    precondition(
      containers[index].inOrder || containers[index].flushedKey == nil,
      "JSONWriter: key \"\(String(decoding: new, as: UTF8.self))\" out of byte order in an object already partly flushed")
    if memberCount == memberCapacity { growMembers() }
    (members + memberCount).initialize(to: Member(start: start, key: key))
    memberCount &+= 1
  }

  @inline(never) private mutating func growMembers() {
    let larger = UnsafeMutablePointer<Member>.allocate(capacity: memberCapacity * 2)
    larger.moveInitialize(from: members, count: memberCount)
    members.deallocate()
    members = larger
    memberCapacity *= 2
  }

  /// Whether the key at `key` comes before `other` in byte order. NB: inlined, this runs for every
  /// member, and keys usually differ in their first bytes (the generic `lexicographicallyPrecedes`
  /// or a call to `memcmp` cost more than the comparison).
  @inline(__always) private static func precedes(
    _ key: UnsafePointer<UInt8>, count: Int, _ other: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let common = Swift.min(count, other.count)
    var index = 0
    while index < common {
      if key[index] != other[index] { return key[index] < other[index] }
      index &+= 1
    }
    return count < other.count
  }

  /// Where a value starts: after a key on the same line, else on its own line inside a container.
  /// Reserves room for the line break and `extra` bytes.
  @inline(__always) private mutating func startValue(extra: Int) {
    if afterKey {
      afterKey = false
      reserve(extra)
    } else {
      reserve(2 &* depth &+ 2 &+ extra)
      if depth > 0 {
        breakLine(comma: !atContainerStart)
        atContainerStart = false
      }
    }
  }

  /// `,` (when `comma`), a newline and the indent of the current depth. Callers `reserve`
  /// `2 * depth + 2` bytes (and so the slack the spaces may overrun by, 8 bytes at a time).
  @inline(__always) private mutating func breakLine(comma: Bool) {
    if comma { put(UInt8(ascii: ",")) }
    put(UInt8(ascii: "\n"))
    let width = 2 &* depth
    let start = UnsafeMutableRawPointer(base + count)
    var offset = 0
    while offset < width {
      start.storeBytes(of: 0x2020_2020_2020_2020 as UInt64, toByteOffset: offset, as: UInt64.self)
      offset &+= 8
    }
    count &+= width
  }

  // MARK: - Keys

  public mutating func key(_ key: StaticString) {
    putKey(key, reserving: 0)
    afterKey = true
  }

  public mutating func member(_ key: StaticString, _ value: String) {
    putKey(key, reserving: 0)
    appendQuoted(value)
  }

  public mutating func member(_ key: StaticString, _ value: Int) {
    putKey(key, reserving: 20)
    putDigits(value)
  }

  public mutating func member(_ key: StaticString, _ value: Bool) {
    putKey(key, reserving: 5)
    put(value ? "true" : "false")
  }

  public mutating func member<Input: Equatable>(
    _ key: StaticString, memoizing input: Input, _ write: (Input, inout JSONWriter) -> Void
  ) {
    guard key.hasPointerRepresentation else {  // (a one-scalar key has no address to know it by)
      self.key(key)
      return write(input, &self)
    }
    putKey(key, reserving: 0)
    let slot = memos.firstIndex { $0.key == key.utf8Start && $0.depth == depth }
    // The input's type is checked by identity: cheaper than a dynamic cast, and as safe.
    if let slot, memos[slot].inputType == ObjectIdentifier(Input.self),
      case let memo = unsafeDowncast(memos[slot].text, to: MemoText<Input>.self), memo.input == input
    {
      memo.bytes.withUnsafeBufferPointer { bytes in
        reserve(bytes.count)
        put(bytes)
      }
      return
    }
    let start = count
    recording &+= 1
    afterKey = true
    write(input, &self)
    recording &-= 1
    let text = MemoText(input: input, bytes: Array(UnsafeBufferPointer(start: base + start, count: count &- start)))
    let memo = Memo(key: key.utf8Start, depth: depth, inputType: ObjectIdentifier(Input.self), text: text)
    if let slot { memos[slot] = memo } else { memos.append(memo) }
  }

  /// The text a memoized member's value had, for the key (by address) and depth it was written at.
  private struct Memo {
    let key: UnsafePointer<UInt8>
    let depth: Int
    let inputType: ObjectIdentifier
    let text: AnyObject
  }

  private final class MemoText<Input: Equatable> {
    let input: Input
    let bytes: [UInt8]
    init(input: Input, bytes: [UInt8]) {
      self.input = input
      self.bytes = bytes
    }
  }

  /// The line break and `"key": `, with room for `extra` more bytes.
  @inline(__always) private mutating func putKey(_ key: StaticString, reserving extra: Int) {
    reserve(2 &* depth &+ 5 &+ key.utf8CodeUnitCount &+ extra)
    let start = count
    breakLine(comma: !atContainerStart)
    atContainerStart = false
    put(UInt8(ascii: "\""))
    let keyStart = count
    put(key)
    recordMember(start: start, key: keyStart..<count)
    put(UInt8(ascii: "\""))
    put(UInt8(ascii: ":"))
    put(UInt8(ascii: " "))
  }

  public mutating func dynamicKey(_ key: String) {
    reserve(2 &* depth &+ 2)
    let start = count
    breakLine(comma: !atContainerStart)
    atContainerStart = false
    let quote = count
    appendQuoted(key)
    recordMember(start: start, key: (quote &+ 1)..<(count &- 1))
    reserve(2)
    put(UInt8(ascii: ":"))
    put(UInt8(ascii: " "))
    afterKey = true
  }

  // MARK: - Scalars

  public mutating func null() {
    startValue(extra: 4)
    put("null")
  }

  public mutating func bool(_ value: Bool) {
    startValue(extra: 5)
    put(value ? "true" : "false")
  }

  public mutating func int(_ value: Int) {
    startValue(extra: 20)
    putDigits(value)
  }

  public mutating func double(_ value: Double) {
    if value.isFinite, value == value.rounded(), Swift.abs(value) < 1e15 {
      startValue(extra: 20)
      putDigits(Int(value))  // NumberText's integral case, without a String
    } else {
      var text = Self.format(value)
      text.withUTF8 { utf8 in
        startValue(extra: utf8.count)
        put(utf8)
      }
    }
  }

  public mutating func string(_ value: String) {
    startValue(extra: 0)
    appendQuoted(value)
  }

  /// Decimal digits of `value`. Callers reserve 20 bytes.
  @inline(__always) private mutating func putDigits(_ value: Int) {
    if value >= 0, value < 10 {
      put(UInt8(ascii: "0") + UInt8(value))
      return
    }
    if value < 0 { put(UInt8(ascii: "-")) }
    var rest = value.magnitude
    var digits = 0
    var probe = rest
    repeat {
      digits += 1
      probe /= 10
    } while probe > 0
    var index = count + digits
    count = index
    repeat {
      index -= 1
      base[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    } while rest > 0
  }

  /// `"text"`, escaping only what JSON requires (never `/`). Text with nothing to escape is copied
  /// in one piece.
  @inline(__always) private mutating func appendQuoted(_ text: String) {
    let utf8 = text.utf8
    if utf8.withContiguousStorageIfAvailable({ appendQuoted($0) }) == nil {
      let bytes = Array(utf8)  // bridged text only; native strings are contiguous
      bytes.withUnsafeBufferPointer { appendQuoted($0) }
    }
  }

  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    reserve(utf8.count &+ 2)
    put(UInt8(ascii: "\""))
    guard let bytes = UnsafeRawPointer(utf8.baseAddress) else { return put(UInt8(ascii: "\"")) }
    var start = 0
    var index = 0
    while index < utf8.count {
      // NB: eight bytes at a time while none of them needs escaping (the usual case, one byte at a
      // time cost more than the rest of writing a string).
      if index &+ 8 <= utf8.count, !Self.mayNeedEscaping(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
        index &+= 8
        continue
      }
      let byte = utf8[index]
      index &+= 1
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
      put(UnsafeBufferPointer(rebasing: utf8[start..<(index &- 1)]))
      appendEscape(byte)
      start = index
      reserve(utf8.count &- start &+ 1)
    }
    put(UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    put(UInt8(ascii: "\""))
  }

  /// Whether one of the eight bytes of `word` is a control character, `"` or `\` (none is when false).
  @inline(__always) private static func mayNeedEscaping(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    // A byte below n sets its high bit in `(x - n·ones) & ~x` (for n ≤ 128); a zero byte, below 1.
    func hasByte(below n: UInt64, _ x: UInt64) -> Bool { (x &- n &* ones) & ~x & highBits != 0 }
    return hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (0x22 &* ones)) || hasByte(below: 1, word ^ (0x5C &* ones))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    reserve(6)
    switch byte {
    case UInt8(ascii: "\""): put(#"\""#)
    case UInt8(ascii: "\\"): put(#"\\"#)
    case UInt8(ascii: "\n"): put(#"\n"#)
    case UInt8(ascii: "\r"): put(#"\r"#)
    case UInt8(ascii: "\t"): put(#"\t"#)
    case 0x08: put(#"\b"#)
    case 0x0C: put(#"\f"#)
    default:
      let hex: StaticString = "0123456789abcdef"
      put(#"\u00"#)
      put(hex.utf8Start[Int(byte >> 4)])
      put(hex.utf8Start[Int(byte & 0xF)])
    }
  }

  // MARK: - Trees

  /// A tree, each object's keys sorted by their UTF-8 bytes.
  public mutating func json(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .int(let number): int(number)
    case .double(let number): double(number)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { json(element) }
      endArray()
    case .object(let members):
      beginObject()
      for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        dynamicKey(key)
        json(members[key] ?? .null)
      }
      endObject()
    }
  }
}
