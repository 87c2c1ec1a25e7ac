import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing

/// `gen preview` against real folders: one SVG per dashboard in its own folder, never the output
/// folder, and marks against a git ref.
@Suite struct PreviewTests {
  static func catalog(_ titles: [String]) -> Catalog {
    Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
      Dashboard("Service", uid: "service") {
        Row("Traffic") { titles.map { title in Stat(title) { Query("up") } } }
      }
      .datasource(.prometheus("prom"))
    }
  }

  @Test func writesOneSVGPerDashboardOfEachEnvironment() throws {
    let sandbox = try Sandbox()
    let folder = sandbox.root.appendingPathComponent("preview")
    let run = sandbox.gen(["preview", "--to", folder.path], environments: Monitoring.environments)
    #expect(run.status == 0, "\(run.err)")
    let dashboards = try Renderer.render(Monitoring.environments).filter { $0.spec.contains("/dashboard/") }
    try #require(!dashboards.isEmpty)
    for file in dashboards {
      let environment = file.path.prefix { $0 != "/" }
      let slug = file.spec.split(separator: "/").last.map(String.init) ?? ""
      let path = folder.appendingPathComponent("\(environment)/\(slug).svg").path
      let written = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
      #expect(written == DashboardPreview.svg(try DashboardSnapshot(JSONParser.parse(file.contents))), "\(path)")
      #expect(run.out.contains("wrote   \(folder.path)/\(environment)/\(slug).svg\n"))
    }
    #expect(run.out.hasSuffix("\(dashboards.count) previews in \(folder.path)\n"))
    // Nothing goes to the output folder.
    #expect(!FileManager.default.fileExists(atPath: sandbox.output.path))
  }

  @Test func neverWritesIntoTheOutputFolder() throws {
    let sandbox = try Sandbox()
    for target in [sandbox.output.path, sandbox.output.appendingPathComponent("dev").path, sandbox.output.path + "/"] {
      let run = sandbox.gen(["preview", "--to", target], catalog: Self.catalog(["A"]))
      #expect(run.status != 0, "\(target)")
      #expect(run.err.contains("would mix previews with the output folder"))
    }
    #expect(sandbox.snapshot().isEmpty)
  }

  @Test func marksWhatChangedSinceAGitRef() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.gen([], catalog: Self.catalog(["Kept", "Gone"])).status == 0)
    try sandbox.git(["init", "-q"])
    try sandbox.commitAll("base")
    let folder = sandbox.root.appendingPathComponent("preview")
    let run = sandbox.gen(["preview", "--base", "HEAD", "--to", folder.path], catalog: Self.catalog(["Kept", "New"]))
    #expect(run.status == 0, "\(run.err)")
    let preview = folder.appendingPathComponent("dev/service.svg").path
    let text = String(decoding: try #require(FileManager.default.contents(atPath: preview)), as: UTF8.self)
    #expect(text.contains(#"<g class="panel added" data-title="New" data-kind="stat">"#))
    #expect(text.contains(#"<g class="panel" data-title="Kept" data-kind="stat">"#))
    #expect(text.contains(#"<g class="panel removed" data-title="Gone" data-kind="stat">"#))
    #expect(text.contains("Removed since HEAD: 1 panel"))
    // Without --base nothing is marked.
    #expect(sandbox.gen(["preview", "--to", folder.path], catalog: Self.catalog(["Kept", "New"])).status == 0)
    let plain = String(decoding: FileManager.default.contents(atPath: preview) ?? Data(), as: UTF8.self)
    #expect(plain.contains(#"<g class="panel" data-title="New" data-kind="stat">"#) && !plain.contains("removed"))
  }

  @Test func badInputWritesNoPreview() throws {
    let sandbox = try Sandbox()
    let folder = sandbox.root.appendingPathComponent("preview")
    // A ref git does not know.
    #expect(sandbox.gen([], catalog: Self.catalog(["A"])).status == 0)
    try sandbox.git(["init", "-q"])
    let unknownRef = sandbox.gen(["preview", "--base", "no-such-ref", "--to", folder.path], catalog: Self.catalog(["A"]))
    #expect(unknownRef.status == 1)
    #expect(unknownRef.err.contains("git ls-tree -r -z --full-name --name-only no-such-ref"))
    // Specs that do not validate: the diagnostics, and nothing drawn.
    let invalid = sandbox.gen(["preview", "--to", folder.path], catalog: Self.catalog(["A", "A", ""]))
    #expect(invalid.status == 1)
    #expect(invalid.err.contains("nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: folder.path))
  }
}
