/// The rules for a path `gen` writes or deletes, relative to the output folder: plain names joined by
/// `/`, nothing that leads out of the folder, nothing a file system refuses. The renderer checks every
/// file it returns against them (with the rest of the validation), and the command line checks every
/// entry of a `.gen-manifest`, which is text anyone can edit, before it deletes anything.
/// ```swift
/// OutputPath.problem("dev/prometheus/prometheus.yml")  // nil
/// OutputPath.problem("../etc/passwd")                  // "the name \"..\" leads out of the folder it is in"
/// ```
public enum OutputPath {
  /// The longest file or folder name, in UTF-8 bytes (`NAME_MAX` on Linux and macOS).
  public static let maxNameBytes = 255
  /// The longest relative path, in UTF-8 bytes (macOS' `PATH_MAX`, with room left for the folder's own path on Linux).
  public static let maxPathBytes = 1024
  /// Names starting with this are `gen`'s own bookkeeping (`.gen-manifest`, `.gen-lock`, temporary files).
  public static let reservedPrefix = ".gen-"

  /// Why `path` is not a plain relative path inside the output folder (a clause such as `it is an
  /// absolute path`), or `nil` when it is one.
  public static func problem(_ path: String) -> String? {
    if path.isEmpty { return "it is empty" }
    if path.hasPrefix("/") { return "it is an absolute path; gen only writes inside the output folder" }
    for name in path.split(separator: "/", omittingEmptySubsequences: false) {
      if name.isEmpty { return "it has an empty component (a doubled or trailing \"/\")" }
      if let problem = nameProblem(String(name)) { return problem }
    }
    if path.utf8.count > maxPathBytes {
      return "it is \(path.utf8.count) bytes long; a path gen writes has at most \(maxPathBytes) bytes"
    }
    return nil
  }

  /// Why `name` cannot be one file or folder name (a clause starting `the name`), or `nil`.
  public static func nameProblem(_ name: String) -> String? {
    if name.isEmpty { return "the name is empty" }
    if name == ".." { return "the name \"..\" leads out of the folder it is in" }
    if name == "." { return "the name \".\" is the folder itself" }
    if name.contains("/") { return "the name \(abbreviated(name)) contains \"/\"" }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
      return "the name \(abbreviated(name)) contains a control character (NUL, a newline, …), which file systems and tools refuse"
    }
    if name.utf8.count > maxNameBytes {
      return "the name \(abbreviated(name)) is \(name.utf8.count) bytes long; a file name has at most \(maxNameBytes) bytes"
    }
    return nil
  }

  /// The key under which two paths are one file on a case-insensitive file system (macOS' default).
  /// Swift compares strings by canonical equivalence, so `é` and `e` + `◌́` share a key too.
  public static func foldedKey(_ path: String) -> String { path.lowercased() }

  /// A name short enough for a message: the first 40 characters and the length.
  /// Quoted with control characters escaped (`"a\\0b.yml"`).
  static func abbreviated(_ name: String) -> String {
    guard name.count > 60 else { return name.debugDescription }
    return String(name.prefix(40)).debugDescription.dropLast() + "…\" (\(name.count) characters)"
  }
}
