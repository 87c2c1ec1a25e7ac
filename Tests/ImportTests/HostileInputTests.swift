import Foundation
import MonitoringDSL
import MonitoringImport
import Testing

/// The five ways `gen import` reads a file, each as the command calls it.
enum ImportPath: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case dashboard, rules, provisioning, prometheus, alertmanager

  static let yaml: [ImportPath] = [.rules, .provisioning, .prometheus, .alertmanager]

  var source: String { self == .dashboard ? "hostile.json" : "hostile.yml" }
  var testDescription: String { rawValue }

  /// The importer's error for `text` (`nil` when it imports).
  func failure(_ text: String, limits: ImportLimits = .default) -> String? {
    do {
      switch self {
      case .dashboard: _ = try DashboardImporter.importDashboard(text, source: source, limits: limits)
      case .rules: _ = try RuleImporter.importRules(text, source: source, fileName: source, limits: limits)
      case .provisioning: _ = try ProvisioningImporter.importFile(text, source: source, limits: limits)
      case .prometheus: _ = try PrometheusImporter.importConfig(text, source: source, fileName: source, limits: limits)
      case .alertmanager: _ = try AlertmanagerImporter.importConfig(text, source: source, fileName: source, limits: limits)
      }
      return nil
    } catch {
      return error.description
    }
  }

  /// The lines of ``file(with:)`` before `extra`.
  var headerLines: Int { file(with: "").split(separator: "\n").count }

  /// A small file this path imports, with `extra` (YAML lines, or JSON members) in its top-level object.
  func file(with extra: String) -> String {
    switch self {
    case .dashboard: "{\"title\": \"Hostile\", \"panels\": [], \(extra)}"
    case .rules: "groups: []\n\(extra)\n"
    case .provisioning: "apiVersion: 1\ndatasources: []\n\(extra)\n"
    case .prometheus: "scrape_configs: []\n\(extra)\n"
    case .alertmanager: "route:\n  receiver: null-receiver\nreceivers:\n- name: null-receiver\n\(extra)\n"
    }
  }
}

/// Hostile documents: each YAML or JSON shape that used to hang `gen import`, exhaust its memory or
/// be read silently wrong is an error naming the limit or the place.
enum Hostile {
  /// "Billion laughs": `levels` anchors, each a list of ten aliases of the one before (10^levels
  /// scalars once expanded); the last used as a value, or as a mapping key.
  static func aliasBomb(levels: Int = 9, asKey: Bool = false) -> String {
    var lines = [#"lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
    for level in 1..<levels {
      lines.append("lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ") + "]")
    }
    lines.append(asKey ? "? *lol\(levels - 1)\n: boom" : "boom: *lol\(levels - 1)")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A flow sequence nested `depth` levels deep, as the value of `key`.
  static func nestedYAML(_ depth: Int, key: String = "deep") -> String {
    "\(key): " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  }
}

@Suite struct HostileInputTests {
  static let expansion = "the YAML document expands to more than 1000000 nodes (aliases multiply it); gen import refuses it"

  @Test(arguments: ImportPath.yaml)
  func anAliasBombIsRefusedNamingTheLimit(_ path: ImportPath) throws {
    let failure = try #require(path.failure(Hostile.aliasBomb()))
    #expect(failure == "hostile.yml: " + Self.expansion)
  }

  /// Yams hashes mapping keys as it builds a mapping: an alias bomb as a key would expand there.
  @Test func anAliasBombAsAMappingKeyIsRefusedBeforeYamsBuildsTheMapping() throws {
    let failure = try #require(ImportPath.rules.failure(Hostile.aliasBomb(asKey: true)))
    #expect(failure == "hostile.yml: " + Self.expansion)
  }

  /// Ten levels of ten aliases each are far fewer than the limit of aliases: the expansion is what
  /// a bomb hits. A bomb of few nodes but very many aliases hits the count.
  @Test(arguments: ImportPath.yaml)
  func moreAliasesThanTheLimitAreRefused(_ path: ImportPath) throws {
    let aliases = Array(repeating: "*one", count: 10_001).joined(separator: ", ")
    let failure = try #require(path.failure(path.file(with: "x-anchor: &one 1\nx-aliases: [\(aliases)]")))
    #expect(failure.hasPrefix("hostile.yml: line \(path.headerLines + 2), column "))
    #expect(failure.hasSuffix("the YAML document has more than 10000 aliases; gen import refuses it"))
  }

  @Test(arguments: ImportPath.yaml)
  func yamlNestedDeeperThanTheLimitIsRefused(_ path: ImportPath) throws {
    let failure = try #require(path.failure(path.file(with: Hostile.nestedYAML(600))))
    #expect(failure.contains(": the YAML document nests deeper than 512 levels; gen import refuses it"), "\(failure)")
    #expect(failure.hasPrefix("hostile.yml: line "))
  }

