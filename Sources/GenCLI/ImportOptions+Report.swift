import Foundation
import MonitoringImport

extension ImportOptions {
  /// Prints an import's notes, and where its spec cannot reproduce the input (secrets taken out).
  func report(_ notes: [ImportNote], differences: [String], console: Console) {
    for note in notes { console.err("\(note)\n") }
    if !differences.isEmpty {
      console.err("warning: the import does not reproduce the input at: \(differences.joined(separator: ", "))\n")
    }
  }

  /// Writes the model the spec must render to `path` (`--expected`), for `gen import compare`.
  func writeExpected(_ text: String, to path: String?) throws {
    guard let path else { return }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw GenError.io("cannot write \(path): \(error.localizedDescription)")
    }
  }
}
