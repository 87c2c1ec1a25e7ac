import MonitoringDSL

/// Every typed transformation, and one of Grafana's others by id, each with options of its own set,
/// so every transformation model is lowered and checked strictly against Grafana's dashboard schema.
enum TransformationsCase {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "30s", isDefault: true)
    dashboard
  }

  static let dashboard = Dashboard("Transformations", uid: "transformations") {
    Row("Fields") {
      Table("Connections by instance") {
        Query("sum by (instance) (app_active_connections)", legend: "{{instance}}").instant().format(.table)
      }
      .transformations {
        Transformation.organize(exclude: ["Time"], order: ["instance", "Value"], rename: ["Value": "Connections"])
        Transformation.reduce(.seriesToRows, reducers: [.last, .max])
        Transformation.filterFieldsByName(.init(include: .init(names: ["Field", "Last", "Max"])))
        Transformation.renameByRegex(.init(regex: "(.*) total", renamePattern: "$1"))
        Transformation.sortBy(.init(sort: [.init(field: "Max", desc: true)]))
      }
      Table("Error ratio") {
        Query("sum(rate(http_requests_total{code=~\"5..\"}[$__rate_interval]))", legend: "errors")
        Query("sum(rate(http_requests_total[$__rate_interval]))", legend: "requests")
      }
      .transformations {
        Transformation.joinByField(.init(byField: "Time", mode: .outer))
        Transformation.calculateField(.binary(.field("errors"), .divide, .field("requests"), alias: "Error ratio"))
        Transformation.calculateField(.reduceRow(.sum, include: ["errors", "requests"], alias: "Total"))
        Transformation.calculateField(.unary(.abs, field: "errors"))
        Transformation.calculateField(.index(asPercentile: true, alias: "Row"))
        Transformation.calculateField(
          .init(mode: .cumulativeFunctions, cumulative: .init(field: "requests", reducer: .sum), alias: "Running total"))
        Transformation.calculateField(
          .init(
            mode: .windowFunctions,
            window: .init(field: "requests", reducer: .mean, windowSize: 0.1, windowSizeMode: .percentage, windowAlignment: .centered),
            replaceFields: false))
        Transformation.calculateField(.binary(.fieldsOfType("number"), .multiply, .fixed("100"), alias: "Percent"))
        Transformation.filterByValue(
          .init(
            filters: [.init(fieldName: "Error ratio", .greater(0)), .init(fieldName: "Total", .between(from: 1, to: 1000))],
            type: .include, match: .all))
      }
    }
    Row("Frames") {
      Table("By job") { Query("sum by (job, instance) (up)").instant().format(.table) }
        .transformations {
          Transformation.labelsToFields(.init(mode: .columns, keepLabels: ["job", "instance"]))
          Transformation.groupBy(.init(fields: ["job": .groupBy, "Value": .aggregate([.sum, .count])]))
          Transformation.merge().disabled()
          Transformation.seriesToRows().filter(.byRefID("A"))
        }
      Table("Regions") { Query("sum by (region, model) (app_devices)").instant().format(.table) }
        .transformations {
          Transformation.concatenate(.init(frameNameMode: .label, frameNameLabel: "frame"))
          Transformation.partitionByValues(.init(fields: ["region"], keepFields: true, naming: .init(asLabels: true)))
          Transformation.other("convertFieldType", options: ["conversions": [["destinationType": "number", "targetField": "Value"]]])
            .topic(.series)
        }
    }
  }
  .description("Every typed transformation, and one of Grafana's others by id.")
  .datasource(.prometheus("prom"))
  .tags(["golden"])
}
