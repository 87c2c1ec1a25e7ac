import ArgumentParser
import Foundation
import MonitoringLive

/// Where the running servers are and how to log in, for `gen verify` and `gen diff --live`. A password or
/// token comes from a file or an environment variable, never from a flag's value (which `ps` shows).
struct LiveServerOptions: ParsableArguments {
  @Option(help: "The running Prometheus, e.g. http://127.0.0.1:9090.")
  var prometheus: String?

  @Option(help: "The running Alertmanager, e.g. http://127.0.0.1:9093.")
  var alertmanager: String?

  @Option(help: "Basic-auth user for Prometheus; the password from --prometheus-password-file or $GEN_PROMETHEUS_PASSWORD.")
  var prometheusUser: String?

  @Option(help: "A file holding Prometheus' basic-auth password.")
  var prometheusPasswordFile: String?

  @Option(help: "A file holding a bearer token for Prometheus (or $GEN_PROMETHEUS_BEARER_TOKEN).")
  var prometheusBearerTokenFile: String?

  @Option(help: "Basic-auth user for Alertmanager; the password from --alertmanager-password-file or $GEN_ALERTMANAGER_PASSWORD.")
  var alertmanagerUser: String?

  @Option(help: "A file holding Alertmanager's basic-auth password.")
  var alertmanagerPasswordFile: String?

  @Option(help: "A file holding a bearer token for Alertmanager (or $GEN_ALERTMANAGER_BEARER_TOKEN).")
  var alertmanagerBearerTokenFile: String?

  @Option(help: "Seconds one request may take.")
  var timeout: Double = 10

  func prometheusEndpoint() throws -> LiveEndpoint? {
    try endpoint(
      prometheus, server: "prometheus", user: prometheusUser, passwordFile: prometheusPasswordFile, tokenFile: prometheusBearerTokenFile)
  }

  func alertmanagerEndpoint() throws -> LiveEndpoint? {
    try endpoint(
      alertmanager, server: "alertmanager", user: alertmanagerUser, passwordFile: alertmanagerPasswordFile,
      tokenFile: alertmanagerBearerTokenFile)
  }

  private func endpoint(_ address: String?, server: String, user: String?, passwordFile: String?, tokenFile: String?) throws
    -> LiveEndpoint?
  {
    guard let address else { return nil }
    guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https", url.host != nil else {
      throw ValidationError("--\(server) takes an http(s) URL, not \(address)")
    }
    let variable = "GEN_\(server.uppercased())"
    let environment = ProcessInfo.processInfo.environment
    var credentials = LiveEndpoint.Credentials.none
    if let token = try secret(file: tokenFile, variable: variable + "_BEARER_TOKEN", environment: environment) {
      credentials = .bearer(token: token)
    }
    if let user {
      guard let password = try secret(file: passwordFile, variable: variable + "_PASSWORD", environment: environment) else {
        throw ValidationError("--\(server)-user needs the password in --\(server)-password-file or $\(variable)_PASSWORD")
      }
      credentials = .basic(user: user, password: password)
    }
    return LiveEndpoint(url: url, credentials: credentials, timeout: timeout)
  }

  /// The secret in `file` (its last newline dropped), else in the environment variable.
  private func secret(file: String?, variable: String, environment: [String: String]) throws -> String? {
    if let file {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
      return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
    return environment[variable]
  }
}
