import Foundation
@testable import GenCLI
import Testing

/// `gen init`: the starter repository it writes, what it refuses, and that its template is the
/// compiled fixture (Starter/, target StarterSpecs) the other tests use.
@Suite struct InitTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The embedded template is Starter/ byte for byte: `scripts/embed-starter` was run after the last edit.
  @Test func embeddedTemplateIsTheStarterFolder() throws {
    let starter = Self.packageRoot.appendingPathComponent("Starter")
    let enumerator = try #require(FileManager.default.enumerator(atPath: starter.path))
    var onDisk: [String: String] = [:]
    while let path = enumerator.nextObject() as? String {
      var isFolder: ObjCBool = false
      let url = starter.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        onDisk[path] = try String(contentsOf: url, encoding: .utf8)
      }
    }
    let embedded = Dictionary(uniqueKeysWithValues: StarterTemplate.files.map { ($0.path, $0.contents) })
    #expect(embedded == onDisk, "run scripts/embed-starter")
  }

  @Test func writesTheStarterForTheNamedService() throws {
    let sandbox = try Sandbox()
    let folder = sandbox.root.appendingPathComponent("billing-monitoring")
    let run = sandbox.genExactly(["init", folder.path, "--path", Self.packageRoot.path])
    #expect(run.status == 0, "\(run.err)")
    #expect(run.out.hasPrefix("Wrote a starter for the service \"billing\" in \(folder.path) (11 files)."))
    let service = try String(contentsOf: folder.appendingPathComponent("specs/Service.swift"), encoding: .utf8)
    #expect(service.contains("static let name = \"billing\"\n"))
    #expect(!service.contains("\"orders\""))
    let manifest = try String(contentsOf: folder.appendingPathComponent("Package.swift"), encoding: .utf8)
    #expect(manifest.contains(".package(path: \"\(Self.packageRoot.path)\"),"))
    // SwiftPM names a path dependency after its folder.
    #expect(manifest.contains(#".product(name: "GenCLI", package: "\#(Self.packageRoot.lastPathComponent.lowercased())")"#))
    #expect(manifest.contains(#"name: "billing-monitoring","#))
    for path in [".gitignore", "README.md", ".github/workflows/monitoring.yml", "Sources/gen/main.swift", "specs/Alerts.swift"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)")
    }
    let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.hasPrefix("# Monitoring for the billing service\n"))
  }

  @Test func publishedDependencyByURL() throws {
    let repository = try StarterRepository(
      service: "orders", dependency: .url("https://example.com/acme/monitoring-as-code.git", from: "1.2.0"))
    let manifest = try #require(repository.files.first { $0.path == "Package.swift" }).contents
    #expect(manifest.contains(#".package(url: "https://example.com/acme/monitoring-as-code.git", from: "1.2.0"),"#))
    #expect(manifest.contains(#"package: "monitoring-as-code""#))
    #expect(!manifest.contains("local checkout"))
  }

  @Test func refusesAFolderThatIsNotEmptyUnlessForced() throws {
    let sandbox = try Sandbox()
    let folder = sandbox.root.appendingPathComponent("orders")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("mine\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    let refused = sandbox.genExactly(["init", folder.path, "--path", Self.packageRoot.path])
    #expect(refused.status == 1)
    #expect(refused.err.hasPrefix("error: \(folder.path) is not empty (1 entries)"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    let forced = sandbox.genExactly(["init", folder.path, "--path", Self.packageRoot.path, "--force"])
    #expect(forced.status == 0)
    #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine\n")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path))
    // A freshly `git init`-ed folder counts as empty.
    let repository = sandbox.root.appendingPathComponent("payments")
    try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
    #expect(sandbox.genExactly(["init", repository.path, "--path", Self.packageRoot.path]).status == 0)
  }

  @Test func badOptionsAreErrors() throws {
    let sandbox = try Sandbox()
    let folder = sandbox.root.appendingPathComponent("x").path
    let badService = sandbox.genExactly(["init", folder, "--service", "Orders API", "--path", Self.packageRoot.path])
    #expect(badService.status == 1)
    #expect(badService.err.contains(#"service name "Orders API" must start with a lowercase letter"#))
    #expect(sandbox.genExactly(["init", folder, "--url", "https://example.com/a.git"]).status == 64)
    #expect(sandbox.genExactly(["init", folder, "--path", "/a", "--url", "https://example.com/a.git", "--from", "1.0.0"]).status == 64)
    let noCheckout = sandbox.genExactly(["init", folder, "--path", sandbox.root.path])
    #expect(noCheckout.status == 1)
    #expect(noCheckout.err.contains("no Package.swift at \(sandbox.root.path)"))
    #expect(!FileManager.default.fileExists(atPath: folder))
  }

  @Test func serviceNamesFromFolders() {
    #expect(StarterRepository.serviceName(fromFolder: "Orders Monitoring") == "orders")
    #expect(StarterRepository.serviceName(fromFolder: "checkout_api") == "checkout-api")
    #expect(StarterRepository.serviceName(fromFolder: "2fa") == "fa")
    #expect(StarterRepository.serviceName(fromFolder: "---") == nil)
  }
}
