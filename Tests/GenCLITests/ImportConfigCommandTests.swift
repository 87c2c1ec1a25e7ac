import Foundation
import GenCLI
import MonitoringDSL
import Synchronization
import Testing

@Suite struct ImportConfigCommandTests {
  /// `gen ARGUMENTS` in-process, exactly as given (no `--output`).
  func gen(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let out = Mutex("")
    let err = Mutex("")
    let console = Console(out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } })
    let status = Gen.main(environments: [], arguments: arguments, console: console)
    return (status, out.withLock { $0 }, err.withLock { $0 })
  }

  @Test func importsAPrometheusConfigToSwiftWithTheSecretOnlyInAWarning() throws {
    let sandbox = try Sandbox()
    let input = sandbox.root.appendingPathComponent("prometheus.yml")
    try Data(
      """
      global:
        scrape_interval: 15s
      scrape_configs:
        - job_name: app
          basic_auth: {username: prom, password: s3cret}
          static_configs:
            - targets: ['app:8080']
      """.utf8
    ).write(to: input)
    let expected = sandbox.root.appendingPathComponent("expected.yml").path
    let run = gen(["import", "prometheus", input.path, "--name", "AppPrometheus", "--file-name", "app.yml", "--expected", expected])
    #expect(run.status == 0)
    #expect(run.out.contains("public enum AppPrometheus {"))
    #expect(run.out.contains(#"    PrometheusConfig("app.yml") {"#))
    #expect(run.out.contains(#".basicAuth(username: "prom", passwordFile: "/etc/prometheus/secrets/app-password")"#))
    #expect(!run.out.contains("s3cret") && !run.err.contains("s3cret"))
    #expect(run.err.contains("warning: plain-text secret scrape_configs[0].basic_auth.password replaced by password_file"))
    #expect(run.err.contains("warning: the import does not reproduce the input at: scrape_configs[0].basic_auth.password missing"))
    let model = try String(contentsOfFile: expected, encoding: .utf8)
    #expect(model.contains("password: <redacted>") && !model.contains("s3cret"))
    // The round trip's comparison names the secret's path.
    let rendered = sandbox.root.appendingPathComponent("rendered.yml")
    try Data(model.replacingOccurrences(of: "password: <redacted>", with: "password_file: /x").utf8).write(to: rendered)
    let compare = gen(["import", "compare", expected, rendered.path])
    #expect(compare.status == 1)
    #expect(compare.out.contains("scrape_configs[0].basic_auth.password missing"))
  }

  @Test func aFileOfAnotherKindIsAnErrorNamingIt() throws {
    let sandbox = try Sandbox()
    let input = sandbox.root.appendingPathComponent("am.yml")
    try Data("route:\n  receiver: x\nreceivers:\n  - name: x\n".utf8).write(to: input)
    let run = gen(["import", "prometheus", input.path])
    #expect(run.status == 1)
    #expect(run.err == "error: am.yml: not a Prometheus config (no \"scrape_configs:\" or \"global:\")\n")
    let alertmanager = gen(["import", "alertmanager", input.path, "--name", "Am"])
    #expect(alertmanager.status == 0 && alertmanager.out.contains(#"    Route(receiver: "x")"#))
  }
}
