import Foundation

/// `flock` on `.gen-lock` in the output folder: `gen` holds it exclusively while it writes, `gen check`
/// and `gen diff` shared while they read, so two runs on one folder never interleave. A second run
/// waits (``GenTestHooks/lockTimeout``, 10 s) and then fails with a message saying why.
///
/// The writer removes the lock file when it is done, so a finished run leaves nothing behind. A run
/// that took the lock on a file just removed (it waited on it) sees that the path no longer leads to
/// its file and takes the lock again on the new one; a file left by a killed run is simply reused.
final class OutputLock {
  private let fd: Int32
  private let folder: Directory
  private let exclusive: Bool

  private init(fd: Int32, folder: Directory, exclusive: Bool) {
    self.fd = fd
    self.folder = folder
    self.exclusive = exclusive
  }

  deinit { release() }

  private var released = false

  func release() {
    guard !released else { return }
    released = true
    if exclusive { _ = unlinkat(folder.fd, OutputFolder.lockName, 0) }  // before the unlock: see the type's note
    close(fd)
  }

  /// The writer's lock, in the output folder `folder`.
  static func exclusive(in folder: Directory, named output: String) throws(GenError) -> OutputLock {
    let deadline = Date().addingTimeInterval(GenTestHooks.lockTimeout)
    while true {
      let fd = openat(folder.fd, OutputFolder.lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
      guard fd >= 0 else {
        throw GenError.io("cannot open the lock file \(output)/\(OutputFolder.lockName): \(Directory.reason())")
      }
      guard try wait(fd, operation: LOCK_EX, until: deadline, output: output) else {
        close(fd)
        throw GenError.busy(output)
      }
      // Still the file at the path? A run that finished removed the one we waited on.
      var held = stat()
      var current = stat()
      if fstat(fd, &held) == 0, fstatat(folder.fd, OutputFolder.lockName, &current, AT_SYMLINK_NOFOLLOW) == 0,
        held.st_ino == current.st_ino, held.st_dev == current.st_dev
      {
        return OutputLock(fd: fd, folder: folder, exclusive: true)
      }
      close(fd)
    }
  }

  /// A reader's lock: `nil` when no run holds or left a lock file (a reader creates none).
  static func shared(in folder: Directory?, named output: String) throws(GenError) -> OutputLock? {
    guard let folder else { return nil }
    let fd = openat(folder.fd, OutputFolder.lockName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { return nil }
      throw GenError.io("cannot open the lock file \(output)/\(OutputFolder.lockName): \(Directory.reason())")
    }
    guard try wait(fd, operation: LOCK_SH, until: Date().addingTimeInterval(GenTestHooks.lockTimeout), output: output) else {
      close(fd)
      throw GenError.busy(output)
    }
    return OutputLock(fd: fd, folder: folder, exclusive: false)
  }

  /// Tries the lock every 20 ms until `deadline`; false when another process still holds it.
  private static func wait(_ fd: Int32, operation: Int32, until deadline: Date, output: String) throws(GenError) -> Bool {
    while flock(fd, operation | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        throw GenError.io("cannot lock \(output)/\(OutputFolder.lockName): \(Directory.reason())")
      }
      if Date() >= deadline { return false }
      usleep(20_000)
    }
    return true
  }
}
