import Foundation

extension Console {
  /// The process's stdout and stderr; hints name the running executable (`swift run NAME` when it
  /// was built by SwiftPM, as `swift run` leaves it under `.build/`).
  public static let standard = Console(
    out: { FileHandle.standardOutput.write(Data($0.utf8)) },
    err: { FileHandle.standardError.write(Data($0.utf8)) },
    command: invokedCommand(CommandLine.arguments.first ?? "gen"))

  /// How to run `executable` again: `swift run monitor` for `.build/debug/monitor`, the path as typed otherwise.
  /// ```swift
  /// Console.invokedCommand("/home/me/orders/.build/debug/monitor")   // "swift run monitor"
  /// ```
  public static func invokedCommand(_ executable: String) -> String {
    let name = URL(fileURLWithPath: executable).lastPathComponent
    return executable.contains("/.build/") ? "swift run \(name)" : executable
  }
}
