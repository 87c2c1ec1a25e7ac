import MonitoringDSL
import MonitoringRender
import Testing
import Yams

@Suite struct YAMLTreeTests {
  @Test(arguments: ["0.5", "yes", "", "null", "on", "0x1F", "15", "true"])
  func quotesStringsYAMLWouldReadAsSomethingElse(_ text: String) throws {
    let document = YAMLTree.document(YAMLTree.mapping([("value", YAMLTree.string(text))]))
    let parsed = try Yams.load(yaml: document) as? [String: Any]
    #expect(parsed?["value"] as? String == text)
  }

  @Test func leavesPlainStringsPlainAndWritesNumbersAsNumbers() {
    let document = YAMLTree.document(
      YAMLTree.mapping([("interval", YAMLTree.string("15s")), ("port", YAMLTree.int(80)), ("ratio", YAMLTree.double(0.25))]))
    #expect(document == "interval: 15s\nport: 80\nratio: 0.25\n")
  }

  @Test func writesMultiLineTextAsLiteralBlock() throws {
    let expr = "sum(rate(x[5m]))\n/\nsum(rate(y[5m]))"
    let document = YAMLTree.document(YAMLTree.mapping([("expr", YAMLTree.string(expr))]))
    #expect(document == "expr: |-\n  sum(rate(x[5m]))\n  /\n  sum(rate(y[5m]))\n")
    #expect((try Yams.load(yaml: document) as? [String: Any])?["expr"] as? String == expr)
  }

  @Test func keepsTemplatesWithQuotesIntact() throws {
    let template = #"rate is {{ printf "%.2f" $value }}/s"#
    let document = YAMLTree.document(YAMLTree.mapping([("description", YAMLTree.string(template))]))
    #expect((try Yams.load(yaml: document) as? [String: Any])?["description"] as? String == template)
  }

  @Test func keepsMappingOrderAndDropsNilValues() {
    let document = YAMLTree.document(
      YAMLTree.mapping([("z", YAMLTree.string("1")), ("skipped", nil), ("a", YAMLTree.bool(false))]))
    #expect(document == "z: '1'\na: false\n")
  }
}
