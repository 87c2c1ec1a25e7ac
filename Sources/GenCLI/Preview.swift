import ArgumentParser
import Foundation
import MonitoringDSL
import MonitoringRender

/// `gen preview`: draws each dashboard's layout as an SVG, `<environment>/<slug>.svg` in a folder
/// of its own, for a reviewer to look at; with `--base REF` it marks what was added, moved, changed
/// or removed since that ref.
struct Preview: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw each dashboard's layout as an SVG (rows, panels at their grid positions, thresholds).",
    discussion: "With --base, panels added, moved or changed since that git ref are outlined, and removed ones drawn as ghosts.")

  @OptionGroup var options: OutputOptions

  @Option(help: "The folder the SVGs go into (never the output folder).")
  var to = ".preview"

  @Option(help: "Mark what changed since the output folder as committed at this git ref (e.g. origin/main).")
  var base: String?

  func validate() throws {
    let folder = OutputFolder(path: to).root.path
    let output = OutputFolder(path: options.output).root.path
    if folder == output || folder.hasPrefix(output + "/") {
      throw ValidationError("--to \(to) would mix previews with the output folder \(options.output); pick another folder")
    }
  }

  func run(environments: [StackEnvironment], console: Console) throws {
    let (selected, _) = try options.render(environments, console: console)
    let baseOutput = try base.map { try BaseOutput(ref: $0, output: options.output) }
    let folder = OutputFolder(path: to)
    var written = 0
    var previewed: Set<String> = []
    for file in selected {
      // A dashboard written in both formats has two files of one spec and one layout: one preview.
      guard let path = Self.previewPath(spec: file.spec), previewed.insert(path).inserted else { continue }
      let snapshot: DashboardSnapshot
      do {
        snapshot = try DashboardSnapshot(JSONParser.parse(file.contents))
      } catch {
        throw GenError.io("cannot read back \(file.path) for its preview: \(error)")
      }
      let marks = base.map { ref in
        let old = baseOutput?.files[file.path].flatMap { try? DashboardSnapshot(JSONParser.parse($0)) }
        return PreviewMarks(base: ref, old: old, new: snapshot)
      }
      try folder.writeAtomically(path, contents: DashboardPreview.svg(snapshot, marks: marks))
      console.out("wrote   \(to)/\(path)\n")
      written += 1
    }
    console.out("\(written) preview\(written == 1 ? "" : "s") in \(to)\n")
  }

  /// `dev/dashboard/ops` → `dev/ops.svg`; `nil` for specs that are not dashboards.
  static func previewPath(spec: String) -> String? {
    var components = spec.split(separator: "/").map(String.init)
    guard components.count >= 2, components[components.count - 2] == "dashboard", let slug = components.popLast() else {
      return nil
    }
    components.removeLast()
    return (components + [slug + ".svg"]).joined(separator: "/")
  }
}
