import MonitoringDSL

// MARK: - Service discovery in the DSL's words

extension PrometheusSwiftPrinter {
  /// `.discover { … }` with one line per mechanism; the first line at `indent`, every line ending
  /// in a newline.
  static func discoverySource(_ discovery: [ServiceDiscovery], indent: String) -> String {
    guard !discovery.isEmpty else { return "" }
    return indent + ".discover {\n" + discovery.map { indent + "  " + source($0) + "\n" }.joined() + indent + "}\n"
  }

  private static func source(_ discovery: ServiceDiscovery) -> String {
    switch discovery {
    case .file(let file):
      let arguments = [
        "files: \(SwiftLiteral.strings(file.files))", file.refreshInterval.map { "refreshInterval: \(duration($0))" },
      ]
      return "FileSD(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
    case .http(let http):
      return "HTTPSD(url: \(SwiftLiteral.string(http.url)))" + refresh(http.refreshInterval) + client(http.authorization, http.tls)
    case .dns(let dns):
      var arguments = ["names: \(SwiftLiteral.strings(dns.names))"]
      if dns.type != .srv { arguments.append("type: .\(dns.type)") }
      if let port = dns.port { arguments.append("port: \(port)") }
      return "DNSSD(\(arguments.joined(separator: ", ")))" + refresh(dns.refreshInterval)
    case .kubernetes(let config):
      var text = "KubernetesSD(role: .\(config.role.rawValue)"
      text += config.namespaces.isEmpty ? ")" : ", namespaces: \(SwiftLiteral.strings(config.namespaces)))"
      if config.ownNamespace { text += ".ownNamespace()" }
      for selector in config.selectors {
        let arguments = [
          "role: .\(selector.role.rawValue)", selector.label.map { "label: \(SwiftLiteral.string($0))" },
          selector.field.map { "field: \(SwiftLiteral.string($0))" },
        ]
        text += ".selector(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
      }
      if let server = config.apiServer { text += ".apiServer(\(SwiftLiteral.string(server)))" }
      if let file = config.kubeconfigFile { text += ".kubeconfigFile(\(SwiftLiteral.string(file)))" }
      if config.attachNodeMetadata { text += ".attachNodeMetadata()" }
      return text + client(config.authorization, config.tls)
    case .consul(let consul):
      var text = "ConsulSD(server: \(SwiftLiteral.string(consul.server))"
      text += consul.services.isEmpty ? ")" : ", services: \(SwiftLiteral.strings(consul.services)))"
      if !consul.tags.isEmpty { text += ".tags(\(SwiftLiteral.strings(consul.tags)))" }
      if let datacenter = consul.datacenter { text += ".datacenter(\(SwiftLiteral.string(datacenter)))" }
      if let scheme = consul.scheme { text += ".scheme(.\(scheme.rawValue))" }
      if let file = consul.tokenFile { text += ".token(file: \(SwiftLiteral.string(file)))" }
      return text + refresh(consul.refreshInterval) + client(nil, consul.tls)
    }
  }

  private static func refresh(_ interval: PromDuration?) -> String {
    interval.map { ".refreshInterval(\(duration($0)))" } ?? ""
  }

  private static func client(_ authorization: ScrapeAuthorization?, _ tls: TLSConfig?) -> String {
    (authorization.map(authorizationSource) ?? "") + (tls.map { ".tls(\(tlsSource($0)))" } ?? "")
  }
}
