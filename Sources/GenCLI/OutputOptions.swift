import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringRender

/// Options every command shares: where the output goes and which specs to take.
struct OutputOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "The output folder.")
  var output = "generated"

  @Option(name: .long, help: "Only this spec (a name from `gen list`; * and ? as wildcards).")
  var only: String?

  /// Renders the whole catalog (validation always sees everything), then keeps the selected specs.
  func render(_ catalog: Catalog, console: Console) throws -> (selected: [OutputFile], all: [OutputFile]) {
    let files: [OutputFile]
    do {
      files = try Renderer.render(catalog)
    } catch {
      for diagnostic in error.diagnostics { console.err("error: \(diagnostic)\n") }
      console.err("\(error.diagnostics.count) problem(s) found; nothing was written.\n")
      throw ExitCode.failure
    }
    let selected = files.filter(isSelected)
    if let only, selected.isEmpty { throw GenError.noSpecMatches(only) }
    return (selected, files)
  }

  func isSelected(_ file: OutputFile) -> Bool { isSelected(spec: file.spec) }

  func isSelected(spec: String) -> Bool {
    guard let only else { return true }
    return fnmatch(only, spec, 0) == 0
  }
}
