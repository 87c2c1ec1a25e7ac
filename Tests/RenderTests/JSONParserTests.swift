import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct JSONParserTests {
  @Test func readsEveryKindOfValue() throws {
    let value = try JSONParser.parse(#"{"a": [1, -2.5, 1e3, true, false, null], "b": {"c": "x\"\\\/\n\u00e9\ud83d\ude00"}, "d": {}}"#)
    #expect(
      value == [
        "a": [1, -2.5, 1000.0, true, false, nil], "b": ["c": "x\"\\/\né😀"], "d": .object([:]),
      ])
  }

  /// What we write, we read back to the same tree: the diff and preview rely on it.
  @Test func readsBackWhatTheWriterWrites() throws {
    let tree: JSONValue = ["panels": [["gridPos": ["h": 8, "w": 12, "x": 0, "y": 1], "title": "CPU <%>", "value": 0.25]]]
    #expect(try JSONParser.parse(JSONWriter.write(tree)) == tree)
  }

  @Test(arguments: [
    ("{\"a\": 1,}", "line 1, column 9: expected a member name in quotes"),
    ("[1, 2", "line 1, column 6: unexpected end of text"),
    ("{\n  \"a\": tru\n}", "line 2, column 8: unexpected word (expected true)"),
    ("\"tab\there\"", "line 1, column 5: control character in a string"),
    ("{} {}", "line 1, column 4: unexpected text after the document"),
    ("[01]", "line 1, column 3: expected ']', found '1'"),
    ("\"\\ud800\"", "line 1, column 8: lone surrogate in \\u escape"),
  ])
  func refusesBrokenTextWithItsPlace(text: String, message: String) {
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    do {
      _ = try JSONParser.parse(text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func refusesNestingBeyondTheLimit() {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
  }
}
