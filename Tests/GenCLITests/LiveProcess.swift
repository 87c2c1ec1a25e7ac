import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A server a live test starts, its output in a log file; stopped by its own PID and reaped when the
/// test ends, also when it fails.
///
/// Spawned with `posix_spawn` and an empty signal mask: a child of Foundation's `Process` inherits
/// the mask of the test's thread, where SIGTERM is blocked, and a server that does not reset it
/// (dnsmasq) would never stop.
final class LiveProcess {
  let pid: pid_t
  let log: URL

  init(_ executable: String, _ arguments: [String], log: URL) throws {
    self.log = log
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
    try #require(status == 0, "could not start \(executable): \(String(cString: strerror(status)))")
    pid = child
  }

  /// What the server has written so far, for a failure message.
  var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  /// SIGTERM, then SIGKILL if it has not stopped within 10 s, so a stuck server cannot hang the tests.
  deinit {
    kill(pid, SIGTERM)
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(10)
    while waitpid(pid, &status, WNOHANG) == 0 {
      if Date() > deadline {
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return
      }
      usleep(20_000)
    }
  }
}
