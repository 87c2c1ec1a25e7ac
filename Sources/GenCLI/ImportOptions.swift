import ArgumentParser
import Foundation
import MonitoringImport

/// Options every import takes.
struct ImportOptions: ParsableArguments {
  @Argument(help: "The file to import.")
  var file: String

  @Option(help: "Name of the Swift type to generate (default: from the file name).")
  var name: String?

  @Option(help: "Write the Swift here instead of stdout.")
  var to: String?

  var typeName: String {
    if let name { return name }
    let base = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    let identifier = base.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    return identifier.first?.isLetter == true ? identifier : "Imported" + identifier
  }

  /// The file as text: refused before it is read when larger than the import takes, and when it is not UTF-8.
  func read(limits: ImportLimits = .default) throws -> String {
    let source = URL(fileURLWithPath: file).lastPathComponent
    if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int {
      try importing { () throws(ImportFailure) in try ImportInput.checkSize(size, source: source, limits: limits) }
    }
    guard let data = FileManager.default.contents(atPath: file) else { throw GenError.io("cannot read \(file)") }
    return try importing { () throws(ImportFailure) in try ImportInput.text(Array(data), source: source, limits: limits) }
  }

  /// The Swift to `--to`, or to stdout.
  func write(_ swift: String, console: Console) throws {
    guard let to else { return console.out(swift) }
    try save(swift, to: to)
  }

  /// Prints an import's notes, and where its spec cannot reproduce the input (secrets taken out).
  func report(_ notes: [ImportNote], differences: [String], console: Console) {
    for note in notes { console.err("\(note)\n") }
    if !differences.isEmpty {
      console.err("warning: the import does not reproduce the input at: \(differences.joined(separator: ", "))\n")
    }
  }

  /// Writes the model the spec must render to `path` (`--expected`), for `gen import compare`; the
  /// text is made only then (for a large dashboard, writing it costs as much as parsing it).
  func writeExpected(_ text: @autoclosure () -> String, to path: String?) throws {
    guard let path else { return }
    try save(text(), to: path)
  }

  private func save(_ text: String, to path: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw GenError.io("cannot write \(path): \(error.localizedDescription)")
    }
  }
}

/// Runs an importer; a file it cannot import at all is an error of the command.
func importing<Result>(_ body: () throws(ImportFailure) -> Result) throws(GenError) -> Result {
  do {
    return try body()
  } catch {
    throw GenError.io(error.description)
  }
}
