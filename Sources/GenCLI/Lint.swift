import ArgumentParser
import MonitoringDSL
import MonitoringRender

/// `gen lint`: validates the chosen environments as `gen` does, then checks them against the
/// conventions of ``LintRule``. Prints `warning: <path>: <message> [<rule-id>]` per finding and
/// exits 1 if there is any; writes nothing.
/// ```sh
/// swift run gen lint --environment dev --only 'dev/rules/*' --format json
/// ```
struct Lint: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check the specs against dashboard and alerting conventions (nothing is written).",
    discussion: "Silence a rule on an item of the spec with .lintIgnore(<rule>, because: \"<reason>\").")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var options: OutputOptions

  @Option(help: "Output format: text (warning lines and a summary) or json.")
  var format: Format = .text

  func run(environments: [StackEnvironment], console: Console) throws {
    _ = try options.render(environments, console: console)  // the errors first: lint reads a valid catalog
    let chosen = try options.environments(environments)
    let findings = try Linter.lint(chosen, overrides: options.overrides).filter { options.isSelected(spec: $0.spec) }
    switch format {
    case .text:
      for finding in findings { console.out("warning: \(finding)\n") }
    case .json:
      console.out(JSONWriter.write(.object(["findings": .array(findings.map(json))])))
    }
    let scope = chosen.map(\.name).joined(separator: ", ")
    guard findings.isEmpty else {
      let fired = LintRule.allCases.filter(Set(findings.map(\.rule)).contains)
      console.err("\(findings.count) lint finding(s) of \(fired.count) rule(s) in \(scope):\n")
      for rule in fired { console.err("  \(rule.id): \(rule.explanation)\n") }
      console.err("Fix the spec, or silence a rule on an item with .lintIgnore(<rule>, because: \"<reason>\").\n")
      throw ExitCode.failure
    }
    if format == .text { console.out("No lint findings in \(scope) (\(LintRule.allCases.count) rules).\n") }
  }

  private func json(_ finding: LintFinding) -> JSONValue {
    .object([
      "rule": .string(finding.rule.id), "spec": .string(finding.spec), "message": .string(finding.diagnostic.message),
      "path": .array(finding.diagnostic.path.map { .string($0.description) }),
    ])
  }
}
