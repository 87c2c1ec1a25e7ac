/// Seams for the package's tests (`package`, so not part of the library's API).
package enum GenTestHooks {
  /// How long a run waits for another run's lock on the output folder, in seconds.
  @TaskLocal package static var lockTimeout: Double = 10

  /// Called after every step of a write (``WriteStep``). A test copies the folder there to see what
  /// a kill at that moment leaves, or throws to make the step fail as a file-system error would.
  @TaskLocal package static var afterStep: (@Sendable (WriteStep) throws -> Void)?
}

/// The steps of writing the output folder, in order (see ``OutputWrite``).
package enum WriteStep: Hashable, Sendable, CustomStringConvertible {
  case locked
  case removedLeftover(String)
  case createdFolder(String)
  /// The temporary file for a path exists, still empty.
  case createdTemporary(String)
  /// The temporary file for a path holds its bytes, synced to disk.
  case staged(String)
  /// The manifest listing both the files before and after this run.
  case wroteUnionManifest
  case renamed(String)
  case removedStale(String)
  case removedFolder(String)
  case wroteManifest

  package var description: String {
    switch self {
    case .locked: "locked"
    case .removedLeftover(let path): "removed leftover \(path)"
    case .createdFolder(let path): "created folder \(path)"
    case .createdTemporary(let path): "created temporary for \(path)"
    case .staged(let path): "staged \(path)"
    case .wroteUnionManifest: "wrote union manifest"
    case .renamed(let path): "renamed \(path)"
    case .removedStale(let path): "removed stale \(path)"
    case .removedFolder(let path): "removed folder \(path)"
    case .wroteManifest: "wrote manifest"
    }
  }
}
