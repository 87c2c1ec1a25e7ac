import Foundation
import Glibc
import MonitoringDSL
import Testing

/// `gen verify` and `gen diff --live` on bad input: each a clear error and a non-zero exit. (The
/// end-to-end test runs both against a real app, Prometheus and Alertmanager.)
@Suite struct VerifyCommandTests {
  /// A loopback port nothing listens on: bound, then released.
  private func closedPort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
  }

  @Test(arguments: [
    (["verify", "--environment", "dev"], "gen verify needs --prometheus URL"),
    (["verify", "--environment", "dev", "--prometheus", "ftp://x"], "--prometheus takes an http(s) URL, not ftp://x"),
    (["verify", "--environment", "dev", "--prometheus", "http://127.0.0.1:1", "--window", "0s"], "--window takes a duration of 1s or more"),
    (
      ["verify", "--environment", "dev", "--prometheus", "http://127.0.0.1:1", "--prometheus-user", "admin"],
      "--prometheus-user needs the password in --prometheus-password-file or $GEN_PROMETHEUS_PASSWORD"
    ),
    (
      ["verify", "--environment", "dev", "--prometheus", "http://127.0.0.1:1", "--prometheus-bearer-token-file", "/nonexistent/token"],
      "cannot read /nonexistent/token"
    ),
    (["diff", "--live", "--environment", "dev"], "--live needs --prometheus or --alertmanager"),
    (["diff", "--live", "--prometheus", "http://127.0.0.1:1"], "--live needs the --environment the servers run"),
    (["diff", "--live", "--environment", "dev", "--prometheus", "http://127.0.0.1:1", "--base", "HEAD"], "--live and --base compare against different things"),
  ])
  func badArgumentsAreClearErrors(_ arguments: [String], _ message: String) throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(arguments, catalog: SmallCatalog.make())
    #expect(run.status != 0)
    #expect(run.err.contains(message), "\(run.err)")
  }

  @Test func aServerThatDoesNotAnswerIsAnErrorOnEveryItem() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(
      ["verify", "--environment", "dev", "--prometheus", "http://127.0.0.1:\(try closedPort())", "--timeout", "2"], catalog: SmallCatalog.make())
    #expect(run.status == 1)
    let rows = run.out.split(separator: "\n").filter { $0.contains(" › ") }
    #expect(rows.count == 2)  // the dashboard's query and the rule
    #expect(rows.allSatisfy { $0.hasPrefix("error") })
    #expect(rows.first?.contains(#"dashboard "Service" › panel "Up 1" › query A"#) == true)
    #expect(run.out.contains("2 checked: 2 error"))
  }

  @Test func specsThatDoNotValidateAreReportedBeforeAnyRequest() throws {
    let sandbox = try Sandbox()
    var catalog = SmallCatalog.make()
    catalog.dashboards[0].items = [.panel(Stat("Broken") { Query("sum(rate(x[5m]) <") })]
    let run = sandbox.gen(["verify", "--environment", "dev", "--prometheus", "http://127.0.0.1:1"], catalog: catalog)
    #expect(run.status == 1)
    #expect(run.err.contains("PromQL parse error"))
    #expect(!run.out.contains("checked"))
  }

  @Test func liveDiffOfAnUnreachableServerIsAnError() throws {
    let sandbox = try Sandbox()
    let run = sandbox.gen(
      ["diff", "--live", "--environment", "dev", "--prometheus", "http://127.0.0.1:\(try closedPort())", "--timeout", "2"],
      catalog: SmallCatalog.make())
    #expect(run.status == 1)
    #expect(run.err.contains("error: http://127.0.0.1:"), "\(run.err)")
  }
}
