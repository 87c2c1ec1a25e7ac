import Foundation
import Testing

/// `gen import` on hostile files: exit code 1, one `error:` line naming the file and the limit or
/// the place, nothing on stdout (no Swift is written).
@Suite struct HostileImportCommandTests {
  static let yamlCommands = ["rules", "provisioning", "prometheus", "alertmanager", "sloth"]

  /// Nine levels of ten aliases: 10^9 scalars once expanded.
  static let aliasBomb = (1..<9).reduce(#"lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"# + "\n") {
    text, level in text + "lol\(level): &lol\(level) [" + Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
  } + "boom: *lol8\n"

  /// Writes `bytes` into the sandbox as `name` and runs `gen import <command>` on it.
  private func run(_ command: String, _ name: String, _ bytes: [UInt8]) throws -> Sandbox.Run {
    let sandbox = try Sandbox()
    let file = sandbox.root.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    return sandbox.genExactly(["import", command, file.path, "--name", "Hostile"])
  }

  @Test(arguments: yamlCommands)
  func anAliasBombFailsNamingTheLimit(_ command: String) throws {
    let run = try run(command, "bomb.yml", Array(Self.aliasBomb.utf8))
    #expect(run.status == 1)
    #expect(run.err == "error: bomb.yml: the YAML document expands to more than 1000000 nodes (aliases multiply it); gen import refuses it\n")
    #expect(run.out.isEmpty)
  }

  @Test func aDashboardNestedTooDeepFailsNamingTheLimit() throws {
    let deep = #"{"title": "x", "panels": [], "deep": "# + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "}"
    let run = try run("dashboard", "deep.json", Array(deep.utf8))
    #expect(run.status == 1)
    #expect(run.err == "error: deep.json: line 1, column 549: the JSON document nests deeper than 512 levels; gen import refuses it\n")
    #expect(run.out.isEmpty)
  }

  @Test(arguments: ["dashboard"] + yamlCommands)
  func invalidUTF8FailsWithItsByteOffset(_ command: String) throws {
    let name = command == "dashboard" ? "latin1.json" : "latin1.yml"
    // "café" as Latin-1: 0xE9 starts a three-byte sequence that the quote after it breaks.
    let text = command == "dashboard" ? "{\"title\": \"caf\u{0}\"}" : "title: \"caf\u{0}\"\n"
    let bytes = Array(text.utf8).map { $0 == 0 ? 0xE9 : $0 }
    let run = try run(command, name, bytes)
    #expect(run.status == 1)
    let offset = command == "dashboard" ? 14 : 11
    #expect(run.err == "error: \(name): invalid UTF-8 at byte offset \(offset) (line 1, column \(offset + 1): byte 0xE9); gen import reads UTF-8 text only\n")
    #expect(run.out.isEmpty)
  }

  @Test func aDuplicateKeyFailsWithBothPlaces() throws {
    let json = try run("dashboard", "twice.json", Array("{\"title\": \"a\",\n \"panels\": [],\n \"title\": \"b\"}".utf8))
    #expect(json.status == 1)
    #expect(json.err == "error: twice.json: line 3, column 2: duplicate key \"title\" (first at line 1, column 2)\n")
    let yaml = try run("rules", "twice.yml", Array("groups: []\ngroups: []\n".utf8))
    #expect(yaml.status == 1)
    #expect(yaml.err == "error: twice.yml: line 2, column 1: duplicate key \"groups\" (first at line 1, column 1)\n")
  }
}
