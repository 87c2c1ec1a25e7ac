public import MonitoringDSL
import MonitoringRender

/// `gen import provisioning`: a Grafana provisioning file (apiVersion 1) as typed `Datasource`s
/// or `DashboardProvider`s, the rest through their raw escape hatch, found by lowering the typed
/// entry and comparing it with the input. Secrets are not carried into Swift: a plain-text
/// password becomes a warning (provision it from the environment with `.basicAuth(user:passwordVariable:)`).
/// ```swift
/// let imported = try ProvisioningImporter.importFile(text, source: "datasource.yml")
/// ```
public enum ProvisioningImporter {
  public static func importFile(_ text: String, source: String, limits: ImportLimits = .default) throws(ImportFailure)
    -> ProvisioningImport
  {
    let model = try ImportInput.yaml(text, source: source, limits: limits)
    var notes: [ImportNote] = []
    if case .array(let entries)? = model["datasources"] {
      let sources = entries.enumerated().map { datasource($0.element, index: $0.offset, notes: &notes) }
      return ProvisioningImport(datasources: sources, providers: [], notes: notes, source: source)
    }
    if case .array(let entries)? = model["providers"] {
      let providers = entries.enumerated().map { provider($0.element, index: $0.offset, notes: &notes) }
      return ProvisioningImport(datasources: [], providers: providers, notes: notes, source: source)
    }
    throw ImportFailure("\(source): not a Grafana provisioning file (no \"datasources:\" or \"providers:\" list)")
  }

  static func datasource(_ json: JSONValue, index: Int, notes: inout [ImportNote]) -> Datasource {
    let name = json["name"]?.text ?? "datasource-\(index + 1)"
    var input = json
    for secret in ["password", "basicAuthPassword"] where json[secret] != nil || json["secureJsonData"]?[secret] != nil {
      notes.append(.warning("datasource \"\(name)\": a plain-text \(secret) is not carried into Swift; use .basicAuth(user:passwordVariable:)"))
      input = input.removing(path: [secret]).removing(path: ["secureJsonData", secret])
    }
    var source = Datasource(
      name: name, type: DatasourceType(rawValue: json["type"]?.text ?? "prometheus"),
      uid: json["uid"]?.text ?? String(Renderer.slug(name).prefix(40)), url: json["url"]?.text ?? "")
    if json["uid"] == nil { notes.append(.warning("datasource \"\(name)\" has no uid: Grafana makes one up; give it one to reference it")) }
    if json["access"]?.text == "direct" { source.access = .direct }
    source.isDefault = json["isDefault"] == .bool(true)
    source.isEditable = json["editable"] == .bool(true)
    if case .object(let data)? = json["jsonData"] { source.jsonData = data }
    let patch = JSONPatch(from: YAMLTree.value(of: ProvisioningLowering.datasource(source)), to: input)
    source.extraJSON = patch.merge
    source.removedJSON = patch.removals
    if !patch.isEmpty { notes.append(.keptRaw(item: "datasource \"\(name)\"", paths: patch.paths)) }
    return source
  }

  static func provider(_ json: JSONValue, index: Int, notes: inout [ImportNote]) -> DashboardProvider {
    let name = json["name"]?.text ?? "provider-\(index + 1)"
    var provider = DashboardProvider(name, folder: json["folder"]?.text ?? "", path: json["options"]?["path"]?.text ?? "")
    if let uid = json["folderUid"]?.text { provider.folderUID = uid }
    provider.allowsUIUpdates = json["allowUiUpdates"] == .bool(true)
    provider.foldersFromFilesStructure = json["options"]?["foldersFromFilesStructure"] == .bool(true)
    provider.disablesDeletion = json["disableDeletion"] == .bool(true)
    if let seconds = json["updateIntervalSeconds"]?.integer { provider.updateIntervalSeconds = seconds }
    if let org = json["orgId"]?.integer { provider.orgID = org }
    let patch = JSONPatch(from: YAMLTree.value(of: ProvisioningLowering.provider(provider)), to: json)
    provider.extraJSON = patch.merge
    provider.removedJSON = patch.removals
    if !patch.isEmpty { notes.append(.keptRaw(item: "provider \"\(name)\"", paths: patch.paths)) }
    return provider
  }
}

/// A provisioning file brought in by ``ProvisioningImporter``: datasources or dashboard providers.
public struct ProvisioningImport: Sendable {
  public var datasources: [Datasource]
  public var providers: [DashboardProvider]
  public var notes: [ImportNote]
  public var source: String
}