  /// Deeper than libyaml's own limit (1 000), which stops it while reading ahead: the same error.
  @Test func yamlNestedDeeperThanLibyamlTakesIsTheSameError() throws {
    let failure = try #require(ImportPath.rules.failure(Hostile.nestedYAML(1_500)))
    #expect(failure == "hostile.yml: line 1, column 8: the YAML document nests deeper than 512 levels; gen import refuses it")
  }

  /// 300 levels, used 300 levels deep: each half is within the limit, the expansion is not.
  @Test func anAliasThatExpandsDeeperThanTheLimitIsRefused() throws {
    let text = "anchor: &deep " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
      + "use: " + String(repeating: "[", count: 300) + "*deep" + String(repeating: "]", count: 300) + "\n"
    let failure = try #require(ImportPath.rules.failure(text))
    #expect(failure == "hostile.yml: line 2, column 306: the YAML document nests deeper than 512 levels through the alias *deep; gen import refuses it")
  }

  @Test func jsonNestedDeeperThanTheLimitIsRefused() throws {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let failure = try #require(ImportPath.dashboard.failure(ImportPath.dashboard.file(with: "\"deep\": \(deep)")))
    #expect(failure == "hostile.json: line 1, column 555: the JSON document nests deeper than 512 levels; gen import refuses it")
  }

  @Test func aDuplicateJSONKeyIsAnErrorWithBothPlaces() throws {
    let text = """
      {
        "title": "First",
        "panels": [
          {"type": "stat", "title": "A",
           "gridPos": {"h": 8, "w": 6, "x": 0, "y": 0}, "title": "B"}
        ]
      }
      """
    let failure = try #require(ImportPath.dashboard.failure(text))
    #expect(failure == #"hostile.json: line 5, column 51: duplicate key "title" (first at line 4, column 22)"#)
  }

  @Test(arguments: ImportPath.yaml)
  func aDuplicateYAMLKeyIsAnErrorWithBothPlaces(_ path: ImportPath) throws {
    let failure = try #require(path.failure(path.file(with: "x-labels:\n  team: a\n  team: b")))
    let first = path.headerLines + 2
    #expect(failure == "hostile.yml: line \(first + 1), column 3: duplicate key \"team\" (first at line \(first), column 3)")
  }

  /// `1` and `"1"` are different keys to Yams (an int and a string) but one to the importer, which
  /// reads keys as text: it would keep one of them silently.
  @Test func keysThatReadAsTheSameTextAreDuplicates() throws {
    let text = "groups:\n- name: a\n  rules:\n  - alert: A\n    expr: up == 0\n    labels:\n      severity: info\n      1: one\n      \"1\": other\n"
    let failure = try #require(ImportPath.rules.failure(text))
    #expect(failure == #"hostile.yml: line 9, column 7: duplicate key "1" (first at line 8, column 7)"#)
  }

  /// An alias of a scalar used as a key is that scalar's text.
  @Test func anAliasedKeyIsCheckedAsItsText() throws {
    let failure = try #require(ImportPath.rules.failure("name: &key groups\ngroups: []\n*key : []\n"))
    #expect(failure == #"hostile.yml: line 3, column 1: duplicate key "groups" (first at line 2, column 1)"#)
  }

  /// Anchors and aliases a real file uses stay fine, and a key may repeat in different mappings.
  @Test func modestAliasesAndRepeatedKeysInOtherMappingsImport() throws {
    let text = """
      groups:
      - name: a
        rules:
        - alert: A
          expr: up == 0
          labels: &labels
            severity: warning
            team: infra
        - alert: B
          expr: up == 0
          labels: *labels

      """
    let failure = ImportPath.rules.failure(text)
    #expect(failure == nil)
  }

