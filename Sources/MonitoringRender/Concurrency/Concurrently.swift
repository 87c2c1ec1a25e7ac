import Dispatch

/// Runs `background` on another thread while `foreground` runs on this one, and returns both results;
/// one after the other unless `worthAThread` (a thread costs more than a little work).
/// (Not a nested `concurrentPerform`: Dispatch runs an apply nested in another with fewer threads, and
/// `foreground` may apply on all cores itself.)
func concurrently<Foreground, Background: Sendable>(
  if worthAThread: Bool = true, _ foreground: () -> Foreground, _ background: @escaping @Sendable () -> Background
) -> (Foreground, Background) {
  guard worthAThread else { return (foreground(), background()) }
  // Written by the background block before `wait()` returns, read only after.
  nonisolated(unsafe) var backgroundResult: Background?
  let group = DispatchGroup()
  DispatchQueue.global().async(group: group) { backgroundResult = background() }
  let foregroundResult = foreground()
  group.wait()
  guard let backgroundResult else { fatalError("concurrently: the background block did not run") }
  return (foregroundResult, backgroundResult)
}
