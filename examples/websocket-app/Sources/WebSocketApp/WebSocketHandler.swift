import Hummingbird
import HummingbirdWebSocket
import Logging

/// Serves one WebSocket connection on `/ws`: counts it, its session and its messages, and echoes
/// every text message back.
///
/// The text message `error` is a documented test hook: it counts as an error (and is echoed
/// like any other text). Failures while reading or writing count as errors too.
struct WebSocketHandler: Sendable {
  /// Largest message accepted, in bytes; a larger one ends the connection and counts as an error.
  static let maxMessageSize = 1 << 20
  /// The text message that increments `app_errors_total`.
  static let errorHook = "error"

  let metrics: AppMetrics
  let sessions: SessionTracker

  func handle(
    _ inbound: WebSocketInboundStream,
    _ outbound: WebSocketOutboundWriter,
    context: WebSocketRouterContext<BasicWebSocketRequestContext>
  ) async {
    let session = sessions.connectionOpened(session: context.request.uri.queryParameters["session"].map(String.init))
    metrics.connectionsOpened.increment()
    metrics.activeConnections.increment()
    defer {
      metrics.activeConnections.decrement()
      metrics.connectionsClosed.increment()
      sessions.connectionClosed(session: session)
    }

    do {
      for try await message in inbound.messages(maxSize: Self.maxMessageSize) {
        metrics.messages.increment()
        if case .text(let text) = message {
          if text == Self.errorHook { metrics.errors.increment() }
          try await outbound.write(.text(text))
        }
      }
    } catch is CancellationError {
      // The server is going away: not an error of the connection.
    } catch {
      metrics.errors.increment()
      context.logger.warning("WebSocket connection failed", metadata: ["error": "\(error)"])
    }
  }
}
