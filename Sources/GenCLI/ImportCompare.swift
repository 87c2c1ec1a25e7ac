import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringImport

/// `gen import compare EXPECTED RENDERED`: the round trip's verdict, field by field. Prints
/// `exact`, or each path where the rendered file differs from what the input says; exit 1 then.
struct ImportCompare: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare", abstract: "Compare a rendered file with the model an import expects (JSON or YAML).")

  @Argument(help: "The expected model (written by `gen import … --expected`).")
  var expected: String

  @Argument(help: "The file the imported spec rendered.")
  var rendered: String

  func run(environments: [StackEnvironment], console: Console) throws {
    let differences = RoundTrip.differences(expected: try read(expected), rendered: try read(rendered), yaml: isYAML(rendered))
    guard !differences.isEmpty else { return console.out("exact\n") }
    console.out("differs: " + differences.joined(separator: ", ") + "\n")
    throw ExitCode.failure
  }

  private func isYAML(_ path: String) -> Bool { path.hasSuffix(".yml") || path.hasSuffix(".yaml") }

  private func read(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw GenError.io("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
  }
}
