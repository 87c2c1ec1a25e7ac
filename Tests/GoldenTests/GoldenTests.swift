import Foundation
import MonitoringDSL
import MonitoringRender
import StarterSpecs
import Testing
import Yams

@Suite struct GoldenTests {
  @Test(arguments: GoldenCase.all)
  func caseMatchesItsFixtures(_ golden: GoldenCase) throws {
    let files = try Renderer.render(golden.catalog)
    let folder = GoldenFiles.packageRoot.appendingPathComponent("Tests/GoldenTests/Fixtures/\(golden.name)")
    for problem in GoldenFiles.compare(files, with: folder) { Issue.record(Comment(rawValue: problem)) }
  }

  /// Every JSON file parses back to exactly the tree the model lowered to.
  static let everyCatalog = GoldenCase.all + Monitoring.environments.map { GoldenCase(name: "starter-\($0.name)", catalog: $0.defaultCatalog) }

  @Test(arguments: everyCatalog)
  func jsonParsesBackToTheModel(_ golden: GoldenCase) throws {
    for dashboard in golden.catalog.dashboards {
      let model = DashboardLowering.json(dashboard, placed: GridLayout.place(dashboard).items)
      let text = JSONWriter.write(model)
      let parsed = try JSONDecoder().decode(DecodedJSON.self, from: Data(text.utf8)).value
      #expect(parsed == model.normalizedNumbers, "\(dashboard.title)")
    }
  }

  /// Every YAML file parses back with Yams, with no duplicate keys and the values the model holds.
  @Test(arguments: everyCatalog)
  func yamlParsesBack(_ golden: GoldenCase) throws {
    for file in try Renderer.render(golden.catalog) where file.path.hasSuffix(".yml") || file.path.hasSuffix(".yaml") {
      // A file_sd targets file is a list of target groups; every other file a mapping.
      let parsed = try #require(try Yams.load(yaml: file.contents) as? [String: Any] ?? Yams.load(yaml: file.contents) as? [[String: Any]] as Any?, "\(file.path)")
      #expect((parsed as? [String: Any])?.isEmpty == false || (parsed as? [[String: Any]])?.isEmpty == false, "\(file.path)")
    }
    for config in golden.catalog.prometheusConfigs {
      let text = YAMLTree.document(PrometheusLowering.config(config))
      let parsed = try #require(try Yams.load(yaml: text) as? [String: Any])
      let jobs = try #require(parsed["scrape_configs"] as? [[String: Any]])
      #expect(jobs.compactMap { $0["job_name"] as? String } == config.jobs.map(\.name))
      let targets = jobs.map { (($0["static_configs"] as? [[String: Any]])?.first?["targets"] as? [String]) ?? [] }
      #expect(targets == config.jobs.map(\.targets))
      let global = try #require(parsed["global"] as? [String: Any])
      #expect(global["scrape_interval"] as? String == config.scrapeInterval.text)
    }
  }
}

/// Reads JSON back with Foundation's decoder, independently of our writer.
struct DecodedJSON: Decodable {
  let value: JSONValue

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      value = .null
    } else if let flag = try? container.decode(Bool.self) {
      value = .bool(flag)
    } else if let number = try? container.decode(Int.self) {
      value = .int(number)
    } else if let number = try? container.decode(Double.self) {
      value = .double(number)
    } else if let text = try? container.decode(String.self) {
      value = .string(text)
    } else if let elements = try? container.decode([DecodedJSON].self) {
      value = .array(elements.map(\.value))
    } else {
      value = .object(try container.decode([String: DecodedJSON].self).mapValues(\.value))
    }
  }
}

extension JSONValue {
  /// The tree with integral doubles as integers, as any JSON reader sees them.
  var normalizedNumbers: JSONValue {
    switch self {
    case .double(let double) where double == double.rounded() && abs(double) < 1e15: .int(Int(double))
    case .array(let elements): .array(elements.map(\.normalizedNumbers))
    case .object(let members): .object(members.mapValues(\.normalizedNumbers))
    default: self
    }
  }
}
