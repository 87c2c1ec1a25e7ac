import MonitoringDSL
import Yams

/// The HTTP client part Prometheus shares between scrape jobs, remote write and service discovery:
/// `basic_auth` or `authorization` (secrets read from files) and `tls_config`.
enum HTTPClientLowering {
  /// `basic_auth` or `authorization`, with the secret as a file.
  static func authorization(_ authorization: ScrapeAuthorization?) -> (String, Node?) {
    switch authorization {
    case .basic(let username, let passwordFile):
      (
        "basic_auth",
        YAMLTree.mapping([("username", YAMLTree.string(username)), ("password_file", YAMLTree.string(passwordFile))])
      )
    case .bearer(let file):
      ("authorization", YAMLTree.mapping([("type", YAMLTree.string("Bearer")), ("credentials_file", YAMLTree.string(file))]))
    case nil: ("authorization", nil)
    }
  }

  static func tls(_ tls: TLSConfig?) -> (String, Node?) {
    (
      "tls_config",
      tls.map { tls in
        YAMLTree.mapping([
          ("ca_file", tls.caFile.map(YAMLTree.string)),
          ("cert_file", tls.certFile.map(YAMLTree.string)),
          ("key_file", tls.keyFile.map(YAMLTree.string)),
          ("server_name", tls.serverName.map(YAMLTree.string)),
          ("insecure_skip_verify", YAMLTree.bool(tls.insecureSkipVerify)),
        ])
      }
    )
  }
}
