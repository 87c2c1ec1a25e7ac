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

  /// The rest of the type: the public property built by `constructor { body }` and its modifiers,
  /// then the functions it calls, then the type's closing brace. `body` holds whole lines (each
  /// ending in a newline, inner lines already indented); `modifiers` is indented text.
  static func property(
    _ name: String, type: String, constructor: String, body: [String], modifiers: String, functions: [String]
  ) -> String {
    var output = "  public static var \(name): \(type) {\n    \(constructor) {\n"
    output += body.map { "      " + $0 }.joined()
    output += "    }\n" + modifiers + "  }\n"
    for function in functions { output += "\n" + function }
    return output + "}\n"
  }
}
