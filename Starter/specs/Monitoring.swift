public import MonitoringDSL

/// The environments `swift run gen` writes, each into `generated/<name>/`. A setting can be changed
/// for one run: `swift run gen --environment dev --set service_target=localhost:9000`.
public enum Monitoring {
  public static let environments = [dev, production]

  /// Everything on this machine: the service on port 8080, Prometheus and Alertmanager on their own.
  public static let dev = StackEnvironment("dev", settings: ["service_target": "localhost:8080"]) { settings in
    Stack(
      serviceTargets: [settings["service_target"]], prometheusTarget: "localhost:9090", prometheusURL: "http://localhost:9090",
      alertmanagerTarget: "localhost:9093", alertmanagerURL: "http://localhost:9093"
    ).catalog
  }

  /// Two replicas of the service behind their host names, the monitoring stack by service name.
  public static let production = StackEnvironment("production") { _ in
    Stack(
      serviceTargets: ["\(Service.name)-1:8080", "\(Service.name)-2:8080"], prometheusTarget: "localhost:9090",
      prometheusURL: "http://prometheus:9090", alertmanagerTarget: "alertmanager:9093", alertmanagerURL: "http://alertmanager:9093"
    ).catalog
  }
}
