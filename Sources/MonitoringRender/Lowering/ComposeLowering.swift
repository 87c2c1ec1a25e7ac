public import MonitoringDSL
public import Yams

/// A compose file in the Compose Specification's shape: `name`, `services`, `volumes`.
public enum ComposeLowering {
  public static func file(_ file: ComposeFile) -> Node {
    let volumes = file.namedVolumes.map { ($0, YAMLTree.mapping([("driver", YAMLTree.string("local"))])) as (String, Node?) }
    return YAMLTree.mapping([
      ("name", YAMLTree.string(file.project)),
      ("services", YAMLTree.mapping(file.services.map { ($0.name, service($0)) })),
      ("volumes", volumes.isEmpty ? nil : YAMLTree.mapping(volumes)),
    ])
  }

  private static func service(_ service: ComposeService) -> Node {
    let mounts: [String] = service.mounts.map { mount in
      switch mount {
      case .bind(let source, let target, let readOnly): "\(source):\(target)" + (readOnly ? ":ro" : "")
      case .named(let name, let target, let readOnly): "\(name):\(target)" + (readOnly ? ":ro" : "")
      }
    }
    let limits: Node? =
      service.cpuLimit == nil && service.memoryLimit == nil
      ? nil
      : YAMLTree.mapping([
        (
          "resources",
          YAMLTree.mapping([
            (
              "limits",
              YAMLTree.mapping([
                ("cpus", service.cpuLimit.map(YAMLTree.string)), ("memory", service.memoryLimit.map(YAMLTree.string)),
              ])
            )
          ])
        )
      ])
    return YAMLTree.mapping([
      ("image", YAMLTree.string(service.image)),
      ("user", service.user.map(YAMLTree.string)),
      ("command", service.command.isEmpty ? nil : YAMLTree.strings(service.command)),
      ("ports", service.ports.isEmpty ? nil : YAMLTree.strings(service.ports)),
      ("volumes", mounts.isEmpty ? nil : YAMLTree.strings(mounts)),
      ("environment", service.environment.isEmpty ? nil : YAMLTree.sortedMapping(service.environment)),
      ("extra_hosts", service.extraHosts.isEmpty ? nil : YAMLTree.strings(service.extraHosts)),
      (
        "depends_on",
        service.dependencies.isEmpty
          ? nil
          : YAMLTree.mapping(
            service.dependencies.map { ($0.service, YAMLTree.mapping([("condition", YAMLTree.string($0.condition.rawValue))])) })
      ),
      ("healthcheck", service.healthcheck.map(healthcheck)),
      ("restart", YAMLTree.string(service.restart.rawValue)),
      ("deploy", limits),
    ])
  }

  private static func healthcheck(_ check: ComposeService.Healthcheck) -> Node {
    YAMLTree.mapping([
      ("test", YAMLTree.strings(check.test)),
      ("interval", YAMLTree.string(check.interval.text)),
      ("timeout", YAMLTree.string(check.timeout.text)),
      ("retries", YAMLTree.int(check.retries)),
      ("start_period", YAMLTree.string(check.startPeriod.text)),
    ])
  }
}
