/// One service of a compose file.
/// ```swift
/// ComposeService("grafana", image: "grafana/grafana:12.0.0")
///   .ports(["3000:3000"])
///   .bind("./grafana/provisioning", at: "/etc/grafana/provisioning")
///   .volume(named: "grafana_data", at: "/var/lib/grafana", readOnly: false)
///   .environment(["GF_USERS_ALLOW_SIGN_UP": "false"])
///   .healthcheck(["CMD", "wget", "-qO-", "http://localhost:3000/api/health"])
///   .limits(cpus: "1.0", memory: "512M")
/// ```
public struct ComposeService: Hashable, Sendable, CopyModifying {
  public enum Mount: Hashable, Sendable {
    case bind(source: String, target: String, readOnly: Bool)
    case named(String, target: String, readOnly: Bool)
  }

  public enum Restart: String, Sendable {
    case no, always, onFailure = "on-failure", unlessStopped = "unless-stopped"
  }

  public enum Condition: String, Sendable {
    case started = "service_started", healthy = "service_healthy"
  }

  public struct Healthcheck: Hashable, Sendable {
    public var test: [String]
    public var interval: PromDuration
    public var timeout: PromDuration
    public var retries: Int
    public var startPeriod: PromDuration
  }

  public var name: String
  public var image: String
  public var command: [String] = []
  public var ports: [String] = []
  public var mounts: [Mount] = []
  /// Values may use compose interpolation (`${VAR:?message}`), so secrets stay out of the file.
  public var environment: [String: String] = [:]
  public var extraHosts: [String] = []
  public var dependencies: [Dependency] = []
  public var healthcheck: Healthcheck?
  public var restart: Restart = .unlessStopped
  public var cpuLimit: String?
  public var memoryLimit: String?
  public var user: String?

  public struct Dependency: Hashable, Sendable {
    public var service: String
    public var condition: Condition
  }

  public init(_ name: String, image: String) {
    self.name = name
    self.image = image
  }

  public func command(_ arguments: [String]) -> ComposeService { with { $0.command = arguments } }
  /// `"HOST:CONTAINER"` or `"127.0.0.1:HOST:CONTAINER"`.
  public func ports(_ ports: [String]) -> ComposeService { with { $0.ports = ports } }
  /// A host folder or file, read-only unless said otherwise.
  public func bind(_ source: String, at target: String, readOnly: Bool = true) -> ComposeService {
    with { $0.mounts.append(.bind(source: source, target: target, readOnly: readOnly)) }
  }
  /// A named volume, declared at the top level of the file: where data persists.
  public func volume(named name: String, at target: String, readOnly: Bool = false) -> ComposeService {
    with { $0.mounts.append(.named(name, target: target, readOnly: readOnly)) }
  }
  public func environment(_ values: [String: String]) -> ComposeService {
    with { $0.environment.merge(values) { _, new in new } }
  }
  public func extraHosts(_ hosts: [String]) -> ComposeService { with { $0.extraHosts = hosts } }
  public func dependsOn(_ service: String, condition: Condition = .healthy) -> ComposeService {
    with { $0.dependencies.append(Dependency(service: service, condition: condition)) }
  }
  public func healthcheck(
    _ test: [String], interval: PromDuration = "15s", timeout: PromDuration = "5s", retries: Int = 5,
    startPeriod: PromDuration = "20s"
  ) -> ComposeService {
    with { $0.healthcheck = Healthcheck(test: test, interval: interval, timeout: timeout, retries: retries, startPeriod: startPeriod) }
  }
  public func restart(_ policy: Restart) -> ComposeService { with { $0.restart = policy } }
  /// Resource limits (`deploy.resources.limits`), e.g. `cpus: "1.0", memory: "1G"`.
  public func limits(cpus: String, memory: String) -> ComposeService {
    with {
      $0.cpuLimit = cpus
      $0.memoryLimit = memory
    }
  }
  public func user(_ user: String) -> ComposeService { with { $0.user = user } }
}
