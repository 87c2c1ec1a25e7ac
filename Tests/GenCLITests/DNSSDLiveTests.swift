import Foundation
import MonitoringDSL
import MonitoringRender
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// DNS SD against the real Prometheus 2.42 and a real DNS server on loopback (Debian's dnsmasq):
/// an A record and an SRV record are discovered through the typed `DNSSD`, the SRV target is
/// scraped by the name the record gives, and a record added at run time is picked up. Prometheus
/// resolves through `/etc/resolv.conf`, on port 53, so it runs in a mount namespace of its own
/// (`unshare --mount`, root) where the test's resolv.conf is bind-mounted over the host's, which
/// stays untouched; dnsmasq answers on a loopback address of its own. Both are stopped by their PIDs.
@Suite(.serialized) struct DNSSDLiveTests {
  static let dnsmasq = "/usr/sbin/dnsmasq"
  static let unshare = "/usr/bin/unshare"
  /// `.test` is reserved for testing (RFC 6761): nothing outside this test answers for it.
  static let host = "app.sd.test"
  static let service = "_prometheus._tcp.sd.test"

  static func records(_ addresses: [String]) -> String { addresses.map { "\($0) \(host)\n" }.joined() }

  @Test func recordsAreDiscoveredAndAnAddedRecordIsPickedUp() throws {
    try #require(FileManager.default.isExecutableFile(atPath: LivePrometheus.binary), "install Debian prometheus (scripts/test does)")
    try #require(FileManager.default.isExecutableFile(atPath: Self.dnsmasq), "install Debian dnsmasq-base (scripts/test does)")
    try #require(getuid() == 0, "needs root: Prometheus runs in a mount namespace with the test's /etc/resolv.conf, and dnsmasq on port 53")
    let sandbox = try Sandbox()
    let port = try LivePrometheus.freePort()
    let nameserver = "127.\(Int.random(in: 1...254)).\(Int.random(in: 1...254)).53"
    let hosts = sandbox.root.appendingPathComponent("hosts")
    try Self.records(["127.0.0.1"]).write(to: hosts, atomically: true, encoding: .utf8)
    let resolvConf = sandbox.root.appendingPathComponent("resolv.conf")
    try "nameserver \(nameserver)\n".write(to: resolvConf, atomically: true, encoding: .utf8)

    let config = PrometheusConfig("prometheus.yml") {
      ScrapeJob("records").discover { DNSSD(names: [Self.host], type: .a, port: port).refreshInterval("1s") }
        .relabel { RelabelRule.copy(MetaLabel.dnsName, to: "dns_name") }
      ScrapeJob("service").discover { DNSSD(names: [Self.service]).refreshInterval("1s") }
    }
    .global(scrapeInterval: "1s", scrapeTimeout: "1s", evaluationInterval: "1s")
    for file in try Renderer.render(Catalog { config }) { try sandbox.write(file.path, file.contents) }

    let started = Date()
    let dns = try LiveProcess(
      Self.dnsmasq,
      [
        "--keep-in-foreground", "--conf-file=/dev/null", "--pid-file", "--no-resolv", "--no-hosts", "--no-poll",
        "--bind-interfaces", "--listen-address=\(nameserver)", "--port=53", "--addn-hosts=\(hosts.path)",
        "--srv-host=\(Self.service),\(Self.host),\(port)", "--log-facility=-",
      ],
      log: sandbox.root.appendingPathComponent("dnsmasq.log"))
    let prometheus = try LiveProcess(
      Self.unshare,
      ["--mount", "--", "/bin/sh", "-c", #"mount --bind "$0" /etc/resolv.conf && exec "$@""#, resolvConf.path, LivePrometheus.binary]
        + LivePrometheus.arguments(
          config: sandbox.output.appendingPathComponent("prometheus/prometheus.yml"), data: sandbox.root.appendingPathComponent("data"),
          port: port),
      log: sandbox.root.appendingPathComponent("prometheus.log"))
    let base = "http://127.0.0.1:\(port)"
    let failure = { "\nprometheus: \(prometheus.output)\ndnsmasq: \(dns.output)" }

    let first = "127.0.0.1:\(port) dns_name=\(Self.host)"
    let discovered = LivePrometheus.wait(seconds: 30) {
      LivePrometheus.targets(base, job: "records").map { "\($0.address) dns_name=\($0.labels["dns_name"] ?? "")" } == [first]
        && LivePrometheus.targets(base, job: "service").map { "\($0.address) \($0.health)" } == ["\(Self.host):\(port) up"]
    }
    try #require(
      discovered != nil,
      "records: \(LivePrometheus.targets(base, job: "records")), service: \(LivePrometheus.targets(base, job: "service"))\(failure())")

    // A second address for the name; dnsmasq re-reads its hosts file on SIGHUP.
    try Self.records(["127.0.0.1", "127.0.0.2"]).write(to: hosts, atomically: true, encoding: .utf8)
    try #require(kill(dns.pid, SIGHUP) == 0)
    let added = LivePrometheus.wait(seconds: 30) {
      LivePrometheus.targets(base, job: "records").map(\.address) == ["127.0.0.1:\(port)", "127.0.0.2:\(port)"]
    }
    #expect(added != nil, "records: \(LivePrometheus.targets(base, job: "records"))\(failure())")
    print("DNS SD live: A and SRV records discovered \(String(format: "%.1f", discovered ?? 0)) s after the start (the SRV target scraped by name: up), an added A record picked up after \(String(format: "%.1f", added ?? 0)) s (total \(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
  }
}
