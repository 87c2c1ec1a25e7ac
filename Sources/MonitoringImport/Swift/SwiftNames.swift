/// The function names of one generated type: identifiers from titles, numbered when they repeat,
/// never one of the type's own members.
/// ```swift
/// var names = SwiftNames(reserved: ["dashboard"])
/// names.unique("CPU Busy", fallback: "panel")   // "cpuBusy", then "cpuBusy2"
/// ```
struct SwiftNames {
  private var used: Set<String>
  /// The next number to try for each base: the ones below it are taken (names are never given
  /// back), so a title that repeats thousands of times costs no more than one that does not.
  private var nextNumber: [String: Int] = [:]

  init(reserved: Set<String>) { used = reserved }

  mutating func unique(_ title: String, fallback: String) -> String {
    let base = SwiftLiteral.identifier(title, fallback: fallback)
    var name = base
    var counter = nextNumber[base] ?? 2
    if used.contains(name) {
      repeat {
        name = "\(base)\(counter)"
        counter += 1
      } while used.contains(name)
      nextNumber[base] = counter
    }
    used.insert(name)
    return name
  }
}
