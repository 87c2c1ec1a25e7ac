/// Failures of the commands, printed on stderr with exit code 1.
enum GenError: Error, CustomStringConvertible {
  case io(String)
  case noSpecMatches(String, command: String)
  case unknownEnvironment(String, known: [String])
  /// Another `gen` holds the output folder's lock.
  case busy(String)
  /// Paths `gen` refuses to write, read or delete (links, manifest entries outside the folder, …).
  case unsafeOutput([String], folder: String)

  var description: String {
    switch self {
    case .io(let message): "error: \(message)"
    case .noSpecMatches(let pattern, let command): "error: --only \(pattern) matches no spec; `\(command) list` shows them"
    case .unknownEnvironment(let name, let known):
      "error: no environment \"\(name)\" (environments: \(known.joined(separator: ", ")))"
    case .busy(let folder):
      "error: another gen is writing \(folder) (it holds \(folder)/.gen-lock); try again when it has finished"
    case .unsafeOutput(let problems, let folder):
      problems.map { "error: \($0)\n" }.joined() + "\(problems.count) problem(s) in \(folder); nothing was written."
    }
  }
}
