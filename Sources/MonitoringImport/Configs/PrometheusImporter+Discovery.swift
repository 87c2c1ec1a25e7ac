import MonitoringDSL
import MonitoringRender

// MARK: - Service discovery: each `*_sd_configs` list typed when every entry is (only keys the DSL
// types, values of the expected kinds); a list with an entry the DSL cannot say stays raw whole.

extension PrometheusImporter {
  /// The keys Prometheus 2.42 reads in each list (discovery/*/ and the inline HTTP client config):
  /// a key outside them is a misspelling, reported with the nearest one.
  static let discoveryKeys: [String: Set<String>] = {
    let httpClient: Set = [
      "basic_auth", "authorization", "oauth2", "bearer_token", "bearer_token_file", "tls_config", "proxy_url", "no_proxy",
      "proxy_from_environment", "proxy_connect_header", "follow_redirects", "enable_http2",
    ]
    return [
      "file_sd_configs": ["files", "refresh_interval"],
      "http_sd_configs": httpClient.union(["url", "refresh_interval"]),
      "dns_sd_configs": ["names", "type", "port", "refresh_interval"],
      "kubernetes_sd_configs": httpClient.union(["role", "api_server", "kubeconfig_file", "namespaces", "selectors", "attach_metadata"]),
      "consul_sd_configs": httpClient.union([
        "server", "token", "datacenter", "namespace", "partition", "tag_separator", "scheme", "username", "password",
        "allow_stale", "refresh_interval", "services", "tags", "node_meta", "path_prefix",
      ]),
    ]
  }()

  /// What Prometheus fills in when it loads an entry and the DSL always writes: the record type
  /// (SRV), Consul's server (`localhost:8500`), `type: Bearer` and `insecure_skip_verify: false`.
  static func normalizedDiscovery(_ job: JSONValue) -> JSONValue {
    var job = job
    let defaults: [String: JSONValue] = ["dns_sd_configs": ["type": "SRV"], "consul_sd_configs": ["server": "localhost:8500"]]
    for key in DiscoveryLowering.kinds {
      guard case .array(let entries)? = job[key] else { continue }
      job = job.merging([
        key: .array(
          entries.map { entry in
            guard case .object = entry else { return entry }
            var entry = (defaults[key] ?? [:]).merging(entry)
            if let authorization = entry["authorization"] {
              entry = entry.merging(["authorization": (["type": "Bearer"] as JSONValue).merging(authorization)])
            }
            if let tls = entry["tls_config"] { entry = entry.merging(["tls_config": (["insecure_skip_verify": false] as JSONValue).merging(tls)]) }
            return entry
          })
      ])
    }
    return job
  }

  /// Every list of the job the DSL can type, in the lowering's order of kinds.
  static func discovery(_ job: JSONValue) -> [ServiceDiscovery] {
    DiscoveryLowering.kinds.flatMap { key -> [ServiceDiscovery] in
      let entries = (job[key]?.elements ?? []).map { discovery(key, $0) }
      return entries.allSatisfy { $0 != nil } ? entries.compactMap { $0 } : []
    }
  }

  /// Keys of the job's discovery entries that Prometheus 2.42 does not read, with the nearest it does.
  static func unknownDiscoveryKeys(_ job: JSONValue, item: String) -> [ImportNote] {
    DiscoveryLowering.kinds.flatMap { key -> [ImportNote] in
      let known = discoveryKeys[key] ?? []
      return (job[key]?.elements ?? []).enumerated().flatMap { index, entry -> [ImportNote] in
        guard case .object(let members) = entry else { return [] }
        return members.keys.sorted().filter { !known.contains($0) }.map { name in
          .warning("\(item): \(key)[\(index)]: unknown key \"\(name)\"\(NearestName.suggestion(for: name, in: known)); the list is kept raw")
        }
      }
    }
  }

