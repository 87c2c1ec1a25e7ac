/// One group of a targets file: `host:port` targets sharing labels (`[{"targets": […], "labels": {…}}]`).
/// ```swift
/// TargetGroup(targets: ["app-1:8080", "app-2:8080"], labels: ["env": "prod"])
/// ```
public struct TargetGroup: Hashable, Sendable {
  public var targets: [String]
  public var labels: [String: String]

  public init(targets: [String], labels: [String: String] = [:]) {
    self.targets = targets
    self.labels = labels
  }
}

/// Builds the groups of a targets file.
@resultBuilder public enum TargetGroupBuilder: ListBuilder { public typealias Element = TargetGroup }
