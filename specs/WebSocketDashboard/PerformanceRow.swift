import MonitoringDSL

extension WebSocketDashboard {
  /// The seed's "Performance Analytics": connection trends, message flow, success rate, shutdowns.
  static var performanceRow: Row {
    Row("Performance Analytics") {
      connectionTrends
      messageFlow
      connectionSuccessRate
      shutdownP95
      shutdownDistribution
    }
  }

  static var connectionTrends: Panel {
    TimeSeries("Connection Trends") {
      Query("sum(app_active_connections{\(app)})", legend: "active")
      Query("sum(rate(app_connections_opened_total{\(app)}[$__rate_interval]))", legend: "opened/s")
      Query("sum(rate(app_connections_closed_total{\(app)}[$__rate_interval]))", legend: "closed/s")
    }
    .description("Active connections with the rates at which connections open and close.")
    .unit(.short)
    .overrides {
      FieldOverride(.byRegex("opened/s|closed/s")).unit(.suffix(" conn/s"))
    }
    .legend(.table(placement: .bottom, calcs: [.mean, .max, .lastNotNull]))
    .tooltip(.all(sort: .descending))
  }

  /// The rate against its one-hour baseline and a two-sigma band: leaving the band is an anomaly.
  static var messageFlow: Panel {
    let rate = "sum(rate(app_messages_total{\(app)}[5m]))"
    return TimeSeries("Message Flow") {
      Query("sum(rate(app_messages_total{\(app)}[$__rate_interval]))", legend: "rate")
      Query("avg_over_time(\(rate)[1h:1m])", legend: "baseline (1h)")
      Query("avg_over_time(\(rate)[1h:1m]) + 2 * stddev_over_time(\(rate)[1h:1m])", legend: "upper band")
      Query("clamp_min(avg_over_time(\(rate)[1h:1m]) - 2 * stddev_over_time(\(rate)[1h:1m]), 0)", legend: "lower band")
    }
    .description("Message rate with its 1h moving average and ±2σ band; points outside the band are anomalies.")
    .unit(.suffix(" msg/s"))
    .min(0)
    .overrides {
      FieldOverride(.byRegex("upper band|lower band"))
        .color(.fixed("#8AB8FF"))
        .custom("custom.lineStyle", ["dash": [10, 10], "fill": "dash"])
    }
  }

  /// The seed's example expression, kept as written there (opened / (opened + closed)).
  static var connectionSuccessRate: Panel {
    let opened = "sum(rate(app_connections_opened_total{\(app)}[$__rate_interval]))"
    let closed = "sum(rate(app_connections_closed_total{\(app)}[$__rate_interval]))"
    return Stat("Connection Success Rate") {
      Query("\(opened) / (\(opened) + \(closed)) * 100", legend: "success rate")
    }
    .description("The seed's connection success rate: opened / (opened + closed) × 100.")
    .unit(.percent)
    .decimals(1)
    .min(0)
    .max(100)
    .thresholds { Step(.red); Step(.yellow, from: 40); Step(.green, from: 50) }
    .size(width: 6, height: 8)
  }

  /// Shutdowns are rare, so the p95 looks back one hour rather than `$__rate_interval`.
  static var shutdownP95: Panel {
    TimeSeries("Shutdown Duration p95") {
      Query(
        "histogram_quantile(0.95, sum by (le) (rate(app_shutdown_duration_seconds_bucket{\(app)}[1h])))",
        legend: "p95")
    }
    .description("95th percentile of graceful shutdown time over the last hour. The KPI alert fires above 5s.")
    .unit(.seconds)
    .min(0)
    .thresholds { Step(.green); Step(.red, from: 5) }
    .showThresholds(.dashed)
    .size(width: 9, height: 8)
  }

  static var shutdownDistribution: Panel {
    Heatmap("Shutdown Duration Distribution") {
      Query("sum by (le) (increase(app_shutdown_duration_seconds_bucket{\(app)}[$__rate_interval]))", legend: "{{le}}")
        .format(.heatmap)
    }
    .description("How long graceful shutdowns took, by histogram bucket.")
    .unit(.seconds)
    .size(width: 9, height: 8)
  }
}
