import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct JSONWriterTests {
  @Test func sortsKeysByBytesAndIndentsTwoSpaces() {
    let text = JSONWriter.write(["b": 1, "a": ["Z": true, "a": false], "a10": 2, "a9": 3])
    #expect(
      text == """
        {
          "a": {
            "Z": true,
            "a": false
          },
          "a10": 2,
          "a9": 3,
          "b": 1
        }

        """)
  }

  @Test func writesEmptyContainersAndNullOnOneLine() {
    #expect(JSONWriter.write(["list": [], "map": [:], "nothing": nil]) == "{\n  \"list\": [],\n  \"map\": {},\n  \"nothing\": null\n}\n")
  }

  @Test func neverEscapesSlashButEscapesWhatJSONRequires() {
    let text = JSONWriter.write(.string("rate(x[5m]) / 2 \"q\" \\ \n\t\u{1}é"))
    #expect(text == #""rate(x[5m]) / 2 \"q\" \\ \n\t\u0001é""# + "\n")
  }

  @Test func printsIntegralDoublesAsIntegersAndOthersShortest() {
    #expect(JSONWriter.write([.double(50), .double(0.1), .double(-3), .double(2.5e-7)]) == "[\n  50,\n  0.1,\n  -3,\n  2.5e-07\n]\n")
  }
}
