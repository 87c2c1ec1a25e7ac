public import MonitoringDSL

/// Everything `swift run gen` writes, listed explicitly.
public enum Specs {
  public static let catalog = Catalog {
    Stack.prometheusDatasource
    Stack.alertmanagerDatasource
    Stack.dashboardProvider
    WebSocketDashboard.dashboard
    Stack.prometheusConfig
    WebSocketRules.file
    AlertmanagerSpec.config
  }
}
