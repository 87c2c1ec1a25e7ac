/// The function names of one generated type: identifiers from titles, numbered when they repeat,
/// never one of the type's own members.
/// ```swift
/// var names = SwiftNames(reserved: ["dashboard"])
/// names.unique("CPU Busy", fallback: "panel")   // "cpuBusy", then "cpuBusy2"
/// ```
struct SwiftNames {
  private var used: Set<String>

  init(reserved: Set<String>) { used = reserved }

  mutating func unique(_ title: String, fallback: String) -> String {
    let base = SwiftLiteral.identifier(title, fallback: fallback)
    var name = base
    var counter = 2
    while used.contains(name) {
      name = "\(base)\(counter)"
      counter += 1
    }
    used.insert(name)
    return name
  }
}
