import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct LayoutTests {
  func gridPos(_ panel: JSONValue?) -> [Int] {
    ["x", "y", "w", "h"].map { key in
      if case .int(let value)? = panel?["gridPos", key] { value } else { -1 }
    }
  }

  func panel(_ title: String, width: Int, height: Int = 8) -> Panel {
    TimeSeries(title) { Query("up") }.size(width: width, height: height)
  }

  @Test func flowsLeftToRightAndWraps() {
    let panels = renderedPanels(dashboard {
      panel("a", width: 12)
      panel("b", width: 8)
      panel("c", width: 8)
    })
    #expect(panels.map(gridPos) == [[0, 0, 12, 8], [12, 0, 8, 8], [0, 8, 8, 8]])
  }

  @Test func fillsTheGapBesideATallPanel() {
    let panels = renderedPanels(dashboard {
      panel("tall", width: 12, height: 8)
      panel("top", width: 12, height: 4)
      panel("under", width: 12, height: 4)
    })
    #expect(panels.map(gridPos) == [[0, 0, 12, 8], [12, 0, 12, 4], [12, 4, 12, 4]])
  }

  @Test func openRowIsFollowedByItsPanels() {
    let panels = renderedPanels(dashboard {
      panel("top", width: 24, height: 3)
      Row("Open") { panel("a", width: 12); panel("b", width: 12) }
      Row("Next") { panel("c", width: 6) }
    })
    #expect(panels.map { $0["title"] } == ["top", "Open", "a", "b", "Next", "c"].map(JSONValue.string))
    #expect(panels.map(gridPos) == [[0, 0, 24, 3], [0, 3, 24, 1], [0, 4, 12, 8], [12, 4, 12, 8], [0, 12, 24, 1], [0, 13, 6, 8]])
    #expect(panels[1]["panels"] == .array([]))
    #expect(panels[1]["collapsed"] == .bool(false))
  }

  @Test func collapsedRowCarriesItsPanelsAndTakesOneLine() {
    let panels = renderedPanels(dashboard {
      Row("Closed") { panel("a", width: 12); panel("b", width: 12, height: 4) }.collapsed()
      Row("After") { panel("c", width: 24) }
    })
    #expect(panels.map { $0["title"] } == ["Closed", "After", "c"].map(JSONValue.string))
    #expect(panels[0]["collapsed"] == .bool(true))
    guard case .array(let inner)? = panels[0]["panels"] else { Issue.record("no inner panels"); return }
    // Inside a collapsed row the panels sit where they will appear when it is expanded.
    #expect(inner.map(gridPos) == [[0, 1, 12, 8], [12, 1, 12, 4]])
    #expect(panels.map(gridPos) == [[0, 0, 24, 1], [0, 1, 24, 1], [0, 2, 24, 8]])
  }

  @Test func assignsIDsInTraversalOrderIncludingCollapsedPanels() {
    let panels = renderedPanels(dashboard {
      panel("a", width: 6)
      Row("Closed") { panel("b", width: 6) }.collapsed()
      Row("Open") { panel("c", width: 6) }
    })
    #expect(panels.map { $0["id"] } == [1, 2, 4, 5].map(JSONValue.int))
    #expect(panels[1]["panels", 0, "id"] == .int(3))
  }

  @Test func pinnedPanelsStayAndOthersFlowAroundThem() {
    let panels = renderedPanels(dashboard {
      panel("flow", width: 12)
      panel("pinned", width: 12).position(x: 0, y: 0)
    })
    #expect(panels.map(gridPos) == [[12, 0, 12, 8], [0, 0, 12, 8]])
  }

  @Test func usesKindDefaultSizes() {
    let panels = renderedPanels(dashboard {
      Stat("s") { Query("up") }
      TimeSeries("t") { Query("up") }
    })
    #expect(panels.map(gridPos) == [[0, 0, 6, 6], [6, 0, 12, 8]])
  }

  @Test func reportsPanelsWiderThanTheGridAndOverlaps() {
    let (_, problems) = GridLayout.place(dashboard {
      Row("R") {
        panel("wide", width: 25)
        panel("one", width: 12).position(x: 0, y: 0)
        panel("two", width: 12).position(x: 6, y: 2)
        panel("off", width: 12).position(x: 18, y: 0)
      }
    })
    #expect(
      problems.map(\.description) == [
        #"dashboard "Test" › row "R" › panel "two": overlaps panel "one" at x=6, y=2"#,
        #"dashboard "Test" › row "R" › panel "off": position x=18, y=0 with width 12 is outside the 24-column grid"#,
        #"dashboard "Test" › row "R" › panel "wide": size 25×8 does not fit the grid (width 1…24, height ≥ 1)"#,
      ])
  }

  /// Fixed ids stay; the others count up past them, so no two items share one.
  @Test func fixedIDsStayAndTheOthersSkipThem() {
    let panels = renderedPanels(dashboard {
      panel("a", width: 12)
      panel("b", width: 12).id(2)
      Row("R") { panel("c", width: 12); panel("d", width: 12).id(1) }
    })
    #expect(panels.map { $0["id"] } == [3, 2, 4, 5, 1].map(JSONValue.int))
  }

  @Test func reportsTwoItemsWithOneFixedID() {
    let (_, problems) = GridLayout.place(dashboard {
      panel("a", width: 12).id(4)
      Row("R") { panel("b", width: 12).id(4) }.id(4)
    })
    #expect(
      problems.map(\.description) == [
        #"dashboard "Test" › row "R": panel id 4 is already given to another panel or row"#,
        #"dashboard "Test" › row "R" › panel "b": panel id 4 is already given to another panel or row"#,
      ])
  }
}
