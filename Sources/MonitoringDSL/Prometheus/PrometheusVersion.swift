/// The Prometheus release a config or rule file is written for. Keys newer than the target are
/// diagnostics, because older servers reject unknown keys (2.42 exits with code 1).
///
/// The default is ``v2_42``, what Debian bookworm ships and CI checks with.
/// ```swift
/// RuleFile("app.rules.yml") { … }.target(.v3_0)
/// ```
public struct PrometheusVersion: ReleaseVersion {
  public var major: Int
  public var minor: Int

  public init(_ major: Int, _ minor: Int) {
    self.major = major
    self.minor = minor
  }

  public static let v2_42 = PrometheusVersion(2, 42)
  public static let v2_53 = PrometheusVersion(2, 53)
  public static let v3_0 = PrometheusVersion(3, 0)
  public static let `default` = v2_42
}
