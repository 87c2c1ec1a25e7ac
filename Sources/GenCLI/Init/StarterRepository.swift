import Foundation

/// One file of the starter repository: its path in the repository and its text.
public struct StarterFile: Hashable, Sendable {
  public let path: String
  public let contents: String
}

/// The repository `gen init` writes for one service: `Package.swift` with one dependency (this
/// package), `specs/` with a metric catalogue, a dashboard, two alerts with their promtool tests and
/// routes, a scrape config, provisioning and an Alertmanager config, the executable, a README,
/// `.gitignore` and a CI workflow.
/// ```swift
/// let repository = try StarterRepository(service: "orders", dependency: .path("../monitoring-as-code"))
/// for file in repository.files { print(file.path) }
/// ```
public struct StarterRepository: Sendable {
  /// Where the user's package finds this one.
  public enum Dependency: Sendable, Equatable {
    /// A local checkout.
    case path(String)
    /// A published repository and the version to start from.
    case url(String, from: String)

    /// SwiftPM's identity of the package: the last path component, without `.git`.
    var identity: String {
      let location = switch self {
      case .path(let path): path
      case .url(let url, _): url
      }
      var name = location.split(separator: "/").last.map(String.init) ?? location
      if name.hasSuffix(".git") { name.removeLast(4) }
      return name.lowercased()
    }

    var declaration: String {
      switch self {
      case .path(let path): ".package(path: \(Self.literal(path)))"
      case .url(let url, let version): ".package(url: \(Self.literal(url)), from: \(Self.literal(version)))"
      }
    }

    private static func literal(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
  }

  public enum Failure: Error, Equatable, CustomStringConvertible {
    case invalidService(String)

    public var description: String {
      switch self {
      case .invalidService(let name):
        "service name \"\(name)\" must start with a lowercase letter and hold only a-z, 0-9, - and _ (at most 31 characters): it names the scrape job, the files and the dashboard uid"
      }
    }
  }

  /// The name the template's specs use; `gen init --service` replaces it.
  static let templateService = "orders"

  public let service: String
  public let dependency: Dependency

  public init(service: String, dependency: Dependency) throws(Failure) {
    guard Self.isValidService(service) else { throw .invalidService(service) }
    self.service = service
    self.dependency = dependency
  }

  static func isValidService(_ name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isLowercase, name.count <= 31 else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") }
  }

  /// A service name from a folder name: `Orders Monitoring` and `orders-monitoring` give `orders`.
  public static func serviceName(fromFolder folder: String) -> String? {
    var name = ""
    for character in folder.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        name.append(character)
      } else if !name.isEmpty && name.last != "-" {
        name.append("-")
      }
    }
    while name.last == "-" { name.removeLast() }
    if name.hasSuffix("-monitoring") { name.removeLast("-monitoring".count) }
    while let first = name.first, !first.isLetter { name.removeFirst() }
    name = String(name.prefix(31))
    while name.last == "-" { name.removeLast() }
    return isValidService(name) ? name : nil
  }

  /// Every file, `Package.swift` first.
  public var files: [StarterFile] {
    [StarterFile(path: "Package.swift", contents: packageManifest)]
      + StarterTemplate.files.map { StarterFile(path: $0.path, contents: personalised($0)) }
  }

  private func personalised(_ file: StarterFile) -> String {
    switch file.path {
    case "specs/Service.swift":
      file.contents.replacingOccurrences(
        of: "static let name = \"\(Self.templateService)\"", with: "static let name = \"\(service)\"")
    case "README.md": file.contents.replacingOccurrences(of: "__SERVICE__", with: service)
    default: file.contents
    }
  }

  var packageManifest: String {
    let product = "package: \"\(dependency.identity)\""
    var text = """
      // swift-tools-version: 6.1
      import PackageDescription

      let package = Package(
        name: "\(service)-monitoring",
        platforms: [.macOS(.v14)],
        dependencies: [
          \(dependency.declaration),
        ],
        targets: [
          // The specs: metric catalogue, dashboard, alerts, routing and environments.
          .target(name: "Specs", dependencies: [.product(name: "MonitoringDSL", \(product))], path: "specs"),
          // `swift run gen`: the command line over the specs.
          .executableTarget(
            name: "gen", dependencies: ["Specs", .product(name: "GenCLI", \(product))], path: "Sources/gen"),
        ],
        swiftLanguageModes: [.v6]
      )

      """
    if case .path = dependency {
      text += """

        // The dependency is a local checkout, so CI elsewhere cannot build this package: once it is
        // published, depend on it by URL (`gen init --url URL --from VERSION` writes that line).

        """
    }
    return text
  }
}
