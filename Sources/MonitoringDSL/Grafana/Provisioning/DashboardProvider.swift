/// A Grafana dashboard provider (`provisioning/dashboards/`): where Grafana finds dashboard files
/// and which folder it puts them in.
/// ```swift
/// DashboardProvider("websocket", folder: "WebSocket", path: "/var/lib/grafana/dashboards")
/// ```
public struct DashboardProvider: Hashable, Sendable, RawJSONCarrying {
  public var name: String
  public var folder: String
  public var folderUID: String?
  /// The folder inside Grafana's container where the generated dashboards are mounted.
  public var path: String
  public var allowsUIUpdates = false
  public var foldersFromFilesStructure = false
  public var disablesDeletion = true
  public var updateIntervalSeconds = 30
  public var orgID = 1
  /// What the DSL does not type: raw JSON merged in, members taken out (``RawJSONCarrying``).
  public var rawJSON: RawJSON?

  public init(_ name: String, folder: String, path: String) {
    self.name = name
    self.folder = folder
    self.path = path
  }

  /// Whether edits made in Grafana may be saved (they are overwritten by the next provisioning).
  public func allowUIUpdates(_ allow: Bool = true) -> DashboardProvider { with { $0.allowsUIUpdates = allow } }
  public func foldersFromFilesStructure(_ enabled: Bool = true) -> DashboardProvider {
    with { $0.foldersFromFilesStructure = enabled }
  }
  public func folderUID(_ uid: String) -> DashboardProvider { with { $0.folderUID = uid } }
  public func updateInterval(seconds: Int) -> DashboardProvider { with { $0.updateIntervalSeconds = seconds } }
  /// Whether Grafana refuses to delete a provisioned dashboard whose file is gone (default: refuses).
  public func disableDeletion(_ disable: Bool = true) -> DashboardProvider { with { $0.disablesDeletion = disable } }
  public func orgID(_ id: Int) -> DashboardProvider { with { $0.orgID = id } }

}
