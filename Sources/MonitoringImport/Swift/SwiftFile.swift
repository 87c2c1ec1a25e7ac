/// The top of every file `gen import` writes: where it came from, how to read it, the notes for the
/// reviewer (the raw-JSON paths stay on stderr: the Swift shows them), and the opening of its type.
/// ```swift
/// var output = SwiftFile.opening(command: "rules", source: "node.yml", about: "…", notes: notes,
///                                doc: "The rules of node.yml.", typeName: "NodeRules")
/// ```
enum SwiftFile {
  static func opening(command: String, source: String, about: String?, notes: [ImportNote], doc: String, typeName: String) -> String {
    var output = "// Imported by `gen import \(command)` from \(source).\n"
    if let about { output += "// \(about)\n" }
    for note in notes {
      if case .keptRaw = note { continue }
      output += "// \(note)\n"
    }
    return output + "public import MonitoringDSL\n\n/// \(doc)\npublic enum \(typeName) {\n"
  }
}
