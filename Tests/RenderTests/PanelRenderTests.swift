import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct PanelRenderTests {
  @Test func timeSeriesWithQueriesUnitsAndThresholds() {
    let json = renderedPanel(
      TimeSeries("Throughput") {
        Query("sum(rate(app_messages_total[$__rate_interval]))", legend: "messages/s")
        Query("sum(rate(app_errors_total[$__rate_interval]))").interval("30s").hidden()
      }
      .description("Messages per second.")
      .unit(.requestsPerSecond)
      .decimals(2)
      .min(0)
      .max(1000)
      .thresholds { Step(.green); Step(.yellow, from: 10); Step(.red, from: 50) }
      .fillOpacity(25)
      .stacking(.normal)
      .showThresholds(.dashed))
    #expect(json["type"] == "timeseries")
    #expect(json["description"] == "Messages per second.")
    #expect(json["pluginVersion"] == .string(GrafanaTarget.default.version))
    #expect(json["targets", 0] == [
      "datasource": ["type": "prometheus", "uid": "prom"], "editorMode": "code",
      "expr": "sum(rate(app_messages_total[$__rate_interval]))", "instant": false, "legendFormat": "messages/s",
      "range": true, "refId": "A",
    ])
    #expect(json["targets", 1, "refId"] == "B")
    #expect(json["targets", 1, "interval"] == "30s")
    #expect(json["targets", 1, "hide"] == true)
    #expect(json["targets", 1, "legendFormat"] == "__auto")
    let defaults = json["fieldConfig", "defaults"]
    #expect(defaults?["unit"] == "reqps")
    #expect(defaults?["decimals"] == 2)
    #expect(defaults?["min"] == .double(0))
    #expect(defaults?["max"] == .double(1000))
    #expect(defaults?["thresholds"] == [
      "mode": "absolute",
      "steps": [["color": "green", "value": nil], ["color": "yellow", "value": .double(10)], ["color": "red", "value": .double(50)]],
    ])
    #expect(defaults?["color"] == ["mode": "palette-classic"])
    #expect(defaults?["custom", "fillOpacity"] == .double(25))
    #expect(defaults?["custom", "stacking", "mode"] == "normal")
    #expect(defaults?["custom", "thresholdsStyle", "mode"] == "dashed")
  }

  @Test func percentageThresholdsAndColorModes() {
    let json = renderedPanel(
      Gauge("CPU") { Query("x") }.thresholds(.percentage) { Step(.green); Step(.red, from: 90) }.color(.fixed(.blue)))
    #expect(json["fieldConfig", "defaults", "thresholds", "mode"] == "percentage")
    #expect(json["fieldConfig", "defaults", "color"] == ["fixedColor": "blue", "mode": "fixed"])
  }

  @Test func statGaugeAndBarGaugeOptions() {
    let stat = renderedPanel(Stat("s") { Query("x") }.reduce(.mean).graphMode(.off).statColorMode(.background).textMode(.value))
    #expect(stat["options", "reduceOptions"] == ["calcs": ["mean"], "fields": "", "values": false])
    #expect(stat["options", "graphMode"] == "none")
    #expect(stat["options", "colorMode"] == "background")
    #expect(stat["options", "textMode"] == "value")
    #expect(stat["fieldConfig", "defaults", "color"] == ["mode": "thresholds"])

    let gauge = renderedPanel(Gauge("g") { Query("x") }.thresholdMarkers(false, labels: true).orientation(.horizontal))
    #expect(gauge["options", "showThresholdMarkers"] == false)
    #expect(gauge["options", "showThresholdLabels"] == true)
    #expect(gauge["options", "orientation"] == "horizontal")

    let bar = renderedPanel(BarGauge("b") { Query("x") }.barDisplayMode(.lcd).showUnfilled(false).namePlacement(.left))
    #expect(bar["type"] == "bargauge")
    #expect(bar["options", "displayMode"] == "lcd")
    #expect(bar["options", "showUnfilled"] == false)
    #expect(bar["options", "namePlacement"] == "left")
  }

  @Test func tableHeatmapTextAndStateTimeline() {
    let table = renderedPanel(
      Table("t") { Query("up").instant().format(.table) }.sortBy("Value", descending: true).cellDisplay(.colorBackground(.init())))
    #expect(table["targets", 0, "format"] == "table")
    #expect(table["targets", 0, "instant"] == true)
    #expect(table["targets", 0, "range"] == false)
    #expect(table["options", "sortBy"] == [["desc": true, "displayName": "Value"]])
    #expect(table["fieldConfig", "defaults", "custom", "cellOptions"] == ["type": "color-background"])

    let heatmap = renderedPanel(Heatmap("h") { Query("sum by (le) (x_bucket)").format(.heatmap) }.unit(.seconds))
    #expect(heatmap["options", "calculate"] == false)
    #expect(heatmap["options", "yAxis", "unit"] == "s")
    #expect(heatmap["targets", 0, "format"] == "heatmap")

    let text = renderedPanel(Text("About", markdown: "# Hello"))
    #expect(text["options", "content"] == "# Hello")
    #expect(text["options", "mode"] == "markdown")
    #expect(text["targets"] == nil)
    #expect(text["datasource"] == nil)

    let timeline = renderedPanel(StateTimeline("up") { Query("up") }.mergeValues(false).rowHeight(0.5).showValue(.never))
    #expect(timeline["type"] == "state-timeline")
    #expect(timeline["options", "mergeValues"] == false)
    #expect(timeline["options", "rowHeight"] == .double(0.5))
    #expect(timeline["options", "showValue"] == "never")
  }

  @Test func valueMappingsOfEveryKind() {
    let json = renderedPanel(
      Stat("m") { Query("x") }.mappings {
        ValueMapping.value("0", text: "Down", color: .red)
        ValueMapping.range(from: 1, to: nil, text: "Up")
        ValueMapping.regex("^err", text: "Error")
        ValueMapping.special(.null, text: "n/a")
      })
    #expect(json["fieldConfig", "defaults", "mappings"] == [
      ["type": "value", "options": ["0": ["color": "red", "index": 0, "text": "Down"]]],
      ["type": "range", "options": ["from": .double(1), "to": nil, "result": ["index": 1, "text": "Up"]]],
      ["type": "regex", "options": ["pattern": "^err", "result": ["index": 2, "text": "Error"]]],
      ["type": "special", "options": ["match": "null", "result": ["index": 3, "text": "n/a"]]],
    ])
  }

  @Test func fieldOverrides() {
    let json = renderedPanel(
      TimeSeries("o") { Query("x") }.overrides {
        FieldOverride(.byName("errors")).color(.fixed(.red)).unit(.short)
        FieldOverride(.byQuery("B")).custom("custom.fillOpacity", 0)
      })
    #expect(json["fieldConfig", "overrides"] == [
      ["matcher": ["id": "byName", "options": "errors"], "properties": [
        ["id": "color", "value": ["fixedColor": "red", "mode": "fixed"]], ["id": "unit", "value": "short"],
      ]],
      ["matcher": ["id": "byFrameRefID", "options": "B"], "properties": [["id": "custom.fillOpacity", "value": 0]]],
    ])
  }

  @Test func legendTooltipLinksRepeatAndPanelOptions() {
    let json = renderedPanel(
      TimeSeries("l") { Query("x") }
        .legend(.table(placement: .right, calcs: [.mean, .max]))
        .tooltip(.all(sort: .descending))
        .links { Link.url("Runbook", "https://runbooks.example.com/a", newTab: true) }
        .repeatBy("instance", direction: .vertical)
        .transparent()
        .minInterval("30s")
        .maxDataPoints(500))
    #expect(json["options", "legend"] == ["calcs": ["mean", "max"], "displayMode": "table", "placement": "right", "showLegend": true])
    #expect(json["options", "tooltip", "mode"] == "multi")
    #expect(json["options", "tooltip", "sort"] == "desc")
    #expect(json["links", 0, "url"] == "https://runbooks.example.com/a")
    #expect(json["links", 0, "targetBlank"] == true)
    #expect(json["repeat"] == "instance")
    #expect(json["repeatDirection"] == "v")
    #expect(json["transparent"] == true)
    #expect(json["interval"] == "30s")
    #expect(json["maxDataPoints"] == 500)
  }

  @Test func refIDsSkipExplicitOnesAndQueryDatasourceWins() {
    let json = renderedPanel(
      TimeSeries("r") {
        Query("a")
        Query("b").refID("A")
        Query("c").datasource(.prometheus("other"))
      })
    #expect(json["targets", 0, "refId"] == "B")
    #expect(json["targets", 1, "refId"] == "A")
    #expect(json["targets", 2, "refId"] == "C")
    #expect(json["targets", 2, "datasource", "uid"] == "other")
    #expect(RefIDs.assign(Array(repeating: Query("x"), count: 28)).suffix(3) == ["Z", "AA", "AB"])
  }

  @Test func extraJSONIsMergedLast() {
    let json = renderedPanel(
      TimeSeries("x") { Query("x") }.unit(.bytes).extraJSON(["fieldConfig": ["defaults": ["unit": "decbytes"]], "options": ["legend": ["sortBy": "Max"]]]))
    #expect(json["fieldConfig", "defaults", "unit"] == "decbytes")
    #expect(json["options", "legend", "sortBy"] == "Max")
    #expect(json["options", "legend", "displayMode"] == "list")
  }
}