  /// Every real file of the shared corpus still imports with the default limits.
  @Test func everyCorpusFileImports() throws {
    let corpus = Corpus.folder
    let files = Corpus.files()
    try #require(!files.isEmpty, "no corpus at \(corpus.path) (set SHARED_DIR)")
    var imported = 0
    for file in files {
      guard let path = Corpus.path(for: file) else { continue }
      let text = try String(contentsOf: file, encoding: .utf8)
      let failure = path.failure(text)
      #expect(failure == nil, "\(file.lastPathComponent): \(failure ?? "")")
      imported += 1
    }
    #expect(imported >= 17)
  }
}

/// `../shared/corpus` (or `$SHARED_DIR/corpus`): real dashboards, rule files, provisioning files and configs.
enum Corpus {
  static var folder: URL {
    if let shared = ProcessInfo.processInfo.environment["SHARED_DIR"] {
      return URL(fileURLWithPath: shared).appendingPathComponent("corpus")
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  }

  static func files() -> [URL] {
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if ["json", "yml", "yaml"].contains(url.pathExtension) { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The importer a file's content calls for, as scripts/roundtrip picks it (nil: not a kind gen imports).
  static func path(for file: URL) -> ImportPath? {
    if file.pathExtension == "json" { return .dashboard }
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
    let starts = { (keys: [String]) in keys.contains { text.hasPrefix("\($0):") || text.contains("\n\($0):") } }
    if starts(["groups"]) { return .rules }
    if starts(["datasources", "providers"]) { return .provisioning }
    if starts(["route", "receivers"]) { return .alertmanager }
    if starts(["scrape_configs", "global"]) { return .prometheus }
    return nil
  }
}

/// The limits themselves, small so that each is reached quickly.
@Suite struct ImportLimitsTests {
  @Test func theDefaultsAreTheDocumentedOnes() {
    let limits = ImportLimits.default
    #expect(limits.bytes == 268_435_456 && limits.depth == 512)
    #expect(limits.jsonValues == 10_000_000 && limits.yamlNodes == 1_000_000 && limits.yamlAliases == 10_000)
  }

  @Test(arguments: ImportPath.allCases)
  func aDocumentLargerThanTheLimitIsRefused(_ path: ImportPath) throws {
    let text = path.file(with: "")
    let failure = try #require(path.failure(text, limits: ImportLimits(bytes: 10)))
    #expect(failure == "\(path.source): the document is \(text.utf8.count) bytes, more than 10 (10 bytes); gen import refuses it")
  }

  @Test func theSizeLimitIsSaidInMebibytesWhenItIsWhole() throws {
    let failure = #expect(throws: ImportFailure.self) {
      try ImportInput.checkSize(3 << 20, source: "big.json", limits: ImportLimits(bytes: 2 << 20))
    }
    #expect(failure?.description == "big.json: the document is 3145728 bytes, more than 2097152 (2 MiB); gen import refuses it")
  }

  @Test func moreJSONValuesThanTheLimitAreRefused() throws {
    let text = ImportPath.dashboard.file(with: "\"list\": [" + Array(repeating: "0", count: 100).joined(separator: ",") + "]")
    let failure = try #require(ImportPath.dashboard.failure(text, limits: ImportLimits(jsonValues: 50)))
    #expect(failure.hasPrefix("hostile.json: line 1, column "))
    #expect(failure.hasSuffix(": the JSON document has more than 50 values; gen import refuses it"))
    #expect(ImportPath.dashboard.failure(text, limits: ImportLimits(jsonValues: 200)) == nil)
  }

  @Test(arguments: ImportPath.yaml)
  func moreYAMLNodesThanTheLimitAreRefused(_ path: ImportPath) throws {
    let text = path.file(with: "x-list: [" + Array(repeating: "0", count: 100).joined(separator: ", ") + "]")
    let failure = try #require(path.failure(text, limits: ImportLimits(yamlNodes: 50)))
    #expect(failure == "hostile.yml: the YAML document has more than 50 nodes; gen import refuses it")
    #expect(path.failure(text, limits: ImportLimits(yamlNodes: 200)) == nil)
  }

  @Test func invalidUTF8IsRefusedWithItsByteOffsetAndLine() throws {
    let bytes = Array("{\n  \"title\": \"caf".utf8) + [0xC3, 0x28] + Array("\"\n}".utf8)
    let failure = #expect(throws: ImportFailure.self) { try ImportInput.text(bytes, source: "bad.json") }
    #expect(failure?.description == "bad.json: invalid UTF-8 at byte offset 17 (line 2, column 16: byte 0xC3); gen import reads UTF-8 text only")
  }

  @Test(arguments: [
    [0xE0, 0x80, 0x80],  // an overlong form of U+0000
    [0xED, 0xA0, 0x80],  // a UTF-16 surrogate
    [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    [0xE2, 0x82],  // cut short at the end
    [0x80],  // a continuation byte alone
  ] as [[UInt8]])
  func everyMalformedSequenceIsFoundWhereItStarts(_ sequence: [UInt8]) throws {
    let bytes = Array("a: é\n".utf8) + sequence + Array(" b".utf8)
    let failure = #expect(throws: ImportFailure.self) { try ImportInput.text(bytes, source: "bad.yml") }
    let byte = String(sequence[0], radix: 16, uppercase: true)
    #expect(failure?.description == "bad.yml: invalid UTF-8 at byte offset 6 (line 2, column 1: byte 0x\(byte)); gen import reads UTF-8 text only")
  }

  @Test func validUTF8ComesBackAsText() throws {
    let text = "title: \"café – ✓ 𝄞\"\n"
    #expect(try ImportInput.text(Array(text.utf8), source: "ok.yml") == text)
  }
}
