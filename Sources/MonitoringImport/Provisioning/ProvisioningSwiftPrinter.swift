import MonitoringDSL

/// Swift source for imported provisioning: the datasources or providers as catalog entries.
/// ```swift
/// let source = ProvisioningSwiftPrinter.source(imported, typeName: "Datasources")
/// ```
public enum ProvisioningSwiftPrinter {
  public static func source(_ imported: ProvisioningImport, typeName: String) -> String {
    var output = SwiftFile.opening(
      command: "provisioning", source: imported.source, about: nil, notes: imported.notes,
      doc: "The provisioning of \(imported.source).", typeName: typeName)
    if !imported.datasources.isEmpty {
      output += "  public static var datasources: [Datasource] {\n    [\n"
      output += imported.datasources.map { "      " + datasource($0, indent: "      ") + ",\n" }.joined()
      output += "    ]\n  }\n"
    }
    if !imported.providers.isEmpty {
      output += "  public static var providers: [DashboardProvider] {\n    [\n"
      output += imported.providers.map { "      " + provider($0, indent: "      ") + ",\n" }.joined()
      output += "    ]\n  }\n"
    }
    return output + "}\n"
  }

  private static func datasource(_ source: Datasource, indent: String) -> String {
    var text = "Datasource(name: \(SwiftLiteral.string(source.name)), type: \(SwiftLiteral.string(source.type.rawValue)), "
    text += "uid: \(SwiftLiteral.string(source.uid)), url: \(SwiftLiteral.string(source.url)))"
    let inner = indent + "  "
    if source.access == .direct { text += "\n" + inner + ".access(.direct)" }
    if source.isDefault { text += "\n" + inner + ".isDefault()" }
    if source.isEditable { text += "\n" + inner + ".editable()" }
    if !source.jsonData.isEmpty {
      text += "\n" + inner + ".jsonData(\(SwiftLiteral.json(.object(source.jsonData), indent: inner).dropFirst(".object(".count).dropLast()))"
    }
    let raw = DashboardSwiftPrinter.raw(extra: source.extraJSON, removed: source.removedJSON, indent: inner)
    if !raw.isEmpty { text += "\n" + raw.dropLast() }
    return text
  }

  private static func provider(_ provider: DashboardProvider, indent: String) -> String {
    var text = "DashboardProvider(\(SwiftLiteral.string(provider.name)), folder: \(SwiftLiteral.string(provider.folder)), "
    text += "path: \(SwiftLiteral.string(provider.path)))"
    let inner = indent + "  "
    let defaults = DashboardProvider("", folder: "", path: "")
    if let uid = provider.folderUID { text += "\n" + inner + ".folderUID(\(SwiftLiteral.string(uid)))" }
    if provider.allowsUIUpdates { text += "\n" + inner + ".allowUIUpdates()" }
    if provider.foldersFromFilesStructure { text += "\n" + inner + ".foldersFromFilesStructure()" }
    if provider.disablesDeletion != defaults.disablesDeletion { text += "\n" + inner + ".disableDeletion(\(provider.disablesDeletion))" }
    if provider.updateIntervalSeconds != defaults.updateIntervalSeconds {
      text += "\n" + inner + ".updateInterval(seconds: \(provider.updateIntervalSeconds))"
    }
    if provider.orgID != defaults.orgID { text += "\n" + inner + ".orgID(\(provider.orgID))" }
    let raw = DashboardSwiftPrinter.raw(extra: provider.extraJSON, removed: provider.removedJSON, indent: inner)
    if !raw.isEmpty { text += "\n" + raw.dropLast() }
    return text
  }
}
