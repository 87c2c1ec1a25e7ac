public import MonitoringDSL
public import Yams

/// Grafana provisioning files (apiVersion 1) for datasources and dashboard providers.
public enum ProvisioningLowering {
  public static func datasources(_ sources: [Datasource]) -> Node {
    YAMLTree.mapping([
      ("apiVersion", YAMLTree.int(1)),
      ("datasources", YAMLTree.sequence(sources.map(datasource))),
    ])
  }

  /// One datasource entry; also the `spec.datasource` of a grafana-operator `GrafanaDatasource`.
  public static func datasource(_ source: Datasource) -> Node {
    YAMLTree.patched(typedDatasource(source), with: source)
  }

  private static func typedDatasource(_ source: Datasource) -> Node {
    YAMLTree.mapping([
      ("name", YAMLTree.string(source.name)),
      ("type", YAMLTree.string(source.type.rawValue)),
      ("uid", YAMLTree.string(source.uid)),
      ("access", YAMLTree.string(source.access.rawValue)),
      ("url", YAMLTree.string(source.url)),
      ("isDefault", YAMLTree.bool(source.isDefault)),
      ("editable", YAMLTree.bool(source.isEditable)),
      ("basicAuth", source.basicAuthUser == nil ? nil : YAMLTree.bool(true)),
      ("basicAuthUser", source.basicAuthUser.map(YAMLTree.string)),
      ("jsonData", source.jsonData.isEmpty ? nil : YAMLTree.json(.object(source.jsonData))),
      (
        "secureJsonData",
        source.basicAuthPasswordVariable.map { YAMLTree.mapping([("basicAuthPassword", YAMLTree.string("${\($0)}"))]) }
      ),
    ])
  }

  public static func dashboardProvider(_ provider: DashboardProvider) -> Node {
    YAMLTree.mapping([("apiVersion", YAMLTree.int(1)), ("providers", YAMLTree.sequence([self.provider(provider)]))])
  }

  /// One provider entry.
  public static func provider(_ provider: DashboardProvider) -> Node {
    YAMLTree.patched(typedProvider(provider), with: provider)
  }

  private static func typedProvider(_ provider: DashboardProvider) -> Node {
    YAMLTree.mapping([
      ("name", YAMLTree.string(provider.name)),
      ("orgId", YAMLTree.int(provider.orgID)),
      ("folder", YAMLTree.string(provider.folder)),
      ("folderUid", provider.folderUID.map(YAMLTree.string)),
      ("type", YAMLTree.string("file")),
      ("disableDeletion", YAMLTree.bool(provider.disablesDeletion)),
      ("allowUiUpdates", YAMLTree.bool(provider.allowsUIUpdates)),
      ("updateIntervalSeconds", YAMLTree.int(provider.updateIntervalSeconds)),
      (
        "options",
        YAMLTree.mapping([
          ("path", YAMLTree.string(provider.path)),
          ("foldersFromFilesStructure", YAMLTree.bool(provider.foldersFromFilesStructure)),
        ])
      ),
    ])
  }
}
