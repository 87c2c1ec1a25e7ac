import MonitoringDSL

/// Checks a compose file: unique service names, dependencies on services that exist and, when a
/// dependency waits for `service_healthy`, a health check to wait for.
enum ComposeValidator {
  static func validate(_ file: ComposeFile) -> [Diagnostic] {
    var collector = DiagnosticCollector()
    let root: [PathElement] = [.compose(file.fileName)]
    var seen: Set<String> = []
    for service in file.services {
      let path = root + [.service(service.name)]
      if !seen.insert(service.name).inserted { collector.report(path, "service name is used more than once") }
      if service.image.isBlank { collector.report(path, "has no image") }
      for dependency in service.dependencies {
        guard let other = file.services.first(where: { $0.name == dependency.service }) else {
          collector.report(path, "depends on \"\(dependency.service)\", which is not a service of this file")
          continue
        }
        if dependency.condition == .healthy, other.healthcheck == nil {
          collector.report(path, "waits for \"\(dependency.service)\" to be healthy, but it has no health check")
        }
      }
      for port in service.ports {
        let parts = port.split(separator: ":", omittingEmptySubsequences: false)
        guard !(2...3).contains(parts.count) || parts.contains(where: \.isEmpty) else { continue }
        collector.report(path, "port mapping \"\(port)\" is not HOST:CONTAINER")
      }
    }
    return collector.diagnostics
  }
}
