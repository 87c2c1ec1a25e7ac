import ArgumentParser
import Foundation
import MonitoringDSL

/// `gen init [DIR]`: a starter repository for one service, ready for `swift run gen`.
struct Init: EnvironmentCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter repository for one service: Package.swift, specs/, README, CI workflow.",
    discussion: """
      The package depends on this one by --path (default: the checkout this gen was built from, since \
      the package has no published release) or by --url and --from.
      """)

  @Argument(help: "The folder to create (default: the current one). It must be empty, or hold only .git.")
  var directory = "."

  @Option(help: "The service's name: the scrape job, file names and dashboard uid (default: from the folder's name).")
  var service: String?

  @Option(help: "Depend on a local checkout of this package at PATH.")
  var path: String?

  @Option(help: "Depend on this package's repository at URL (with --from).")
  var url: String?

  @Option(help: "The version to start from with --url, like 1.0.0.")
  var from: String?

  @Flag(help: "Write into a folder that is not empty (only the starter's own files are replaced).")
  var force = false

  /// This package's root, from this source file's place in it.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  func validate() throws {
    if url != nil && path != nil { throw ValidationError("--path and --url exclude each other") }
    if (url == nil) != (from == nil) { throw ValidationError("--url needs --from (and --from needs --url)") }
  }

  func run(environments: [StackEnvironment], console: Console) throws {
    let folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    let dependency: StarterRepository.Dependency
    if let url, let from {
      dependency = .url(url, from: from)
    } else {
      let checkout = path ?? Self.packageRoot
      guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: checkout).appendingPathComponent("Package.swift").path) else {
        throw GenError.io("no Package.swift at \(checkout): pass --path to a checkout of this package, or --url and --from")
      }
      dependency = .path(checkout)
    }
    guard let name = service ?? StarterRepository.serviceName(fromFolder: folder.lastPathComponent) else {
      throw GenError.io("cannot name the service after the folder \"\(folder.lastPathComponent)\": pass --service NAME")
    }
    let repository: StarterRepository
    do { repository = try StarterRepository(service: name, dependency: dependency) } catch { throw GenError.io("\(error)") }

    let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    if !force, !existing.filter({ $0 != ".git" }).isEmpty {
      throw GenError.io("\(folder.path) is not empty (\(existing.count) entries): choose an empty folder, or pass --force to write the starter's files into it")
    }
    for file in repository.files {
      let target = folder.appendingPathComponent(file.path)
      try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.contents.utf8).write(to: target, options: .atomic)
    }
    console.out("""
      Wrote a starter for the service "\(name)" in \(folder.path) (\(repository.files.count) files). Next:
        cd \(directory)
        swift run gen          # writes generated/ from specs/
        swift run gen lint     # the dashboard and alerting conventions
        git init && git add . && git commit -m "Monitoring as code for \(name)"

      """)
  }
}
