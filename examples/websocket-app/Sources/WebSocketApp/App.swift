import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle
import UnixSignals

/// The WebSocket example service: `/ws` echoes text messages, `/metrics` exports the catalogue's
/// metrics for Prometheus, `/health` answers `ok`. SIGTERM or SIGINT shut it down gracefully.
@main
struct WebSocketAppCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "websocket-app",
    abstract: "WebSocket echo service with Prometheus metrics.")

  @Option(help: "Address to bind. Default: $HOST, else 0.0.0.0.")
  var host: String?

  @Option(help: "Port to listen on. Default: $PORT, else 80.")
  var port: Int?

  @Option(help: "Folder keeping the last shutdown's duration across restarts. Default: $STATE_DIR, else none.")
  var stateDir: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let host = host ?? environment["HOST"] ?? "0.0.0.0"
    let port = try port ?? environment["PORT"].map(Self.parsePort) ?? 80
    let record = (stateDir ?? environment["STATE_DIR"]).map(ShutdownRecord.init(directory:))

    var logger = Logger(label: "websocket-app")
    logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info

    let metrics = AppMetrics()
    do {
      if let seconds = try record?.take() {
        metrics.shutdownDuration.record(seconds)
        logger.info("Observed the previous shutdown", metadata: ["seconds": "\(seconds)"])
      }
    } catch {
      logger.warning("Could not read the previous shutdown's duration", metadata: ["error": "\(error)"])
    }

    let service = TimedShutdownService(
      Self.application(host: host, port: port, metrics: metrics, logger: logger))
    let group = ServiceGroup(
      configuration: .init(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()

    guard let seconds = service.clock.secondsSinceShutdownBegan() else { return }
    metrics.shutdownDuration.record(seconds)
    logger.info("Shut down gracefully", metadata: ["seconds": "\(seconds)"])
    do {
      try record?.save(seconds: seconds)
    } catch {
      logger.error("Could not save the shutdown's duration", metadata: ["error": "\(error)"])
    }
  }

  /// The HTTP routes, the WebSocket route and the server they run on.
  static func application(
    host: String, port: Int, metrics: AppMetrics, logger: Logger
  ) -> some ApplicationProtocol {
    let router = Router()
    router.get("/health") { _, _ in "ok" }
    router.get("/metrics") { _, _ in
      Response(
        status: .ok,
        headers: [.contentType: AppMetrics.contentType],
        body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }

    let handler = WebSocketHandler(metrics: metrics, sessions: SessionTracker(gauge: metrics.sessionsTracked))
    let webSocketRouter = Router(context: BasicWebSocketRequestContext.self)
    webSocketRouter.ws("/ws") { inbound, outbound, context in
      try await handler.handle(inbound, outbound, context: context)
    }

    return Application(
      router: router,
      server: .http1WebSocketUpgrade(
        webSocketRouter: webSocketRouter,
        configuration: HTTP1WebSocketUpgradeChannel.Configuration(
          ws: WebSocketServerConfiguration(maxFrameSize: WebSocketHandler.maxMessageSize))),
      configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
      logger: logger)
  }

  private static func parsePort(_ text: String) throws -> Int {
    guard let port = Int(text), (0...65535).contains(port) else {
      throw ValidationError("PORT must be a port number, not \(text.debugDescription)")
    }
    return port
  }
}
