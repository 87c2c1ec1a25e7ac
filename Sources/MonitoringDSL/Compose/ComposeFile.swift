/// A Docker Compose file (Compose Specification) for the stack: services and named volumes.
/// ```swift
/// ComposeFile("simple-monitoring.yml", project: "simple-monitoring") {
///   ComposeService("prometheus", image: "prom/prometheus:v2.42.0").ports(["9090:9090"])
/// }
/// ```
public struct ComposeFile: Hashable, Sendable, CopyModifying {
  public var fileName: String
  public var project: String
  public var services: [ComposeService]

  public init(_ fileName: String, project: String, @ComposeServiceBuilder services: () -> [ComposeService]) {
    self.fileName = fileName
    self.project = project
    self.services = services()
  }

  /// Named volumes, from the services' `.volume(named:…)` mounts, in first-use order.
  public var namedVolumes: [String] {
    var seen: [String] = []
    for service in services {
      for case .named(let name, _, _) in service.mounts where !seen.contains(name) { seen.append(name) }
    }
    return seen
  }
}

@resultBuilder public enum ComposeServiceBuilder: ListBuilder { public typealias Element = ComposeService }
