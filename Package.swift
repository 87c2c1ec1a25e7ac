// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features turned on everywhere, so the code is ready for the next language mode.
let strictness: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "monitoring-as-code",
  platforms: [.macOS(.v14)],
  // What a user's package depends on: the DSL for its specs, the command line for its `gen`
  // (`Gen.main(environments:)`), and the renderer and importer for their own tools.
  products: [
    .library(name: "MonitoringDSL", targets: ["MonitoringDSL"]),
    .library(name: "MonitoringRender", targets: ["MonitoringRender"]),
    .library(name: "MonitoringImport", targets: ["MonitoringImport"]),
    .library(name: "GenCLI", targets: ["GenCLI"]),
    // No executable products: SwiftPM builds a dependency's executable products into the user's
    // build folder, where ours would overwrite their own `gen`. Our executables (the flagship's
    // `gen`, the benchmarks) are targets only, which `swift run` finds in this package alone.
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    // `swift package generate-documentation`: the DocC catalogs of the public libraries.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // DSL and model: value types and result builders. No I/O, no serialisation.
    .target(name: "MonitoringDSL", swiftSettings: strictness),
    // Pure pipeline: validation, layout, lowering to JSON/YAML trees, bytes. No file I/O.
    .target(
      name: "MonitoringRender",
      dependencies: ["MonitoringDSL", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictness),
    // `gen import`: existing dashboards and rule files to Swift specs. Pure, like the renderer.
    .target(
      name: "MonitoringImport",
      dependencies: ["MonitoringDSL", "MonitoringRender", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictness),
    // `gen verify` and `gen diff --live`: the specs against running Prometheus and Alertmanager
    // servers, over HTTP (Foundation's URLSession). The only code that talks to the network.
    .target(name: "MonitoringLive", dependencies: ["MonitoringDSL", "MonitoringRender"], swiftSettings: strictness),
    // The commands (generate, check, list): the only code that touches the file system.
    .target(
      name: "GenCLI",
      dependencies: [
        "MonitoringDSL", "MonitoringRender", "MonitoringImport", "MonitoringLive",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictness),
    // The flagship example, the seed's WebSocket service: specs/ → generated/, as in a user's repository.
    .target(name: "WebSocketSpecs", dependencies: ["MonitoringDSL"], path: "specs", swiftSettings: strictness),
    .executableTarget(name: "gen", dependencies: ["GenCLI", "WebSocketSpecs"], swiftSettings: strictness),
    // The starter repository `gen init` writes, compiled: its specs are the tool's own test fixture,
    // so what a new user starts from is what the tests prove.
    .target(name: "StarterSpecs", dependencies: ["MonitoringDSL"], path: "Starter/specs", swiftSettings: strictness),
    .executableTarget(
      name: "StarterGen", dependencies: ["GenCLI", "StarterSpecs"], path: "Tests/StarterGen", swiftSettings: strictness),
    // scripts/bench: an N-panel dashboard through the public DSL to stdout, and the write-only floor.
    .executableTarget(
      name: "bench-dashboard", dependencies: ["MonitoringDSL", "MonitoringRender"], swiftSettings: strictness),
    .executableTarget(name: "bench-floor", swiftSettings: strictness),
    // Tier 1: inline render, layout and validation tests.
    .testTarget(
      name: "RenderTests",
      dependencies: ["MonitoringDSL", "MonitoringRender", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictness),
    // Tier 2 and 3: golden cases, and generated/ as the golden of specs/.
    .testTarget(
      name: "GoldenTests",
      dependencies: ["MonitoringDSL", "MonitoringRender", "StarterSpecs", .product(name: "Yams", package: "Yams")],
      exclude: ["Fixtures"],
      swiftSettings: strictness),
    // `gen import`: importers, migrations, the exact raw remainder, the Swift they print.
    .testTarget(
      name: "LiveTests", dependencies: ["MonitoringLive", "MonitoringDSL", "MonitoringRender"], swiftSettings: strictness),
    .testTarget(
      name: "ImportTests",
      dependencies: ["MonitoringImport", "MonitoringDSL", "MonitoringRender"],
      exclude: ["Fixtures"],
      swiftSettings: strictness),
    // The flagship example's own checks (they read specs/): the grafana environment against dev.
    .testTarget(
      name: "FlagshipTests",
      dependencies: ["WebSocketSpecs", "MonitoringDSL", "MonitoringRender", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictness),
    // The commands against real folders: exit codes, diffs, atomic writes, stale files.
    .testTarget(
      name: "GenCLITests",
      dependencies: ["GenCLI", "MonitoringDSL", "MonitoringRender", "StarterSpecs"],
      swiftSettings: strictness),
  ],
  swiftLanguageModes: [.v6]
)
