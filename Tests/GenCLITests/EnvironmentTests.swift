import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

/// The starter's two environments: `dev` (with a `service_target` setting) and `production`.
@Suite struct EnvironmentTests {
  @Test func eachEnvironmentGetsItsOwnFolder() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], environments: Monitoring.environments).status == 0)
    #expect(sandbox.read("dev/prometheus/prometheus.yml")?.contains("- localhost:8080\n") == true)
    #expect(sandbox.read("production/prometheus/prometheus.yml")?.contains("- orders-1:8080\n") == true)
    #expect(sandbox.read("production/prometheus/rules/orders.rules.yml")?.contains("alert: HighErrorRate") == true)
  }

  @Test func settingsRetargetOneEnvironment() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(["--environment", "dev", "--set", "service_target=127.0.0.1:41002"], environments: Monitoring.environments)
    #expect(run.status == 0)
    let config = try #require(sandbox.read("dev/prometheus/prometheus.yml"))
    #expect(config.contains("- 127.0.0.1:41002\n"))
    #expect(!config.contains("- localhost:8080\n"))
    #expect(config.contains("- localhost:9093\n"))  // not a setting: as the spec says
    #expect(sandbox.read("production/prometheus/prometheus.yml") == nil)
  }

  @Test func unknownSettingsAndEnvironmentsAreErrors() throws {
    let sandbox = try Sandbox()
    let unknownKey = sandbox.gen(["--environment", "dev", "--set", "grafana_port=1"], environments: Monitoring.environments)
    #expect(unknownKey.status == 1)
    let known = Monitoring.dev.defaults.keys.sorted().joined(separator: ", ")
    #expect(unknownKey.err.contains(#"environment "dev" has no setting "grafana_port" (settings: \#(known))"#))
    let unknownEnvironment = sandbox.gen(["--environment", "prod"], environments: Monitoring.environments)
    #expect(unknownEnvironment.status == 1)
    let names = Monitoring.environments.map(\.name).joined(separator: ", ")
    #expect(unknownEnvironment.err == "error: no environment \"prod\" (environments: \(names))\n")
    let noEnvironment = sandbox.gen(["--set", "a=b"], environments: Monitoring.environments)
    #expect(noEnvironment.status == 64)
    #expect(noEnvironment.err.contains("--set needs --environment"))
    let badSetting = sandbox.gen(["--environment", "dev", "--set", "service_target=nohost"], environments: Monitoring.environments)
    #expect(badSetting.status == 1)
    #expect(badSetting.err.contains(#"environment "dev" › prometheus "prometheus.yml" › job "orders": target "nohost" has no port (host:port)"#))
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func checkOfOneEnvironmentLeavesTheOthersAlone() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], environments: Monitoring.environments)
    try sandbox.write("production/prometheus/prometheus.yml", "changed\n")
    #expect(sandbox.gen(["check", "--environment", "dev"], environments: Monitoring.environments).status == 0)
    #expect(sandbox.gen(["check"], environments: Monitoring.environments).status == 1)
    #expect(sandbox.gen(["check", "--environment", "dev", "--set", "a=b"], environments: Monitoring.environments).status == 64)
  }
}