  private static func discovery(_ key: String, _ json: JSONValue) -> ServiceDiscovery? {
    let refresh = json["refresh_interval"]?.text.map { PromDuration($0) }
    switch key {
    case "file_sd_configs":
      guard ConfigImport.has(json, onlyKeys: ["files", "refresh_interval"]), let files = ConfigImport.stringList(json["files"]) else { return nil }
      return .file(FileSD(files: files, refreshInterval: refresh))
    case "http_sd_configs":
      guard ConfigImport.has(json, onlyKeys: ["url", "refresh_interval", "authorization", "basic_auth", "tls_config"]),
        let url = json["url"]?.text, let client = client(json)
      else { return nil }
      var http = HTTPSD(url: url)
      (http.refreshInterval, http.authorization, http.tls) = (refresh, client.authorization, client.tls)
      return .http(http)
    case "dns_sd_configs":
      guard ConfigImport.has(json, onlyKeys: ["names", "type", "port", "refresh_interval"]), let names = ConfigImport.stringList(json["names"]),
        let type = json["type"]?.text.flatMap({ DNSSD.RecordType(rawValue: $0.uppercased()) }), type.rawValue == json["type"]?.text,
        json["port"] == nil || json["port"]?.integer != nil
      else { return nil }
      var dns = DNSSD(names: names, type: type, port: json["port"]?.integer)
      dns.refreshInterval = refresh
      return .dns(dns)
    case "kubernetes_sd_configs": return kubernetes(json).map(ServiceDiscovery.kubernetes)
    case "consul_sd_configs": return consul(json).map(ServiceDiscovery.consul)
    default: return nil
    }
  }

  private static func kubernetes(_ json: JSONValue) -> KubernetesSD? {
    let keys: Set = ["role", "api_server", "kubeconfig_file", "authorization", "basic_auth", "tls_config", "namespaces", "selectors", "attach_metadata"]
    guard ConfigImport.has(json, onlyKeys: keys), let role = json["role"]?.text.flatMap(KubernetesSD.Role.init(rawValue:)),
      let client = client(json)
    else { return nil }
    var config = KubernetesSD(role: role)
    if let namespaces = json["namespaces"] {
      guard ConfigImport.has(namespaces, onlyKeys: ["names", "own_namespace"]), namespaces["own_namespace"] != .bool(false) else { return nil }
      config.namespaces = ConfigImport.stringList(namespaces["names"]) ?? []
      config.ownNamespace = namespaces["own_namespace"] == .bool(true)
    }
    for selector in json["selectors"]?.elements ?? [] {
      guard ConfigImport.has(selector, onlyKeys: ["role", "label", "field"]),
        let role = selector["role"]?.text.flatMap(KubernetesSD.Role.init(rawValue:))
      else { return nil }
      config.selectors.append(.init(role: role, label: selector["label"]?.text, field: selector["field"]?.text))
    }
    if let attach = json["attach_metadata"] {
      guard attach == ["node": true] else { return nil }
      config.attachNodeMetadata = true
    }
    (config.apiServer, config.kubeconfigFile) = (json["api_server"]?.text, json["kubeconfig_file"]?.text)
    (config.authorization, config.tls) = (client.authorization, client.tls)
    return config
  }

  private static func consul(_ json: JSONValue) -> ConsulSD? {
    let keys: Set = ["server", "scheme", "datacenter", "services", "tags", "refresh_interval", "authorization", "tls_config"]
    guard ConfigImport.has(json, onlyKeys: keys), let server = json["server"]?.text, let client = client(json) else { return nil }
    var consul = ConsulSD(server: server, services: ConfigImport.stringList(json["services"]) ?? [])
    consul.tags = ConfigImport.stringList(json["tags"]) ?? []
    consul.datacenter = json["datacenter"]?.text
    consul.scheme = json["scheme"]?.text.flatMap(ScrapeJob.Scheme.init(rawValue:))
    consul.refreshInterval = json["refresh_interval"]?.text.map { PromDuration($0) }
    consul.tls = client.tls
    // The token as a bearer token from a file; basic auth is not a Consul token.
    switch client.authorization {
    case .bearer(let file)?: consul.tokenFile = file
    case .basic?: return nil
    case nil: break
    }
    return consul
  }

  /// The credentials and TLS of an HTTP client part, or `nil` when either is there but not typed.
  private static func client(_ json: JSONValue) -> (authorization: ScrapeAuthorization?, tls: TLSConfig?)? {
    let authorization = authorization(json)
    if authorization == nil, json["authorization"] != nil || json["basic_auth"] != nil { return nil }
    if let tls = json["tls_config"], !ConfigImport.has(tls, onlyKeys: ["ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"]) {
      return nil
    }
    return (authorization, self.tls(json["tls_config"]))
  }
}
