import Foundation
import ServiceLifecycle
import Synchronization

/// Runs a service and notes the instant its graceful shutdown began (the SIGTERM or SIGINT), so
/// the time until it has closed its connections and stopped can be measured.
struct TimedShutdownService<Wrapped: Service>: Service {
  let wrapped: Wrapped
  let clock = ShutdownClock()

  init(_ wrapped: Wrapped) {
    self.wrapped = wrapped
  }

  func run() async throws {
    try await withGracefulShutdownHandler {
      try await wrapped.run()
    } onGracefulShutdown: {
      clock.markShutdownBegan()
    }
  }
}

/// The instant a graceful shutdown began, set once.
final class ShutdownClock: Sendable {
  private let began = Mutex<ContinuousClock.Instant?>(nil)

  /// Notes the current instant, unless a shutdown already began.
  func markShutdownBegan() {
    began.withLock { $0 = $0 ?? .now }
  }

  /// Seconds from the start of the graceful shutdown until now, or nil if none began.
  func secondsSinceShutdownBegan() -> Double? {
    began.withLock { $0 }.map { (ContinuousClock.now - $0).seconds }
  }
}

/// The last shutdown's duration, kept in `DIR/last-shutdown-seconds` across a restart: an
/// observation made while the process exits is never scraped, so the next start observes it.
struct ShutdownRecord: Sendable {
  let file: URL

  init(directory: String) {
    file = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent("last-shutdown-seconds")
  }

  /// Writes the duration, creating the directory if needed.
  func save(seconds: Double) throws {
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try "\(seconds)\n".write(to: file, atomically: true, encoding: .utf8)
  }

  /// Reads and deletes the recorded duration; nil when there is none. A malformed file is deleted too.
  func take() throws -> Double? {
    guard FileManager.default.fileExists(atPath: file.path) else { return nil }
    let text = try String(contentsOf: file, encoding: .utf8)
    try FileManager.default.removeItem(at: file)
    guard let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), seconds >= 0 else {
      throw MalformedRecord(file: file.path, contents: text)
    }
    return seconds
  }

  /// The state file did not hold a non-negative number of seconds.
  struct MalformedRecord: Error, CustomStringConvertible {
    let file: String
    let contents: String
    var description: String { "\(file) does not hold a duration in seconds: \(contents.debugDescription)" }
  }
}

extension Duration {
  /// The duration in seconds, as a floating-point number.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
