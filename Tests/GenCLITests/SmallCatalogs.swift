import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

/// Small catalogs for the output-folder tests (not the seed specs): a datasource, a dashboard, a
/// Prometheus config, rule files and the metric catalogue, each part easy to change.
enum SmallCatalog {
  static let up = Metric.Gauge("app_up", help: "Whether the app is up.")
  static let requests = Metric.Counter("app_requests_total", help: "Requests served.")

  /// `version` changes the bytes of every file; `extraDashboard` adds a second dashboard file, and
  /// `ruleFiles` names the rule files (one recording rule each).
  static func make(
    title: String = "Service", version: Int = 1, extraDashboard: String? = nil, ruleFiles: [String] = ["app.yml"],
    prometheusFile: String = "prometheus.yml", withRequests: Bool = false, provider: Bool = false
  ) -> Catalog {
    var catalog = Catalog {
      Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
      PrometheusConfig(prometheusFile) { ScrapeJob("app", targets: ["app:8080"]) }
        .global(scrapeInterval: "15s", evaluationInterval: "15s")
    }
    catalog.dashboards = [dashboard(title, uid: "service", version: version)]
    if let extraDashboard { catalog.dashboards.append(dashboard(extraDashboard, uid: "extra", version: version)) }
    catalog.ruleFiles = ruleFiles.map { name in
      RuleFile(name) {
        RuleGroup("app") { RecordingRule("job:app_up:sum\(version)", expr: PromQL.raw("sum by (job) (app_up)")) }
      }
    }
    if provider { catalog.dashboardProviders = [DashboardProvider("default", folder: "Services", path: "/var/lib/grafana/dashboards")] }
    catalog.metrics = withRequests ? [up.definition, requests.definition] : [up.definition]
    return catalog
  }

  static func dashboard(_ title: String, uid: String, version: Int) -> Dashboard {
    Dashboard(title, uid: uid) {
      Stat("Up \(version)") { Query("sum(app_up)") }.description("Instances up.")
    }
    .datasource(.prometheus("prom"))
  }
}

extension Sandbox {
  /// The files under `folder` (default: the output folder), relative, with their bytes; links as `-> target`.
  func tree(_ folder: URL? = nil) -> [String: String] {
    let base = folder ?? output
    var files: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return files }
    while let path = enumerator.nextObject() as? String {
      let url = base.appendingPathComponent(path)
      if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
        files[path] = "-> \(target)"
      } else if let data = FileManager.default.contents(atPath: url.path) {
        files[path] = String(decoding: data, as: UTF8.self)
      }
    }
    return files
  }

  /// A clean render of `catalog` into a folder of its own: what the output folder should equal.
  func cleanRender(_ catalog: Catalog, arguments: [String] = []) throws -> [String: String] {
    let folder = root.appendingPathComponent("clean-\(UUID().uuidString)")
    let run = gen(arguments, catalog: catalog, output: folder.path)
    try #require(run.status == 0, "clean render: \(run.err)")
    return tree(folder)
  }

  /// A canary file outside the output folder; returns its path.
  func canary(_ path: String = "outside/canary.txt", _ text: String = "canary bytes\n") throws -> URL {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url
  }

  func contents(_ url: URL) -> String? {
    FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
  }
}
