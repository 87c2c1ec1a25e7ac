import Prometheus
import Synchronization

/// Tracks sessions and keeps `app_sessions_tracked` equal to their number.
///
/// A client may name its session with `?session=<id>` on connect; connections with the same id
/// share that session. A connection without one is a session of its own. A session is tracked
/// while at least one of its connections is open.
final class SessionTracker: Sendable {
  /// Identifies a session: one a client named, or the anonymous session of a single connection.
  enum Key: Hashable, Sendable {
    case named(String)
    case anonymous(UInt64)
  }

  private struct State {
    var openConnections: [Key: Int] = [:]
    var nextAnonymous: UInt64 = 0
  }

  private let state = Mutex(State())
  private let gauge: Gauge

  init(gauge: Gauge) {
    self.gauge = gauge
  }

  /// Records a new connection of session `id` (or of a new anonymous session) and returns its key.
  func connectionOpened(session id: String?) -> Key {
    state.withLock { state in
      let key: Key
      if let id, !id.isEmpty {
        key = .named(id)
      } else {
        key = .anonymous(state.nextAnonymous)
        state.nextAnonymous += 1
      }
      state.openConnections[key, default: 0] += 1
      gauge.set(to: Double(state.openConnections.count))
      return key
    }
  }

  /// Records that a connection of session `key` closed; the session ends with its last connection.
  func connectionClosed(session key: Key) {
    state.withLock { state in
      guard let open = state.openConnections[key] else { return }
      state.openConnections[key] = open > 1 ? open - 1 : nil
      gauge.set(to: Double(state.openConnections.count))
    }
  }
}
