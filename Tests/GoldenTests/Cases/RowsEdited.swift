import MonitoringDSL

/// The `Rows` case after an edit, drawn with `Rows` as the base for the marked preview golden:
/// "Loose" removed, "Open B" moved before "Open A", "Open C" added, "Inside A" (in the collapsed
/// row) and "Repeated" changed.
enum RowsEdited {
  static let dashboard = Dashboard("Rows", uid: "rows") {
    Row("Open") {
      TimeSeries("Open B") { Query("up") }.description("Beside A.")
      TimeSeries("Open A") { Query("up") }.description("Follows its row.")
      Stat("Open C") { Query("count(up)") }.unit(.short).thresholds { Step(.green); Step(.orange, from: 3); Step(.red, from: 5) }
    }
    Row("Collapsed") {
      TimeSeries("Inside A") { Query("up") }.description("Carried by the row.").unit(.percent)
      Stat("Inside B") { Query("up") }.description("Pinned.").position(x: 18, y: 2).size(width: 6, height: 4)
    }
    .collapsed()
    Row("Per instance") {
      TimeSeries("Repeated") { Query(#"up{instance=~"$instance", job="node"}"#) }.description("Once per instance.")
        .size(width: 24)
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
