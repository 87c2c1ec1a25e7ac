import Foundation
import MonitoringDSL
import Testing

@Suite struct ImportCommandTests {
  @Test func importsADashboardToSwiftWithNotesOnStderr() throws {
    let sandbox = try Sandbox()
    try sandbox.write("in/ops.json", #"{"dashboard": {"uid": "ops", "title": "Ops", "panels": [], "titel": "x"}}"#)
    let input = sandbox.output.appendingPathComponent("in/ops.json").path
    let run = sandbox.genExactly(["import", "dashboard", input, "--name", "OpsDashboard"])
    #expect(run.status == 0)
    #expect(run.out.contains("public enum OpsDashboard {"))
    #expect(run.out.contains(#"Dashboard("Ops", uid: "ops") {"#))
    #expect(run.err.contains(#"warning: unknown dashboard key "titel" (did you mean "title"?)"#))
    #expect(!run.err.contains("does not reproduce"))
  }

  @Test func writesTheSwiftAndTheExpectedModelWhereAsked() throws {
    let sandbox = try Sandbox()
    try sandbox.write("in/app.rules.yml", "groups:\n- name: app\n  rules:\n  - alert: AppDown\n    expr: up == 0\n    labels:\n      severity: critical\n")
    let input = sandbox.output.appendingPathComponent("in/app.rules.yml").path
    let swift = sandbox.root.appendingPathComponent("AppRules.swift").path
    let expected = sandbox.root.appendingPathComponent("expected.yml").path
    let run = sandbox.genExactly(["import", "rules", input, "--to", swift, "--expected", expected])
    #expect(run.status == 0)
    #expect(run.out.isEmpty)
    let source = try String(contentsOfFile: swift, encoding: .utf8)
    #expect(source.contains("public enum AppRules {"))
    #expect(source.contains(#"AlertRule("AppDown", expr: .raw("up == 0"), severity: .critical)"#))
    #expect(FileManager.default.fileExists(atPath: expected))
  }

  @Test func importsASlothSpecAndFailsOnTheSLOsItCannotType() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "in/api.yml",
      """
      version: "prometheus/v1"
      service: api
      slos:
        - name: errors
          objective: 99.9
          sli:
            events:
              error_query: sum(rate(api_errors_total[{{.window}}]))
              total_query: sum(rate(api_requests_total[{{.window}}]))
          alerting:
            name: ApiErrors
            annotations:
              runbook: https://runbooks.example.com/api
        - name: ratio
          objective: 99
          sli:
            raw:
              error_ratio_query: x

      """)
    let input = sandbox.output.appendingPathComponent("in/api.yml").path
    let run = sandbox.genExactly(["import", "sloth", input])
    #expect(run.status == 1)
    #expect(run.out.contains("public enum Api {"))
    #expect(run.out.contains(#"RuleFile("api-slo.rules.yml") {"#))
    #expect(run.out.contains("indicator: .errors(\n      Metrics.apiErrorsTotal.events(),\n      of: Metrics.apiRequestsTotal.events())"))
    #expect(run.out.contains(#".runbook("https://runbooks.example.com/api")"#))
    #expect(run.err.contains("note: Sloth's rules map onto the spec's"))
    #expect(run.err.contains(#"error: api.yml: slos[1] "ratio" › sli.raw: a raw error-ratio query cannot be typed"#))
    #expect(run.err.hasSuffix("error: 1 of 2 SLOs not imported\n"))
  }

  @Test func compareSaysExactOrWhereItDiffers() throws {
    let sandbox = try Sandbox()
    try sandbox.write("a.json", #"{"a": 1, "b": [1]}"#)
    try sandbox.write("b.json", #"{"b": [1], "a": 1.0}"#)
    try sandbox.write("c.json", #"{"a": 2, "b": [1]}"#)
    let path = { (name: String) in sandbox.output.appendingPathComponent(name).path }
    let same = sandbox.genExactly(["import", "compare", path("a.json"), path("b.json")])
    #expect(same.status == 0 && same.out == "exact\n")
    let different = sandbox.genExactly(["import", "compare", path("a.json"), path("c.json")])
    #expect(different.status == 1 && different.out == "differs: a: expected 1, rendered 2\n")
  }

  @Test func unreadableOrForeignFilesFailWithTheirName() throws {
    let sandbox = try Sandbox()
    let missing = sandbox.genExactly(["import", "dashboard", "/nonexistent/x.json"])
    #expect(missing.status == 1 && missing.err == "error: cannot read /nonexistent/x.json\n")
    try sandbox.write("list.json", "[]")
    let foreign = sandbox.genExactly(["import", "dashboard", sandbox.output.appendingPathComponent("list.json").path])
    #expect(foreign.status == 1 && foreign.err.contains("list.json: not a Grafana dashboard"))
  }
}
