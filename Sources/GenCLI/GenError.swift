/// Failures of the commands, printed on stderr with exit code 1.
enum GenError: Error, CustomStringConvertible {
  case io(String)
  case noSpecMatches(String)
  case unknownEnvironment(String, known: [String])

  var description: String {
    switch self {
    case .io(let message): "error: \(message)"
    case .noSpecMatches(let pattern): "error: --only \(pattern) matches no spec; `gen list` shows them"
    case .unknownEnvironment(let name, let known):
      "error: no environment \"\(name)\" (environments: \(known.joined(separator: ", ")))"
    }
  }
}
