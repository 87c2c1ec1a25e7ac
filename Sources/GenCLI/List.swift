import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringRender

/// `gen list`: each spec and the file it renders to.
struct List: CatalogCommand {
  static let configuration = CommandConfiguration(abstract: "List the specs and the files they render.")

  @OptionGroup var options: OutputOptions

  func run(catalog: Catalog, console: Console) throws {
    let (selected, _) = try options.render(catalog, console: console)
    let width = selected.map(\.spec.count).max() ?? 0
    for file in selected {
      console.out(file.spec.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(options.output)/\(file.path)\n")
    }
  }
}
