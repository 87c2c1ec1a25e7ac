/// A server release as `major.minor`, ordered by release: what ``PrometheusVersion`` and
/// ``AlertmanagerVersion`` share.
/// ```swift
/// PrometheusVersion.v2_42 < .v3_0          // true
/// AlertmanagerVersion.v0_27.description    // "0.27"
/// ```
public protocol ReleaseVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
  var major: Int { get }
  var minor: Int { get }
}

extension ReleaseVersion {
  public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.major, lhs.minor) < (rhs.major, rhs.minor) }

  public var description: String { "\(major).\(minor)" }
}
