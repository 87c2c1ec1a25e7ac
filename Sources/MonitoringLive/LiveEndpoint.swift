public import Foundation
#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif
public import MonitoringDSL
import MonitoringRender

/// A running Prometheus or Alertmanager: its base URL, how to log in, and how long one request may take.
/// Requests go out with the credentials as a header; a secret never appears in a URL or a message.
/// ```swift
/// let prometheus = LiveEndpoint(url: URL(string: "http://127.0.0.1:9090")!, credentials: .basic(user: "prometheus", password: secret))
/// let up = try await prometheus.data("/api/v1/query", ["query": "up"])
/// ```
public struct LiveEndpoint: Sendable {
  public enum Credentials: Sendable {
    case none
    case basic(user: String, password: String)
    case bearer(token: String)
  }

  public var url: URL
  public var credentials: Credentials
  /// Seconds one request may take before it is an error.
  public var timeout: Double

  public init(url: URL, credentials: Credentials = .none, timeout: Double = 10) {
    self.url = url
    self.credentials = credentials
    self.timeout = timeout
  }

  /// The `data` of a Prometheus-style API answer (`{"status": "success", "data": …}`), or its error.
  public func data(_ path: String, _ parameters: [(String, String)] = []) async throws(LiveError) -> JSONValue {
    let body = try await get(path, parameters)
    guard let answer = try? JSONParser.parse(body) else { throw LiveError("\(path): the answer is not JSON: \(body.prefix(200))") }
    if answer["status"] == .string("error") {
      throw LiveError(answer["error"]?.text ?? "\(path): error without a message")
    }
    return answer["data"] ?? answer
  }

  /// The body of `GET path?parameters`, an error unless the status is 2xx (4xx answers of
  /// Prometheus' API carry their reason as JSON, which ``data(_:_:)`` reads).
  public func get(_ path: String, _ parameters: [(String, String)] = []) async throws(LiveError) -> String {
    var components = URLComponents(url: url.appendingPathComponent(path), resolvingAgainstBaseURL: false)
    if !parameters.isEmpty { components?.queryItems = parameters.map { URLQueryItem(name: $0.0, value: $0.1) } }
    // A `+` in a query is a space to Go's decoder: encode it (PromQL uses it for addition).
    let encoded = components?.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
    components?.percentEncodedQuery = encoded
    guard let requestURL = components?.url else { throw LiveError("\(path): not a valid URL") }
    var request = URLRequest(url: requestURL, timeoutInterval: timeout)
    switch credentials {
    case .none: break
    case .basic(let user, let password):
      request.setValue("Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
    case .bearer(let token): request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
    }
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await URLSession.shared.data(for: request)
    } catch {
      throw LiveError("\(url.absoluteString)\(path): \(error.localizedDescription)")
    }
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    let body = String(decoding: data, as: UTF8.self)
    if status == 401 || status == 403 { throw LiveError("\(url.absoluteString)\(path): HTTP \(status): the login was refused") }
    if !(200..<300).contains(status), !(400..<500).contains(status) || !body.hasPrefix("{") {
      throw LiveError("\(url.absoluteString)\(path): HTTP \(status): \(body.prefix(200))")
    }
    return body
  }
}

/// A request to a live server that failed: unreachable, refused, timed out or answered with an error.
public struct LiveError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
