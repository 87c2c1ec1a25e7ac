import MonitoringDSL
import MonitoringRender
import Testing

/// Loki and Tempo queries, their datasources, and the ad-hoc filters and textbox variables.
@Suite struct LogsAndTracesTests {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
    Datasource.loki(name: "Loki", uid: "loki", url: "http://loki:3100")
    Datasource.tempo(name: "Tempo", uid: "tempo", url: "http://tempo:3200")
  }

  func catalog(_ dashboard: Dashboard) -> Catalog {
    var catalog = Self.catalog
    catalog.dashboards.append(dashboard)
    return catalog
  }

  @Test func lokiTargetIsLokisDataquery() {
    let panel = renderedPanel(
      Logs("Errors") {
        LokiQuery(#"{app="ws"} |= "error""#, legend: "{{level}}", type: .stream, maxLines: 50, direction: .forward, step: "1m", resolution: 2)
          .refID("logs")
          .hidden()
      }.datasource(.loki("loki")))
    #expect(
      panel["targets"] == [
        [
          "datasource": ["type": "loki", "uid": "loki"], "direction": "forward", "editorMode": "code",
          "expr": #"{app="ws"} |= "error""#, "hide": true, "legendFormat": "{{level}}", "maxLines": 50, "queryType": "stream",
          "refId": "logs", "resolution": 2, "step": "1m",
        ]
      ])
  }

  @Test func tempoTargetIsTemposDataquery() {
    let panel = renderedPanel(
      Table("Traces") {
        TempoQuery("{ status = error }", limit: 20, spansPerSpanSet: 3, tableType: .spans)
        TempoQuery(
          "", type: .traceqlSearch, filters: [Query.Tempo.Filter(id: "svc", tag: "service.name", operator: "=", value: "ws", scope: .resource)])
      }.datasource(.tempo("tempo")))
    let tempo: JSONValue = ["type": "tempo", "uid": "tempo"]
    #expect(
      panel["targets"] == [
        [
          "datasource": tempo, "filters": [], "limit": 20, "query": "{ status = error }", "queryType": "traceql", "refId": "A",
          "spss": 3, "tableType": "spans",
        ],
        [
          "datasource": tempo, "filters": [["id": "svc", "operator": "=", "scope": "resource", "tag": "service.name", "value": "ws"]],
          "query": "", "queryType": "traceqlSearch", "refId": "B",
        ],
      ])
  }

  @Test func adhocAndTextboxVariables() {
    let json = DashboardLowering.json(
      Dashboard("Ops", uid: "ops") {}.variables {
        Variable.adhoc(
          "filters", datasource: .variable("datasource"), filters: [AdHocFilter("job", .matchesRegex, "api.*")],
          baseFilters: [AdHocFilter("env", .equal, "prod")], defaultKeys: ["job"], allowsCustomValues: false)
        Variable.adhoc("plain", datasource: .loki("loki"))
        Variable.textbox("search", default: "error").label("Search")
      }, placed: [])
    let list = json["templating", "list"]
    #expect(
      list?[0]
        == [
          "allowCustomValue": false, "baseFilters": [["key": "env", "operator": "=", "value": "prod"]],
          "datasource": ["type": "prometheus", "uid": "${datasource}"], "defaultKeys": [["text": "job", "value": "job"]],
          "filters": [["key": "job", "operator": "=~", "value": "api.*"]], "hide": 0, "name": "filters", "skipUrlSync": false,
          "type": "adhoc",
        ])
    #expect(
      list?[1] == ["datasource": ["type": "loki", "uid": "loki"], "hide": 0, "name": "plain", "skipUrlSync": false, "type": "adhoc"])
    #expect(
      list?[2]
        == [
          "current": ["text": "error", "value": "error"], "hide": 0, "label": "Search", "name": "search",
          "options": [["selected": true, "text": "error", "value": "error"]], "query": "error", "skipUrlSync": false,
          "type": "textbox",
        ])
  }

  /// LogQL and TraceQL are not parsed as PromQL; a query on the wrong datasource and Prometheus-only
  /// settings on a Loki query are reported.
  @Test func validationKnowsTheLanguage() {
    #expect(
      diagnostics(
        catalog(
          Dashboard("D", uid: "d") {
            Logs("Logs") { LokiQuery(#"{app="ws"} |~ "err(or)?" | json"#) }.datasource(.loki("loki"))
            Table("Traces") { TempoQuery(#"{ span.http.status_code >= 500 } | count() > 2"#) }.datasource(.tempo("tempo"))
            Table("Search") { TempoQuery("", type: .traceqlSearch) }.datasource(.tempo("tempo"))
          }.datasource(.prometheus("prom")))) == [])
    #expect(
      diagnostics(
        catalog(
          Dashboard("D", uid: "d") {
            Logs("Logs") { LokiQuery(#"{app="ws"}"#).instant() }.datasource(.loki("loki"))
            Logs("Wrong") { LokiQuery(#"{app="ws"}"#) }
            Table("Traces") { TempoQuery("").datasource(.tempo("tempo")) }
          }.datasource(.prometheus("prom"))))
        == [
          #"dashboard "D" › panel "Logs" › query A: instant(), rangeAndInstant(), format(…), interval(…), exemplars(), legacyStep(…), intervalFactor(…) and omitting(…) apply to Prometheus queries only"#,
          #"dashboard "D" › panel "Wrong" › query A: is a loki query on a prometheus datasource"#,
          #"dashboard "D" › panel "Traces" › query A: expression is empty"#,
        ])
  }

  @Test func lintLeavesLogQLAlone() {
    let dashboard = LintFixture.dashboard {
      Logs("Logs") { LokiQuery(#"count_over_time({app="ws"}[5m])"#) }
        .datasource(.variable("logs", type: .loki))
        .description("Lines of the app.")
    }
    .variables { Variable.datasource("logs", type: .loki) }
    var catalog = LintFixture.catalog(dashboard)
    catalog.datasources.append(Datasource.loki(name: "Loki", uid: "loki", url: "http://loki:3100"))
    #expect(LintFixture.findings(catalog).filter { $0.contains("Logs") } == [])
  }

  @Test func lokiAndTempoProvisioning() {
    let yaml = YAMLTree.document(
      ProvisioningLowering.datasources([
        Datasource.loki(
          name: "Loki", uid: "loki", url: "http://loki:3100", maxLines: 500, timeoutSeconds: 30,
          derivedFields: [
            LokiDerivedField(name: "TraceID", matcherRegex: "traceID", url: "${__value.raw}", datasourceUID: "tempo", matcherType: .label)
          ]),
        Datasource.tempo(
          name: "Tempo", uid: "tempo", url: "http://tempo:3200",
          tracesToLogs: TempoTracesToLogs(datasourceUID: "loki", tags: [.init("job")], filterBySpanID: true, query: #"{job="${__span.tags.job}"}"#),
          serviceMapUID: "prom", nodeGraph: true, hidesSearch: true, lokiSearchUID: "loki"),
      ]))
    #expect(
      yaml == """
        apiVersion: 1
        datasources:
        - name: Loki
          type: loki
          uid: loki
          access: proxy
          url: http://loki:3100
          isDefault: false
          editable: false
          jsonData:
            derivedFields:
            - datasourceUid: tempo
              matcherRegex: traceID
              matcherType: label
              name: TraceID
              url: $${__value.raw}
            maxLines: 500
            timeout: 30
        - name: Tempo
          type: tempo
          uid: tempo
          access: proxy
          url: http://tempo:3200
          isDefault: false
          editable: false
          jsonData:
            lokiSearch:
              datasourceUid: loki
            nodeGraph:
              enabled: true
            search:
              hide: true
            serviceMap:
              datasourceUid: prom
            tracesToLogsV2:
              customQuery: true
              datasourceUid: loki
              filterBySpanID: true
              filterByTraceID: false
              query: '{job="$${__span.tags.job}"}'
              tags:
              - key: job

        """)
  }
}
