import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

@Suite struct EnvironmentTests {
  @Test func eachEnvironmentGetsItsOwnFolder() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], environments: Monitoring.environments).status == 0)
    #expect(sandbox.read("dev/prometheus/simple-prometheus.yml")?.contains("host.docker.internal:80") == true)
    #expect(sandbox.read("test/prometheus/simple-prometheus.yml")?.contains("127.0.0.1:18080") == true)
    #expect(sandbox.read("test/prometheus/rules/websocket.rules.yml")?.contains("for: 15s") == true)
  }

  @Test func settingsRetargetOneEnvironment() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(
      ["--environment", "test", "--set", "prometheus_port=41001", "--set", "app_target=127.0.0.1:41002"],
      environments: Monitoring.environments)
    #expect(run.status == 0)
    let config = try #require(sandbox.read("test/prometheus/simple-prometheus.yml"))
    #expect(config.contains("- 127.0.0.1:41001\n"))
    #expect(config.contains("- 127.0.0.1:41002\n"))
    #expect(config.contains("- 127.0.0.1:19093\n"))  // not overridden: the default
    #expect(sandbox.read("dev/prometheus/simple-prometheus.yml") == nil)
  }

  @Test func unknownSettingsAndEnvironmentsAreErrors() throws {
    let sandbox = try Sandbox()
    let unknownKey = sandbox.gen(["--environment", "test", "--set", "grafana_port=1"], environments: Monitoring.environments)
    #expect(unknownKey.status == 1)
    let known = Monitoring.dev.defaults.keys.sorted().joined(separator: ", ")
    #expect(unknownKey.err.contains(#"environment "test" has no setting "grafana_port" (settings: \#(known))"#))
    let unknownEnvironment = sandbox.gen(["--environment", "prod"], environments: Monitoring.environments)
    #expect(unknownEnvironment.status == 1)
    let names = Monitoring.environments.map(\.name).joined(separator: ", ")
    #expect(unknownEnvironment.err == "error: no environment \"prod\" (environments: \(names))\n")
    let noEnvironment = sandbox.gen(["--set", "a=b"], environments: Monitoring.environments)
    #expect(noEnvironment.status == 64)
    #expect(noEnvironment.err.contains("--set needs --environment"))
    let badSetting = sandbox.gen(["--environment", "test", "--set", "prometheus_port=abc"], environments: Monitoring.environments)
    #expect(badSetting.status == 1)
    #expect(badSetting.err.contains(#"environment "test" › prometheus "simple-prometheus.yml" › job "prometheus": target "127.0.0.1:0" port "0" is not 1…65535"#))
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func checkOfOneEnvironmentLeavesTheOthersAlone() throws {
    let sandbox = try Sandbox()
    _ = sandbox.gen([], environments: Monitoring.environments)
    try sandbox.write("test/prometheus/simple-prometheus.yml", "changed\n")
    #expect(sandbox.gen(["check", "--environment", "dev"], environments: Monitoring.environments).status == 0)
    #expect(sandbox.gen(["check"], environments: Monitoring.environments).status == 1)
    #expect(sandbox.gen(["check", "--environment", "test", "--set", "a=b"], environments: Monitoring.environments).status == 64)
  }
}
