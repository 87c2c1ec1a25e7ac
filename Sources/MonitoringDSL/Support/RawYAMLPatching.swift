/// The raw escape hatch of a configuration value that lowers to YAML (Prometheus and Alertmanager
/// configs, scrape jobs, routes, receivers and their integrations): `extraJSON` is merged into the
/// lowered mapping last (``JSONValue/merging(_:)``: mappings key by key, lists and scalars
/// replaced), then the `removingJSON` paths are taken out — the same semantics as a dashboard's.
/// Meant for what the DSL does not type yet (service discovery, an integration kind it lacks);
/// `gen import` uses it to keep an imported file exactly as it was.
/// ```swift
/// ScrapeJob("node", targets: [])
///   .extraJSON(["dns_sd_configs": [["names": ["node.internal"], "type": "A", "port": 9100]]])
///   .removingJSON(["static_configs"])
/// ```
public protocol RawYAMLPatching: CopyModifying {
  /// Raw members merged into the lowered mapping.
  var extraJSON: JSONValue? { get set }
  /// Member paths taken out of the lowered mapping after the merge.
  var removedJSON: [[String]] { get set }
}

extension RawYAMLPatching {
  /// Merges raw members into what this value lowers to (repeated calls merge too).
  public func extraJSON(_ json: JSONValue) -> Self { with { $0.extraJSON = $0.extraJSON.map { $0.merging(json) } ?? json } }
  /// Takes members out of what this value lowers to, each path given as keys from the top.
  public func removingJSON(_ paths: [String]...) -> Self { with { $0.removedJSON += paths } }
}
