import Foundation

/// A task executor with a thread of its own. ``waitFor(_:)`` runs async work on it and blocks until
/// it ends, so a synchronous command can await URLSession without the cooperative pool, whose threads
/// the caller may itself be holding (a test runner that calls `gen` in-process on each of them).
/// ```swift
/// let answer = ThreadExecutor.waitFor { await server.ask() }
/// ```
final class ThreadExecutor: TaskExecutor, @unchecked Sendable {
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var jobs: [UnownedJob] = []
  private var isStopped = false

  static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let executor = ThreadExecutor()
    let thread = Thread { executor.runJobs() }
    thread.start()
    let result = Handoff<T>()
    Task(executorPreference: executor) {
      let value = await work()
      result.put(value)
    }
    let value = result.take()
    executor.stop()
    return value
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  private func runJobs() {
    while let job = nextJob() { job.runSynchronously(on: asUnownedTaskExecutor()) }
  }

  /// The next job, waiting for one; nil once stopped with none left.
  private func nextJob() -> UnownedJob? {
    condition.lock()
    defer { condition.unlock() }
    while jobs.isEmpty && !isStopped { condition.wait() }
    return jobs.isEmpty ? nil : jobs.removeFirst()
  }

  private func stop() {
    condition.lock()
    isStopped = true
    condition.signal()
    condition.unlock()
  }
}

/// One value handed from the executor's thread to the thread that waits for it.
private final class Handoff<T>: @unchecked Sendable {
  private let condition = NSCondition()
  /// Guarded by `condition`.
  private var value: T?

  func put(_ newValue: T) {
    condition.lock()
    value = newValue
    condition.signal()
    condition.unlock()
  }

  func take() -> T {
    condition.lock()
    defer { condition.unlock() }
    while value == nil { condition.wait() }
    return value!
  }
}
