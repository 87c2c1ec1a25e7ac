import MonitoringDSL

/// Loose panels, an open row, a collapsed row, a repeated row and pinned panels: the layout cases
/// other builders get wrong.
enum Rows {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "15s")
    dashboard
  }

  static let dashboard = Dashboard("Rows", uid: "rows") {
    Stat("Loose") { Query("up") }.description("Above every row.")
    Row("Open") {
      TimeSeries("Open A") { Query("up") }.description("Follows its row.")
      TimeSeries("Open B") { Query("up") }.description("Beside A.")
    }
    Row("Collapsed") {
      TimeSeries("Inside A") { Query("up") }.description("Carried by the row.")
      Stat("Inside B") { Query("up") }.description("Pinned.").position(x: 18, y: 2).size(width: 6, height: 4)
    }
    .collapsed()
    Row("Per instance") {
      TimeSeries("Repeated") { Query(#"up{instance=~"$instance"}"#) }.description("Once per instance.").size(width: 24)
    }
    .repeatBy("instance")
  }
  .datasource(.prometheus("prom"))
  .variables {
    Variable.query("instance", "label_values(up, instance)", datasource: .prometheus("prom")).multi(includeAll: true)
  }
  .refresh("1m")
  .timezone(.utc)
}
