import MonitoringDSL

/// The panel kinds beyond the first eight, each with options of its own set, so every generated
/// model is lowered and checked strictly against Grafana's schema.
enum MorePanelKinds {
  static let catalog = Catalog {
    Datasource.prometheus(name: "Prometheus", uid: "prom", url: "http://prometheus:9090", scrapeInterval: "30s", isDefault: true)
    dashboard
  }

  static let dashboard = Dashboard("More Panel Kinds", uid: "more-panel-kinds") {
    Row("Charts") {
      BarChart("Requests by handler", options: BarChartPanel.newPanel.options.with { $0.stacking = .normal; $0.xTickLabelRotation = -45 }) {
        Query("sum by (handler) (rate(http_requests_total[$__rate_interval]))", legend: "{{handler}}").instant().format(.table)
      }
      PieChart("Requests by code") { Query("sum by (code) (rate(http_requests_total[$__rate_interval]))", legend: "{{code}}") }
        .pieType(.donut)
        .reduce(.sum)
      Histogram("Request sizes", options: HistogramPanel.newPanel.options.with { $0.bucketCount = 20 }) {
        Query("http_request_size_bytes")
      }
      Trend("Latency by load") { Query("http_request_duration_seconds") }
      XYChart("Latency against load") { Query("http_request_duration_seconds") }
      Candlestick("Price", options: CandlestickPanel.newPanel.options.with { $0.mode = .candles }) { Query("price") }
    }
    Row("States") {
      StatusHistory("Up history", options: StatusHistoryPanel.newPanel.options.with { $0.showValue = .never }) { Query("up") }
      NodeGraph("Service graph") { Query("traces_service_graph_request_total") }
      Logs("Log lines") { Query("up") }
        .logOrder(.ascending)
        .wrapLines(false)
      Datagrid("Grid") { Query("up") }
      Debug("Frames") { Query("up") }
    }
    Row("Other") {
      Geomap("Where") { Query("up") }
      Canvas("Layout") { Query("up") }
      News("Grafana news").feedURL("https://grafana.com/blog/news.xml")
      DashboardList("Related", options: DashboardListPanel.newPanel.options.with { $0.tags = ["golden"]; $0.showSearch = true })
      AnnotationsList("Deploys", options: AnnotationsListPanel.newPanel.options.with { $0.limit = 5 })
    }
  }
  .description("One panel of each kind not in all-panel-kinds.")
  .datasource(.prometheus("prom"))
  .tags(["golden"])
}
