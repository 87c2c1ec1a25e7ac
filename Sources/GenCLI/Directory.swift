import Foundation

/// An open folder inside the output folder: every operation takes one plain name relative to it
/// (`openat`, `renameat`, `unlinkat`, `mkdirat`), never follows a symbolic link, and names the
/// path relative to the output folder in its errors.
final class Directory {
  let fd: Int32
  /// Relative to the output folder, `""` for the folder itself.
  let path: String

  init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit { close(fd) }

  /// Opens `path` (the output folder itself, which may be reached through a link); `nil` when it does not exist.
  static func open(root path: String) throws(GenError) -> Directory? {
    let fd = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT { return nil }
      throw GenError.io("cannot open the output folder \(path): \(Self.reason())")
    }
    return Directory(fd: fd, path: "")
  }

  func child(_ name: String) -> String { path.isEmpty ? name : "\(path)/\(name)" }

  enum Kind { case missing, file, folder, symlink, other }

  /// What `name` is, without following a link.
  func kind(of name: String) -> (kind: Kind, status: stat) {
    var status = stat()
    guard fstatat(fd, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return (.missing, status) }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return (.file, status)
    case S_IFDIR: return (.folder, status)
    case S_IFLNK: return (.symlink, status)
    default: return (.other, status)
    }
  }

  /// Opens the folder `name`; fails when it is a link or anything but a folder.
  func openFolder(_ name: String) throws(GenError) -> Directory {
    let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard child >= 0 else { throw GenError.io("cannot open the folder \(self.child(name)): \(Self.reason())") }
    return Directory(fd: child, path: self.child(name))
  }

  func makeFolder(_ name: String) throws(GenError) {
    guard mkdirat(fd, name, 0o777) == 0 else { throw GenError.io("cannot create the folder \(child(name)): \(Self.reason())") }
  }

  /// The bytes of the regular file `name`.
  func read(_ name: String) throws(GenError) -> [UInt8] {
    let file = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard file >= 0 else { throw GenError.io("cannot read \(child(name)): \(Self.reason())") }
    defer { close(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(file, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw GenError.io("cannot read \(child(name)): \(Self.reason())")
      }
      if count == 0 { return bytes }
      bytes += chunk[..<count]
    }
  }

  /// Creates the new file `name` (it must not exist), writes `bytes` and syncs them to disk.
  /// `created` runs once the file exists, before its bytes are written.
  func createFile(_ name: String, bytes: some Collection<UInt8>, created: () throws -> Void) throws {
    let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
    guard file >= 0 else { throw GenError.io("cannot create \(child(name)): \(Self.reason())") }
    defer { close(file) }
    try created()
    let written = Array(bytes).withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let count = write(file, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if count < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += count
      }
      return true
    }
    guard written else { throw GenError.io("cannot write \(child(name)): \(Self.reason())") }
    guard fsync(file) == 0 else { throw GenError.io("cannot sync \(child(name)) to disk: \(Self.reason())") }
  }

  /// Moves `from` onto `to` in this folder, replacing it (atomic: a reader sees the old or the new file).
  func rename(_ from: String, to: String) throws(GenError) {
    guard renameat(fd, from, fd, to) == 0 else {
      throw GenError.io("cannot move \(child(from)) to \(child(to)): \(Self.reason())")
    }
  }

  func removeFile(_ name: String) throws(GenError) {
    guard unlinkat(fd, name, 0) == 0 else { throw GenError.io("cannot remove \(child(name)): \(Self.reason())") }
  }

  /// Removes the folder `name` when it is empty; false when it is not (or cannot be removed).
  func removeFolderIfEmpty(_ name: String) -> Bool { unlinkat(fd, name, AT_REMOVEDIR) == 0 }

  /// Makes the renames and removals in this folder durable.
  func sync() throws(GenError) {
    // NB: some file systems refuse fsync on a folder (EINVAL); nothing more can be done there.
    guard fsync(fd) == 0 || errno == EINVAL else {
      throw GenError.io("cannot sync the folder \(path.isEmpty ? "." : path) to disk: \(Self.reason())")
    }
  }

  /// The names in this folder, `.` and `..` left out, sorted.
  func names() throws(GenError) -> [String] {
    let copy = dup(fd)
    guard copy >= 0, let stream = fdopendir(copy) else {
      throw GenError.io("cannot list \(path.isEmpty ? "the output folder" : path): \(Self.reason())")
    }
    defer { closedir(stream) }
    rewinddir(stream)
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  static func reason() -> String { String(cString: strerror(errno)) }
}
