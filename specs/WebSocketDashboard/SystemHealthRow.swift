import MonitoringDSL

extension WebSocketDashboard {
  /// The seed's "System Health": memory and CPU of the service process.
  static var systemHealthRow: Row {
    Row("System Health") {
      memory
      memoryUsagePercentage
      cpu
    }
  }

  static var memory: Panel {
    TimeSeries("Memory") {
      Query(App.residentMemory.select(app).sum(by: ["instance"]), legend: "resident {{instance}}")
      Query(App.virtualMemory.select(app).sum(by: ["instance"]), legend: "virtual {{instance}}")
    }
    .description("Resident and virtual memory of the service process.")
    .unit(.bytes)
    .min(0)
    .size(width: 10, height: 8)
  }

  /// The seed's example expression: resident as a share of virtual memory.
  static var memoryUsagePercentage: Panel {
    Gauge("Memory Usage") {
      Query(App.residentMemory.select(app).sum().dividedBy(App.virtualMemory.select(app).sum()).times(100), legend: "memory")
    }
    .description("The seed's memory usage percentage: resident / virtual memory × 100.")
    .unit(.percent)
    .decimals(1)
    .min(0)
    .max(100)
    .thresholds { Step(.green); Step(.yellow, from: 70); Step(.red, from: 90) }
    .size(width: 4, height: 8)
  }

  static var cpu: Panel {
    TimeSeries("CPU") {
      Query(App.cpuSeconds.rate(.rateInterval, app).sum(by: ["instance"]), legend: "{{instance}}")
    }
    .description("CPU time used per second: 1.0 is one full core.")
    .unit(.percentUnit)
    .min(0)
    .fillOpacity(10)
    .size(width: 10, height: 8)
  }
}
