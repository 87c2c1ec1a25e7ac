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
      Query(App.activeConnections.select(app).sum(), legend: "active")
      Query(App.connectionsOpened.rate(.rateInterval, app).sum(), legend: "opened/s")
      Query(App.connectionsClosed.rate(.rateInterval, app).sum(), legend: "closed/s")
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
    let hourly = App.messages.rate("5m", app).sum().subquery("1h", step: "1m")
    let baseline = hourly.apply("avg_over_time")
    let spread = hourly.apply("stddev_over_time").times(2)
    return TimeSeries("Message Flow") {
      Query(App.messages.rate(.rateInterval, app).sum(), legend: "rate")
      Query(baseline, legend: "baseline (1h)")
      Query(baseline.plus(spread), legend: "upper band")
      Query(.call("clamp_min", [baseline.minus(spread), .number(0)]), legend: "lower band")
    }
    .description("Message rate with its 1h moving average and ±2σ band; points outside the band are anomalies.")
    .unit(.suffix(" msg/s"))
    .min(0)
    .overrides {
      FieldOverride(.byRegex("upper band|lower band"))
        .color(.fixed("#8AB8FF"))
        .custom("custom.lineStyle", ["dash": [10, 10], "fill": "dash"])
    }
    .lintIgnore(.targetRateInterval, because: "the 1h baseline and band average a 5m rate in a subquery; a range that followed the zoom would move the band")
  }

  /// The seed's example expression, kept as written there (opened / (opened + closed)).
  static var connectionSuccessRate: Panel {
    let opened = App.connectionsOpened.rate(.rateInterval, app).sum()
    let closed = App.connectionsClosed.rate(.rateInterval, app).sum()
    return Stat("Connection Success Rate") {
      Query(opened.dividedBy(opened.plus(closed)).times(100), legend: "success rate")
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
      Query(RecordingRules.shutdownP95.select([.regex("job", "$job")]), legend: "p95 {{job}}")
    }
    .description("95th percentile of graceful shutdown time over the last hour. The KPI alert fires above \(NumberText.format(KPI.maxShutdownP95Seconds))s.")
    .unit(.seconds)
    .min(0)
    .thresholds { Step(.green); Step(.red, from: KPI.maxShutdownP95Seconds) }
    .showThresholds(.dashed)
    .size(width: 9, height: 8)
    .lintIgnore(.targetInstance, because: "the recording rule aggregates instances away (by job): there is no instance to pick")
  }

  static var shutdownDistribution: Panel {
    Heatmap("Shutdown Duration Distribution") {
      Query(App.shutdownDuration.bucketIncrease(.rateInterval, app), legend: "{{le}}")
        .format(.heatmap)
    }
    .description("How long graceful shutdowns took, by histogram bucket.")
    .unit(.seconds)
    .size(width: 9, height: 8)
  }
}
