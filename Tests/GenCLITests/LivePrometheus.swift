import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What the live discovery tests share: a free loopback port, polling, and the targets a running
/// Prometheus has discovered.
enum LivePrometheus {
  static let binary = "/usr/bin/prometheus"

  /// A port no one listens on now (the kernel's pick for port 0).
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    try #require(bound, "no free port")
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// The flags of a Prometheus serving `config` on loopback `port`, its data in `data`.
  static func arguments(config: URL, data: URL, port: Int) -> [String] {
    ["--config.file=\(config.path)", "--storage.tsdb.path=\(data.path)", "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn"]
  }

  struct Target: Equatable, CustomStringConvertible {
    var address: String
    var labels: [String: String]
    var health: String

    var description: String { "\(address) \(labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")) \(health)" }
  }

  /// The active targets of `job`, by their discovered `__address__`, with their target labels (but
  /// `job` and `instance`) and health.
  static func targets(_ base: String, job: String) -> [Target] {
    guard let url = URL(string: "\(base)/api/v1/targets?state=active"), let data = try? Data(contentsOf: url),
      let json = try? YAMLTree.value(parsing: String(decoding: data, as: UTF8.self)),
      case .array(let active)? = json["data"]?["activeTargets"]
    else { return [] }
    return active.compactMap { target -> Target? in
      guard target["labels"]?["job"] == .string(job), case .string(let address)? = target["discoveredLabels"]?["__address__"],
        case .object(let labels)? = target["labels"]
      else { return nil }
      var texts: [String: String] = [:]
      for (name, value) in labels where name != "job" && name != "instance" { texts[name] = value.text }
      return Target(address: address, labels: texts, health: target["health"]?.text ?? "")
    }
    .sorted { $0.address < $1.address }
  }

  /// Polls until `check` holds or `timeout` seconds pass; the seconds it took, or `nil`.
  static func wait(seconds timeout: Double, _ check: () -> Bool) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < timeout {
      if check() { return Date().timeIntervalSince(start) }
      Thread.sleep(forTimeInterval: 0.2)
    }
    return nil
  }
}
