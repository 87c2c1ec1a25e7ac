import Hummingbird
import HummingbirdWebSocket
import Logging

/// Serves one WebSocket connection on `/ws`: counts it, its session and its messages, and echoes
/// every text message back.
///
/// The text message `error` is a documented test hook: it counts as an error (and is echoed
/// like any other text). Failures while reading or writing count as errors too; they are
/// rethrown, so the WebSocket layer closes the connection with the matching close code.
struct WebSocketHandler: Sendable {
  /// Largest message accepted, in bytes, and largest frame. A fragmented message growing past it
  /// ends the connection (close code 1009) and counts as an error; a single frame past it is
  /// refused by the WebSocket layer (also 1009) before the handler sees it, so it is not counted.
  static let maxMessageSize = 1 << 20
  /// The text message that increments `app_errors_total`.
  static let errorHook = "error"

  let metrics: AppMetrics
  let sessions: SessionTracker

  func handle(
    _ inbound: WebSocketInboundStream,
    _ outbound: WebSocketOutboundWriter,
    context: WebSocketRouterContext<BasicWebSocketRequestContext>
  ) async throws {
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
    } catch let cancellation as CancellationError {
      // The task was cancelled (the server is going away): not a failure of the connection.
      throw cancellation
    } catch {
      metrics.errors.increment()
      context.logger.warning("WebSocket connection failed", metadata: ["error": "\(error)"])
      throw error
    }
  }
}
