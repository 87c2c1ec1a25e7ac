import MonitoringDSL
import MonitoringRender
import Testing

@Suite struct TransformationRenderTests {
  /// Each transformation as Grafana's JSON: id and options with Grafana's key names.
  static let cases: [(Transformation, JSONValue)] = [
    (
      .organize(exclude: ["Time"], order: ["b", "a"], rename: ["Value": "Connections"]),
      ["id": "organize", "options": ["excludeByName": ["Time": true], "indexByName": ["a": 1, "b": 0], "renameByName": ["Value": "Connections"]]]
    ),
    (.organize(.init(includeByName: ["x": true])), ["id": "organize", "options": ["includeByName": ["x": true]]]),
    (.merge(), ["id": "merge", "options": [:]]),
    (
      .reduce(.init(reducers: [.mean, .stdDev], mode: .reduceFields, includeTimeField: false, labelsToFields: true)),
      ["id": "reduce", "options": ["includeTimeField": false, "labelsToFields": true, "mode": "reduceFields", "reducers": ["mean", "stdDev"]]]
    ),
    (
      .calculateField(.binary(.name("a"), .subtract, .fixed("1"), alias: "a-1")),
      ["id": "calculateField", "options": ["alias": "a-1", "binary": ["left": "a", "operator": "-", "right": ["fixed": "1"]], "mode": "binary"]]
    ),
    (
      .calculateField(.init(mode: .reduceRow, reduce: .init(reducer: .max, nullValueMode: .nullAsZero), replaceFields: true, timeSeries: false)),
      [
        "id": "calculateField",
        "options": ["mode": "reduceRow", "reduce": ["nullValueMode": "null as zero", "reducer": "max"], "replaceFields": true, "timeSeries": false],
      ]
    ),
    (
      .filterByValue(.init(filters: [.init(fieldName: "v", .isNull), .init(fieldName: "s", .equal("x"))], type: .exclude, match: .any)),
      [
        "id": "filterByValue",
        "options": [
          "filters": [
            ["config": ["id": "isNull", "options": [:]], "fieldName": "v"], ["config": ["id": "equal", "options": ["value": "x"]], "fieldName": "s"],
          ],
          "match": "any", "type": "exclude",
        ],
      ]
    ),
    (
      .filterFieldsByName(.init(include: .init(pattern: "^cpu"), exclude: .init(names: ["Time"]), byVariable: false)),
      ["id": "filterFieldsByName", "options": ["byVariable": false, "exclude": ["names": ["Time"]], "include": ["pattern": "^cpu"]]]
    ),
    (
      .groupBy(.init(fields: ["job": .groupBy, "Value": .aggregate([.max]), "le": .init(aggregations: [], operation: .ignore)])),
      [
        "id": "groupBy",
        "options": [
          "fields": [
            "Value": ["aggregations": ["max"], "operation": "aggregate"], "job": ["aggregations": [], "operation": "groupby"],
            "le": ["aggregations": [], "operation": nil],
          ]
        ],
      ]
    ),
    (.joinByField(.init(mode: .outerTabular)), ["id": "joinByField", "options": ["mode": "outerTabular"]]),
    (
      .sortBy(.init(fields: [:], sort: [.init(field: "Value", desc: false, index: 1)])),
      ["id": "sortBy", "options": ["fields": [:], "sort": [["desc": false, "field": "Value", "index": 1]]]]
    ),
    (.renameByRegex(.init(regex: "^(.*)$", renamePattern: "x $1")), ["id": "renameByRegex", "options": ["regex": "^(.*)$", "renamePattern": "x $1"]]),
    (.seriesToRows(), ["id": "seriesToRows", "options": [:]]),
    (
      .labelsToFields(.init(mode: .rows, valueLabel: "job")),
      ["id": "labelsToFields", "options": ["mode": "rows", "valueLabel": "job"]]
    ),
    (.concatenate(.init(frameNameMode: .drop)), ["id": "concatenate", "options": ["frameNameMode": "drop"]]),
    (
      .partitionByValues(.init(fields: ["a", "b"], naming: .init(asLabels: false, append: true, withNames: true, separator1: ":", separator2: ","))),
      [
        "id": "partitionByValues",
        "options": ["fields": ["a", "b"], "naming": ["append": true, "asLabels": false, "separator1": ":", "separator2": ",", "withNames": true]],
      ]
    ),
    (
      Transformation.merge().disabled().filter(.byName("frame")).topic(.annotations),
      ["disabled": true, "filter": ["id": "byName", "options": "frame"], "id": "merge", "options": [:], "topic": "annotations"]
    ),
    (.other("limit", options: ["limitField": 10]), ["id": "limit", "options": ["limitField": 10]]),
  ]

  @Test func eachTransformationLowersToGrafanasJSON() {
    for (transformation, expected) in Self.cases {
      let json = renderedPanel(Table("T") { Query("up") }.transformations { transformation })
      #expect(json["transformations"] == [expected], "\(transformation.kind.id)")
    }
  }

  @Test func keepsTheOrderAndWritesNothingWithoutTransformations() {
    let json = renderedPanel(Table("T") { Query("up") }.transformations { Transformation.merge(); Transformation.seriesToRows() })
    #expect(json["transformations"]?.elements.map { $0["id"] } == ["merge", "seriesToRows"])
    #expect(renderedPanel(Table("T") { Query("up") })["transformations"] == nil)
  }

  @Test func appliesATransformationsRawJSON() {
    let json = renderedPanel(Table("T") { Query("up") }.transformations { Transformation.merge().extraJSON(["options": ["x": 1]]) })
    #expect(json["transformations"] == [["id": "merge", "options": ["x": 1]]])
  }

  @Test func unknownTransformationIDIsAnErrorNamingWhereItIs() {
    let spec = dashboard {
      Row("Load") {
        Table("Connections") { Query("up") }
          .transformations {
            Transformation.merge()
            Transformation.other("orgnize", options: [:])
            Transformation.other("organize", options: [:])
            Transformation.other("convertFieldType", options: [:])
          }
      }
    }
    #expect(
      diagnostics(catalog(spec)) == [
        #"dashboard "Test" › row "Load" › panel "Connections" › transformation 2 "orgnize": unknown transformation id "orgnize" (did you mean "organize"?)"#,
        #"dashboard "Test" › row "Load" › panel "Connections" › transformation 3 "organize": organize has a typed form: write Transformation.organize(…)"#,
      ])
  }
}
