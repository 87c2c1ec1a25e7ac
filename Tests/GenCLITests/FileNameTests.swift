import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

/// Output file names are checked with the rest of the validation, before the first byte is written:
/// a name no file system takes, or two names that are one file on macOS, is a diagnostic naming the
/// spec, and the output folder is left as it was.
@Suite struct FileNameTests {
  /// The reviewer's case: a 10,000-character title with `--environment dev`, after a change to the
  /// metric catalogue (`dev/catalogue/metrics.json` comes first in the order files are written).
  @Test func longDashboardTitleIsADiagnosticAndNothingIsWritten() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen(["--environment", "dev"], catalog: SmallCatalog.make()).status == 0)
    let before = sandbox.tree()
    let title = String(repeating: "A", count: 10_000)
    let run = sandbox.gen(["--environment", "dev"], catalog: SmallCatalog.make(title: title, withRequests: true))
    #expect(run.status == 1)
    #expect(run.out.isEmpty)
    let expected = """
      error: environment "dev" › dashboard "\(String(repeating: "A", count: 40))…": the file \
      "grafana/dashboards/\(String(repeating: "a", count: 21))…" (10024 characters) cannot be written: the name "\(String(repeating: "a", count: 40))…" (10005 characters) is 10005 bytes long; a file name has at \
      most 255 bytes; a dashboard's file name is the slug of its title, so shorten the title
      1 problem(s) found; nothing was written.

      """
    #expect(run.err == expected)
    #expect(sandbox.tree() == before)
    // `gen check` says the same, and `gen list` too: the specs do not validate.
    #expect(sandbox.gen(["check"], catalog: SmallCatalog.make(title: title)).err == expected)
  }

  /// The longest name that fits is written.
  @Test func aNameOf255BytesIsWritten() throws {
    let sandbox = try Sandbox()
    let title = String(repeating: "b", count: 250)  // + ".json"
    let run = sandbox.gen([], catalog: SmallCatalog.make(title: title))
    #expect(run.status == 0, "\(run.err)")
    #expect(sandbox.read("dev/grafana/dashboards/\(title).json") != nil)
    let tooLong = sandbox.gen([], catalog: SmallCatalog.make(title: title + "b"))
    #expect(tooLong.status == 1)
    #expect(tooLong.err.contains("is 256 bytes long; a file name has at most 255 bytes"))
  }

  struct BadName: CustomTestStringConvertible, Sendable {
    var catalog: @Sendable () -> Catalog
    var spec: String
    var problem: String
    var testDescription: String { "\(spec): \(problem)" }
  }

  static let badNames: [BadName] = [
    BadName(catalog: { SmallCatalog.make(prometheusFile: "../../../escape.yml") }, spec: #"prometheus "../../../escape.yml""#, problem: #"the name ".." leads out of the folder it is in"#),
    BadName(catalog: { SmallCatalog.make(prometheusFile: "./prometheus.yml") }, spec: #"prometheus "./prometheus.yml""#, problem: #"the name "." is the folder itself"#),
    BadName(catalog: { SmallCatalog.make(prometheusFile: "a//prometheus.yml") }, spec: #"prometheus "a//prometheus.yml""#, problem: "it has an empty component"),
    BadName(catalog: { SmallCatalog.make(prometheusFile: "") }, spec: #"prometheus """#, problem: "it has an empty component"),
    BadName(catalog: { SmallCatalog.make(ruleFiles: ["a\u{0}b.yml"]) }, spec: "rules \"a\u{0}b.yml\"", problem: #"the name "a\0b.yml" contains a control character"#),
    BadName(catalog: { SmallCatalog.make(ruleFiles: ["a\nb.yml"]) }, spec: "rules \"a\nb.yml\"", problem: #"the name "a\nb.yml" contains a control character"#),
    BadName(catalog: { SmallCatalog.make(ruleFiles: [String(repeating: "r", count: 300) + ".yml"]) }, spec: "rules \"rrrr", problem: "is 304 bytes long; a file name has at most 255 bytes"),
    BadName(catalog: { SmallCatalog.make(prometheusFile: ".gen-manifest") }, spec: #"prometheus ".gen-manifest""#, problem: #"names starting with ".gen-" are gen's own"#),
    BadName(catalog: { SmallCatalog.make(ruleFiles: ["Alerts.yml", "alerts.yml"]) }, spec: #"rules "alerts.yml""#,
            problem: #"and "prometheus/rules/Alerts.yml" (from rules "Alerts.yml") differ only in letter case; on a case-insensitive file system (macOS' default) they are one file"#),
    BadName(catalog: { SmallCatalog.make(prometheusFile: "rules") }, spec: #"prometheus "rules""#, problem: #"the file "prometheus/rules" has the name of the folder of "prometheus/rules/app.yml""#),
  ]

  @Test(arguments: badNames)
  func badFileNameIsADiagnosticNamingTheSpec(_ bad: BadName) throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: SmallCatalog.make()).status == 0)
    let before = sandbox.snapshot()
    let run = sandbox.gen([], catalog: bad.catalog())
    #expect(run.status == 1)
    // One diagnostic per "error: " (a name with a newline spans lines).
    let diagnostic = run.err.components(separatedBy: "error: ").first { $0.contains(bad.problem) }
    #expect(diagnostic?.hasPrefix("environment \"dev\" › \(bad.spec)") == true, "\(run.err)")
    #expect(run.err.hasSuffix("nothing was written.\n"))
    #expect(sandbox.snapshot() == before)  // the whole sandbox: nothing written outside either
  }

  @Test func environmentNamesAreFolderNames() throws {
    let sandbox = try Sandbox()
    let catalog = SmallCatalog.make()
    let environments = ["Dev", "dev", "..", "a/b", ".gen-lock"].map { name in StackEnvironment(name) { _ in catalog } }
    let run = sandbox.gen([], environments: environments)
    #expect(run.status == 1)
    #expect(run.err == """
      error: environment "dev": differs from environment "Dev" only in letter case; on a case-insensitive file system (macOS' default) they are one folder
      error: environment "..": cannot be a folder name: the name ".." leads out of the folder it is in
      error: environment "a/b": cannot be a folder name: the name "a/b" contains "/"
      error: environment ".gen-lock": names starting with ".gen-" are gen's own
      4 problem(s) found; nothing was written.

      """)
    #expect(sandbox.snapshot().isEmpty)
  }
}
