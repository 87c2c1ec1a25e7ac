/// A value's rarely set members, in one box that copies share until one of them changes (copy on
/// write); every value still at the defaults shares one box, made once. `Query` and `Panel` keep
/// the members nearly every value sets in themselves, the others here: thousands of values then cost
/// no allocation each and far less memory (each first touch of a page is a fault, a large part of
/// building a big catalog), and a copy is one retain for all of these members.
/// ```swift
/// @usableFromInline var rare = SharedMembers(Self.defaultRareMembers)
/// @usableFromInline static let defaultRareMembers = SharedMembers.Box(RareMembers())
/// @inlinable public var refID: String? {
///   get { rare.box.members.refID }
///   _modify { yield &rare.unique.refID }
/// }
/// ```
/// NB: the accessors are inlinable, and read with a plain `get` through the stored properties down to
/// the box: a `_read` coroutine on a value read in place (`panel.pointee.refID`, as validation and
/// the lowering do) made the compiler copy the whole value first.
@usableFromInline struct SharedMembers<Members: Hashable & Sendable>: Hashable, Sendable {
  @usableFromInline var box: Box

  @inlinable init(_ box: Box) { self.box = box }

  /// The members, the box made unique first.
  @inlinable var unique: Members {
    _read { yield box.members }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.members) }
      yield &box.members
    }
  }

  @inlinable static func == (lhs: Self, rhs: Self) -> Bool { lhs.box === rhs.box || lhs.box.members == rhs.box.members }
  @inlinable func hash(into hasher: inout Hasher) { box.members.hash(into: &hasher) }

  // Unchecked Sendable: a box is changed only while one value holds it. Unchecked exclusivity: a class's
  // stored property is otherwise checked at run time on every access (`swift_beginAccess`, more than
  // the copies the box saves); `unique` changes it only while it is unique.
  @usableFromInline final class Box: @unchecked Sendable {
    @exclusivity(unchecked) @usableFromInline var members: Members
    @usableFromInline init(_ members: Members) { self.members = members }
  }
}
